package io.tally.engagetrack.model;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A visitor. <b>Personal data</b>: e-mail, name, avatar and external id identify a person once identified.
 *
 * @param id the visitor's UUID
 * @param uid the persistent visitor UID set by the tracker
 * @param email the identified e-mail, or {@code null}
 * @param name the identified name, or {@code null}
 * @param avatarUrl the identified avatar URL, or {@code null}
 * @param externalId your user id, when identified
 * @param firstSeenAt first visit
 * @param lastSeenAt most recent visit
 * @param totalSessions lifetime sessions
 * @param totalPageviews lifetime pageviews
 * @param totalGoals lifetime goal completions
 * @param totalRevenue lifetime revenue
 * @param lastCountry most recent country code
 * @param lastBrowser most recent browser
 * @param lastOs most recent operating system
 * @param lastDevice most recent device type
 * @param lastReferrerSource most recent traffic source
 */
public record Visitor(String id, String uid, @Nullable String email, @Nullable String name, @Nullable String avatarUrl,
        String externalId,
        Instant firstSeenAt, Instant lastSeenAt, long totalSessions, long totalPageviews, long totalGoals,
        double totalRevenue, String lastCountry, String lastBrowser, String lastOs, String lastDevice,
        String lastReferrerSource) {}
