package io.tally.core;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** Facts about this Tally build. */
public final class Tally {
    private static final String VERSION = readVersion();

    private Tally() {}

    /** The Tally version, e.g. {@code 0.1.0}; {@code dev} when run from unpackaged classes. */
    public static String version() {
        return VERSION;
    }

    private static String readVersion() {
        try (InputStream in = Tally.class.getResourceAsStream("/io/tally/core/tally.properties")) {
            if (in == null) {
                return "dev";
            }
            Properties p = new Properties();
            p.load(in);
            String v = p.getProperty("version", "dev");
            return v.startsWith("$") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
