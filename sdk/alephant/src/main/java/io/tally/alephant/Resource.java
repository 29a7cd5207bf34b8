package io.tally.alephant;

import com.fasterxml.jackson.databind.JsonNode;
import io.tally.alephant.AlephantRequest.Host;
import io.tally.core.spi.ResponseReader;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Shared helpers of the resource groups. */
abstract class Resource {
    private static final Pattern UUID = Pattern
            .compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    final Alephant client;

    Resource(Alephant client) {
        this.client = client;
    }

    <T> AlephantCall<T> call(Host host, Access access, String method, String path, Function<JsonNode, T> convert,
            Object... pathValues) {
        return new AlephantCall<>(client, host, access, method, path, pathValues, reader(host, convert));
    }

    static <T> ResponseReader<T> reader(Host host, Function<JsonNode, T> convert) {
        return host == Host.COCKPIT ? Readers.wholeBody(convert) : Readers.payload(convert);
    }

    static String id(String name, String value) {
        if (value == null || value.trim().isEmpty()) {
            throw new IllegalArgumentException(
                    name + " must be an id, got " + (value == null ? "null" : "a blank value"));
        }
        return value.trim();
    }

    static String uuid(String name, String value) {
        if (value == null || !UUID.matcher(value.trim()).matches()) {
            throw new IllegalArgumentException(
                    name + " must be a UUID such as 3f2b8c1e-0000-4000-8000-000000000000, got "
                            + (value == null ? "null" : "'" + value + "'"));
        }
        return value.trim();
    }
}
