package io.tally.hitkeep.model;

/**
 * A redirect HitKeep answered with, not followed: for routes whose answer is where they send the
 * browser (QR redirects, OAuth and sign-up callbacks).
 *
 * @param statusCode the 3xx status, e.g. 302
 * @param location   the {@code Location} header as sent (absolute or relative to the instance)
 */
public record Redirect(int statusCode, String location) {}
