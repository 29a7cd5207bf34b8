package io.tally.spring.boot;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every {@link TallyHealthCheck}: the {@code tally} indicator is up when all are up, and shows each
 * provider's details under its name. The Spring Boot 4 and 3.5 indicators both delegate here.
 */
public final class TallyHealth {
    private final List<TallyHealthCheck> checks;

    /**
     * The health of these checks.
     *
     * @param checks the providers' checks
     */
    public TallyHealth(List<TallyHealthCheck> checks) {
        this.checks = List.copyOf(checks);
    }

    /**
     * Runs every check; a check that throws counts as down, with the exception's class name.
     *
     * @return up when all are up, with each provider's status and details under its name
     */
    public TallyHealthCheck.Result check() {
        boolean allUp = true;
        Map<String, Object> details = new LinkedHashMap<>();
        for (TallyHealthCheck check : checks) {
            TallyHealthCheck.Result result;
            try {
                result = check.check();
            } catch (RuntimeException e) {
                result = TallyHealthCheck.Result.down(Map.of("error", e.getClass().getSimpleName()));
            }
            allUp &= result.up();
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("status", result.up() ? "UP" : "DOWN");
            entry.putAll(result.details());
            details.put(check.name(), entry);
        }
        return new TallyHealthCheck.Result(allUp, details);
    }
}
