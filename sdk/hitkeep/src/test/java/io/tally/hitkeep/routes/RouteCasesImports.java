package io.tally.hitkeep.routes;

import static io.tally.hitkeep.routes.Part2Fixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

import io.tally.hitkeep.model.DigestFrequency;
import io.tally.hitkeep.model.GeneratedOpportunities;
import io.tally.hitkeep.model.ImportChunkProgress;
import io.tally.hitkeep.model.ImportFileDeclaration;
import io.tally.hitkeep.model.ImportJob;
import io.tally.hitkeep.model.ImportProvider;
import io.tally.hitkeep.model.ImportUpload;
import io.tally.hitkeep.model.Importer;
import io.tally.hitkeep.model.Opportunity;
import io.tally.hitkeep.model.OpportunityDigestPreview;
import io.tally.hitkeep.model.OpportunityStatus;
import io.tally.hitkeep.model.Status;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Route cases for imports (8) and opportunities (4). */
final class RouteCasesImports {
    private RouteCasesImports() {}

    @SuppressWarnings("unchecked")
    static void add(List<RouteCase> cases) {
        String base = "/api/sites/" + SITE;

        cases.add(RouteCase.get("/api/sites/{id}/importers")
                .call(hk -> hk.imports().importers(SITE))
                .path(base + "/importers")
                .respond(200,
                        "[{\"key\":\"plausible\",\"name\":\"Plausible\",\"accepted_extensions\":[\".zip\",\".csv\"],"
                                + "\"capabilities\":[\"traffic\",\"events\"]},{\"key\":\"simpleanalytics\",\"name\":\"Simple Analytics\","
                                + "\"accepted_extensions\":[\".csv\"],\"capabilities\":[\"traffic\"]}]")
                .check(r -> {
                    List<Importer> list = (List<Importer>) r;
                    assertThat(list).extracting(Importer::key).containsExactly("plausible", "simpleanalytics");
                    assertThat(list.get(0).acceptedExtensions()).containsExactly(".zip", ".csv");
                    assertThat(list.get(1).capabilities()).containsExactly("traffic");
                }));

        cases.add(RouteCase.get("/api/sites/{id}/imports")
                .call(hk -> hk.imports().list(SITE))
                .path(base + "/imports")
                .respond(200, "{\"imports\":[" + IMPORT_JOB_JSON + "]}")
                .check(r -> {
                    List<ImportJob> jobs = (List<ImportJob>) r;
                    assertThat(jobs).hasSize(1);
                    ImportJob job = jobs.get(0);
                    assertThat(job.status()).isEqualTo("validated");
                    assertThat(job.manifest().datasets().get(0).pageviews()).isEqualTo(143020);
                    assertThat(job.manifest().ignoredFiles()).isEmpty();
                    assertThat(job.manifest().overlap().estimatedSkippedPageviews()).isEqualTo(2210);
                    assertThat(job.manifest().eventCoverage().eventNames()).isEmpty();
                    assertThat(job.files().get(0).complete()).isTrue();
                    assertThat(job.validatedAt()).isEqualTo(Instant.parse("2026-06-08T09:02:10Z"));
                    assertThat(job.startedAt()).isNull();
                }));

        cases.add(RouteCase.post("/api/sites/{id}/imports/{provider}/uploads")
                .call(hk -> hk.imports().createUpload(SITE, ImportProvider.PLAUSIBLE, Arrays.asList(
                        ImportFileDeclaration.of("plausible-export.zip", 48213)
                                .withSha256("9F86D081884C7D659A2FEAA0C55AD015A3BF4F1B2B0B822CD15D6C15B0F00A08"),
                        ImportFileDeclaration.of("custom_events.csv", 912))))
                .path(base + "/imports/plausible/uploads")
                .jsonBody("{\"files\":[{\"filename\":\"plausible-export.zip\",\"size_bytes\":48213,"
                        + "\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\"},"
                        + "{\"filename\":\"custom_events.csv\",\"size_bytes\":912}]}")
                .respond(200, "{\"import_id\":\"" + IMPORT + "\",\"provider\":\"plausible\",\"status\":\"uploading\","
                        + "\"chunk_size\":8388608,\"files\":[{\"id\":\"" + FILE
                        + "\",\"filename\":\"plausible-export.zip\","
                        + "\"size_bytes\":48213,\"bytes_received\":0,\"sha256\":\"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\","
                        + "\"status\":\"pending\"},{\"id\":\"e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b\",\"filename\":\"custom_events.csv\","
                        + "\"size_bytes\":912,\"bytes_received\":0,\"status\":\"pending\"}]}")
                .check(r -> {
                    ImportUpload upload = (ImportUpload) r;
                    assertThat(upload.importId()).isEqualTo(IMPORT);
                    assertThat(upload.chunkSize()).isEqualTo(8L << 20);
                    assertThat(upload.files()).extracting(f -> f.sizeBytes()).containsExactly(48213L, 912L);
                    assertThat(upload.files().get(0).complete()).isFalse();
                }));

        byte[] chunk = "date,visitors\n2025-01-01,312\n".getBytes(StandardCharsets.UTF_8);
        cases.add(RouteCase.put("/api/sites/{id}/imports/uploads/{importID}/files/{fileID}/chunks")
                .call(hk -> hk.imports().uploadChunk(SITE, IMPORT, FILE, 8388608L, chunk))
                .path(base + "/imports/uploads/" + IMPORT + "/files/" + FILE + "/chunks")
                .query("offset", "8388608")
                .header("Content-Type", "application/octet-stream")
                .bodyContains("date,visitors\n2025-01-01,312\n")
                .respond(200,
                        "{\"import_id\":\"" + IMPORT + "\",\"file_id\":\"" + FILE + "\",\"bytes_received\":8388638,"
                                + "\"complete\":true}")
                .check(r -> {
                    ImportChunkProgress p = (ImportChunkProgress) r;
                    assertThat(p.bytesReceived()).isEqualTo(8388638L);
                    assertThat(p.complete()).isTrue();
                    assertThat(p.fileId()).isEqualTo(FILE);
                }));

        cases.add(RouteCase.post("/api/sites/{id}/imports/uploads/{importID}/validate")
                .call(hk -> hk.imports().validate(SITE, IMPORT))
                .path(base + "/imports/uploads/" + IMPORT + "/validate")
                .respond(200, IMPORT_JOB_JSON)
                .check(r -> {
                    ImportJob job = (ImportJob) r;
                    assertThat(job.manifest().warnings()).extracting(w -> w.code()).containsExactly("overlap");
                    assertThat(job.manifest().rowsAccepted()).isEqualTo(1188);
                }));

        cases.add(RouteCase.get("/api/sites/{id}/imports/{importID}")
                .call(hk -> hk.imports().get(SITE, IMPORT))
                .path(base + "/imports/" + IMPORT)
                .respond(200, IMPORT_JOB_JSON)
                .check(r -> assertThat(((ImportJob) r).bytesTotal()).isEqualTo(48213)));

        cases.add(RouteCase.delete("/api/sites/{id}/imports/{importID}")
                .call(hk -> hk.imports().delete(SITE, IMPORT))
                .path(base + "/imports/" + IMPORT)
                .respond(200, "{\"status\":\"ok\"}\n")
                .check(r -> assertThat(((Status) r).status()).isEqualTo("ok")));

        cases.add(RouteCase.post("/api/sites/{id}/imports/{importID}/start")
                .call(hk -> hk.imports().start(SITE, IMPORT))
                .path(base + "/imports/" + IMPORT + "/start")
                .respond(200, IMPORT_JOB_JSON.replace("\"validated\"", "\"running\"")
                        .replace("\"validated_at\"", "\"started_at\":\"2026-06-08T09:05:00Z\",\"validated_at\""))
                .check(r -> {
                    ImportJob job = (ImportJob) r;
                    assertThat(job.status()).isEqualTo("running");
                    assertThat(job.startedAt()).isEqualTo(Instant.parse("2026-06-08T09:05:00Z"));
                }));

        // ---- opportunities ----

        cases.add(RouteCase.get("/api/sites/{id}/opportunities")
                .call(hk -> hk.opportunities().list(SITE))
                .path(base + "/opportunities")
                .respond(200, "{\"opportunities\":[" + OPPORTUNITY_JSON + "]}")
                .check(r -> {
                    Opportunity o = ((List<Opportunity>) r).get(0);
                    assertThat(o.score()).isEqualTo(87);
                    assertThat(o.scoreBreakdown().evidenceFit()).isEqualTo(15);
                    assertThat(o.statusValue()).isEqualTo(OpportunityStatus.NEW);
                    assertThat(o.copyParams()).containsEntry("step", "/checkout/payment");
                    assertThat(o.evidence().get(0).detailParams()).containsEntry("entries", 1203);
                    assertThat(o.citedEvidenceIds()).containsExactly("ev1");
                }));

        cases.add(RouteCase.get("/api/sites/{id}/opportunities/digest-preview")
                .call(hk -> hk.opportunities().digestPreview(SITE).frequency(DigestFrequency.DAILY))
                .path(base + "/opportunities/digest-preview")
                .query("frequency", "daily")
                .respond(200, "{\"frequency\":\"daily\",\"should_send\":true,\"reason\":\"ready\",\"items\":[{\"id\":\""
                        + OPPORTUNITY + "\",\"site_id\":\"" + SITE + "\",\"kind\":\"traffic\",\"category\":\"new\","
                        + "\"type_key\":\"t\",\"title_key\":\"opportunities.traffic_drop.title\",\"action_key\":\"a\","
                        + "\"digest_key\":\"d\",\"copy_params\":{},\"impact_value\":\"-18%\",\"impact_label_key\":\"l\","
                        + "\"confidence\":\"medium\",\"score\":64,\"score_breakdown\":{\"impact\":20,\"urgency\":10,"
                        + "\"evidence_fit\":10,\"actionability\":10,\"freshness\":6,\"sample\":8,\"effort\":0,\"total\":64},"
                        + "\"status\":\"saved\",\"route_label_key\":\"nav.overview\",\"route_icon\":\"chart\","
                        + "\"evidence\":[],\"cited_evidence_ids\":[]}]}")
                .check(r -> {
                    OpportunityDigestPreview p = (OpportunityDigestPreview) r;
                    assertThat(p.shouldSend()).isTrue();
                    assertThat(p.reason()).isEqualTo("ready");
                    assertThat(p.items()).extracting(i -> i.score()).containsExactly(64);
                    assertThat(p.items().get(0).routeParams()).isEmpty();
                }));

        cases.add(RouteCase.post("/api/sites/{id}/opportunities/generate")
                .call(hk -> hk.opportunities().generate(SITE).range(WEEK))
                .path(base + "/opportunities/generate")
                .query("from", FROM)
                .query("to", TO)
                .respond(200, "{\"ai_status\":\"disabled\",\"opportunities\":[" + OPPORTUNITY_JSON + "]}")
                .check(r -> {
                    GeneratedOpportunities g = (GeneratedOpportunities) r;
                    assertThat(g.aiStatus()).isEqualTo("disabled");
                    assertThat(g.opportunities()).extracting(Opportunity::id).containsExactly(OPPORTUNITY);
                }));

        cases.add(RouteCase.patch("/api/sites/{id}/opportunities/{opportunityID}")
                .call(hk -> hk.opportunities().updateStatus(SITE, OPPORTUNITY, OpportunityStatus.DISMISSED))
                .path(base + "/opportunities/" + OPPORTUNITY)
                .jsonBody("{\"status\":\"dismissed\"}")
                .respond(200, OPPORTUNITY_JSON.replace("\"status\":\"new\"", "\"status\":\"dismissed\""))
                .check(r -> assertThat(((Opportunity) r).statusValue()).isEqualTo(OpportunityStatus.DISMISSED)));
    }
}
