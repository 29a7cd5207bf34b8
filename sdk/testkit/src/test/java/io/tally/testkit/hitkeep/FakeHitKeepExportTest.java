package io.tally.testkit.hitkeep;

import static io.tally.testkit.hitkeep.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class FakeHitKeepExportTest {
    private static final String SHOP = "/api/sites/" + HitKeepDemo.SHOP_SITE_ID;
    private static final String DAY = "from=2026-06-24T00:00:00Z&to=2026-06-24T23:59:59Z";

    @RegisterExtension
    static final SharedFake HITKEEP = SharedFake.clearRequestsBeforeEachTest();

    private static int dayTotal;

    @BeforeAll
    static void countTheDay() {
        dayTotal = json(HITKEEP.get(SHOP + "/hits?" + DAY, Http.bearer(HitKeepDemo.TOKEN))).get("total").asInt();
    }

    @Test
    void csvIsTheDefaultWithAHeaderRowAndOneLinePerHit() {
        Http.Reply r = HITKEEP.get(SHOP + "/hits/export?" + DAY, Http.bearer(HitKeepDemo.TOKEN));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/csv; charset=utf-8");
        assertThat(r.header("Content-Disposition")).startsWith("attachment; filename=hits-shop.example.com-")
                .endsWith(".csv");
        String[] lines = r.body().split("\n");
        assertThat(lines[0]).startsWith("id,site_id,session_id,page_id,timestamp,path,");
        assertThat(lines).hasSize(dayTotal + 1);
    }

    @Test
    void jsonAndNdjsonCarryTheSameRows() throws IOException {
        JsonNode array = json(
                HITKEEP.get(SHOP + "/hits/export?" + DAY + "&format=json", Http.bearer(HitKeepDemo.TOKEN)));
        assertThat(array).hasSize(dayTotal);

        Http.Reply nd = HITKEEP.get(SHOP + "/hits/export?" + DAY + "&format=ndjson", Http.bearer(HitKeepDemo.TOKEN));
        assertThat(nd.header("Content-Type")).isEqualTo("application/x-ndjson");
        String[] lines = nd.body().split("\n");
        assertThat(lines).hasSize(dayTotal);
        assertThat(Fixtures.MAPPER.readTree(lines[0])).isEqualTo(array.get(0));
    }

    @Test
    void filtersAndSearchApplyToExports() {
        JsonNode mobile = json(HITKEEP.get(SHOP + "/hits/export?" + DAY + "&format=json&filter=device:Mobile&q=product",
                Http.bearer(HitKeepDemo.TOKEN)));

        assertThat(mobile.size()).isPositive().isLessThan(dayTotal);
        assertThat(mobile).allSatisfy(h -> assertThat(h.get("viewport_width").asInt()).isLessThan(576));
    }

    @Test
    void takeoutDefaultsToAValidXlsxWorkbook() throws IOException {
        Http.Reply r = HITKEEP.get(SHOP + "/takeout", Http.bearer(HitKeepDemo.TOKEN));

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type"))
                .isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        List<String> entries = new ArrayList<>();
        String sheet = null;
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(r.bytes()))) {
            for (ZipEntry e; (e = zip.getNextEntry()) != null;) {
                entries.add(e.getName());
                if (e.getName().equals("xl/worksheets/sheet1.xml")) {
                    sheet = new String(zip.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                }
            }
        }
        assertThat(entries).contains("[Content_Types].xml", "_rels/.rels", "xl/workbook.xml",
                "xl/worksheets/sheet1.xml");
        assertThat(sheet).contains("<t>session_id</t>", "<t>shop.example.com</t>");
    }

    @Test
    void parquetIsNotImplementedAndUnknownFormatsAre400() {
        Http.Reply parquet = HITKEEP.get(SHOP + "/hits/export?format=parquet", Http.bearer(HitKeepDemo.TOKEN));
        assertThat(parquet.status()).isEqualTo(501);
        assertThat(parquet.header("Content-Type")).isEqualTo("text/plain; charset=utf-8");
        assertThat(HITKEEP.get(SHOP + "/hits/export?format=pdf", Http.bearer(HitKeepDemo.TOKEN)).body())
                .isEqualTo("Invalid format\n");
    }

    @Test
    void aiFetchExportUsesTheAiFilters() {
        String[] lines = HITKEEP
                .get("/api/sites/" + HitKeepDemo.DOCS_SITE_ID + "/ai-fetch/export?assistant_name=ClaudeBot",
                        Http.bearer(HitKeepDemo.TOKEN))
                .body().split("\n");

        assertThat(lines[0]).startsWith("id,site_id,timestamp,assistant_name,");
        assertThat(lines.length).isGreaterThan(1);
        for (int i = 1; i < lines.length; i++) {
            assertThat(lines[i]).contains(",ClaudeBot,Anthropic,");
        }
    }
}
