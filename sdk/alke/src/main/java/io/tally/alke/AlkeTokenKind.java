package io.tally.alke;

/**
 * Which kind of Alke account a token belongs to. Both are JWTs valid for one year and sent the same way; the kind
 * only decides how Tally tells you to regenerate an expired token.
 */
public enum AlkeTokenKind {
    /**
     * A service account's token (for automation): an organisation owner regenerates it in the dashboard sidebar →
     * key icon → Service Accounts → Renew token. Scoped to one organisation.
     */
    SERVICE_ACCOUNT("regenerate it as an organisation owner: dashboard sidebar → key icon → Service Accounts → "
            + "Renew token"),
    /**
     * A user's personal token: regenerated under avatar → Profile → API Token → Regenerate token. Spans every
     * organisation the user belongs to.
     */
    PERSONAL("regenerate it under avatar → Profile → API Token → Regenerate token");

    private final String howToRegenerate;

    AlkeTokenKind(String howToRegenerate) {
        this.howToRegenerate = howToRegenerate;
    }

    /** How to get a new token of this kind, as a sentence fragment for messages. */
    public String howToRegenerate() {
        return howToRegenerate;
    }
}
