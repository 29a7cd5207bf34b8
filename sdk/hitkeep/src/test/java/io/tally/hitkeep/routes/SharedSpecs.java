package io.tally.hitkeep.routes;

import java.io.File;

/** Finds files in ../shared (set by surefire as tally.shared.dir, else looked up from the working dir). */
final class SharedSpecs {
    private SharedSpecs() {}

    /** The file, or {@code null} when ../shared is not there. */
    static File file(String relative) {
        String configured = System.getProperty("tally.shared.dir");
        if (configured != null) {
            File f = new File(configured, relative);
            if (f.isFile()) {
                return f;
            }
        }
        File dir = new File("").getAbsoluteFile();
        for (int i = 0; i < 5 && dir != null; i++, dir = dir.getParentFile()) {
            File f = new File(new File(dir, "shared"), relative);
            if (f.isFile()) {
                return f;
            }
            f = new File(new File(dir.getParentFile() == null ? dir : dir.getParentFile(), "shared"), relative);
            if (f.isFile()) {
                return f;
            }
        }
        return null;
    }
}
