package io.tally.alephant;

/** A personal access token's scope: {@code write} implies {@code read}, {@code admin} both (design doc). */
public enum PatScope {
    /** {@code read}. */
    READ("read"),
    /** {@code write}. */
    WRITE("write"),
    /** {@code admin}. */
    ADMIN("admin");

    private final String wire;

    PatScope(String wire) {
        this.wire = wire;
    }

    /** The value as sent. */
    public String wire() {
        return wire;
    }

    /** The enum constant for a value as sent, e.g. {@code read}. */
    public static PatScope fromWire(String value) {
        for (PatScope v : values()) {
            if (v.wire.equals(value)) {
                return v;
            }
        }
        throw new IllegalArgumentException("patScope must be one of read, write, admin, got '" + value + "'");
    }

    @Override
    public String toString() {
        return wire;
    }
}
