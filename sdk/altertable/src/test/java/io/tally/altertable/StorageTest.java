package io.tally.altertable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StorageTest {
    @TempDir
    Path dir;

    @Test
    void aFileStoreKeepsItsValuesAcrossInstances() throws IOException {
        Path file = dir.resolve("nested/altertable.json");
        Storage first = Storage.file(file);
        assertThat(first.get("a")).isNull();
        first.set("a", "1");
        first.set("b", "two \"quoted\"\nline");
        first.remove("a");
        first.remove("missing");

        Storage second = Storage.file(file);
        assertThat(second.get("a")).isNull();
        assertThat(second.get("b")).isEqualTo("two \"quoted\"\nline");
        try (Stream<Path> files = Files.list(file.getParent())) {
            assertThat(files.map(p -> p.getFileName().toString()).collect(Collectors.toList()))
                    .as("no temporary file is left behind").containsExactly("altertable.json");
        }
    }

    @Test
    void aDamagedFileIsSetAsideAndTheStoreStartsEmpty() throws IOException {
        Path file = dir.resolve("altertable.json");
        Files.write(file, "{\"a\":\"1\"".getBytes(StandardCharsets.UTF_8));
        Storage storage = Storage.file(file);
        assertThat(storage.get("a")).isNull();
        assertThat(dir.resolve("altertable.json.corrupt")).exists();
        storage.set("a", "2");
        assertThat(Storage.file(file).get("a")).isEqualTo("2");
    }

    @Test
    void theMemoryStoreIsAMap() {
        Storage storage = Storage.inMemory();
        storage.set("k", "v");
        assertThat(storage.get("k")).isEqualTo("v");
        storage.remove("k");
        assertThat(storage.get("k")).isNull();
    }

    @Test
    void aMobileClientWorksOnAFileStore() {
        Path file = dir.resolve("state.json");
        Altertable altertable = Altertable.builder().apiKey("pk_test_file")
                .build((t, p) -> io.tally.core.delivery.SendOutcome.delivered(200));
        AltertableMobile mobile = AltertableMobile.builder(altertable).storage(Storage.file(file)).build();
        mobile.identify("user-1");
        String device = mobile.deviceId();
        mobile.close();

        Altertable again = Altertable.builder().apiKey("pk_test_file")
                .build((t, p) -> io.tally.core.delivery.SendOutcome.delivered(200));
        AltertableMobile restarted = AltertableMobile.builder(again).storage(Storage.file(file)).build();
        try {
            assertThat(restarted.deviceId()).isEqualTo(device);
            assertThat(restarted.distinctId()).isEqualTo("user-1");
        } finally {
            restarted.close();
        }
    }
}
