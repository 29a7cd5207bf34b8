package io.tally.hitkeep.model;

import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the signed-in user may do: instance role and permissions, per-site roles and capabilities, and the
 * active team's role and capabilities.
 *
 * @param instanceRole the user's instance role
 * @param instancePermissions instance permissions, e.g. {@code instance.view_audit}
 * @param instanceCapabilities instance capabilities the dashboard uses
 * @param permissions the user's role per site id
 * @param siteCapabilities site permissions per site id
 * @param activeTeamId the active team, or {@code null}
 * @param activeTeamRole the user's role in it, or {@code null}
 * @param activeTeamCapabilities team capabilities in the active team, e.g. {@code team.manage_members}
 */
public record PermissionContext(
        InstanceRole instanceRole,
        List<String> instancePermissions,
        List<String> instanceCapabilities,
        Map<String, String> permissions,
        Map<String, List<String>> siteCapabilities,
        @Nullable String activeTeamId,
        @Nullable TeamRole activeTeamRole,
        List<String> activeTeamCapabilities) {
    /** Copies each list and map into an unmodifiable one; {@code null} becomes empty. */
    public PermissionContext {
        instancePermissions = Immutable.list(instancePermissions);
        instanceCapabilities = Immutable.list(instanceCapabilities);
        permissions = Immutable.map(permissions);
        siteCapabilities = Immutable.map(siteCapabilities);
        activeTeamCapabilities = Immutable.list(activeTeamCapabilities);
    }
}
