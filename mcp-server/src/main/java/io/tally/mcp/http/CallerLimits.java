package io.tally.mcp.http;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * The rate limits every request passes, cheapest key first, shared by every endpoint of a server:
 * <ol>
 *   <li>per client address (all requests from it, whatever token they carry);</li>
 *   <li>per client address for requests whose token the upstream has not accepted yet ({@link VerifiedTokens}):
 *       rotating made-up tokens all draw from this one budget, so they cannot bypass the per-token limit;</li>
 *   <li>per token.</li>
 * </ol>
 */
public final class CallerLimits {
    private final TokenRateLimiter perToken;
    private final @Nullable TokenRateLimiter perAddress;
    private final @Nullable TokenRateLimiter unverifiedPerAddress;
    private final VerifiedTokens verified;

    /**
     * Which limit refused a request, and when to retry.
     *
     * @param limit      {@code address}, {@code unverified} or {@code token}
     * @param retryAfter when the limit allows the next request
     */
    public record Refusal(String limit, Duration retryAfter) {}

    /**
     * @param perToken             the per-token limit
     * @param perAddress           the per-address limit, or null for none
     * @param unverifiedPerAddress the per-address limit for unverified tokens, or null for none
     * @param verified             the tokens the upstream accepted
     */
    public CallerLimits(TokenRateLimiter perToken, @Nullable TokenRateLimiter perAddress,
            @Nullable TokenRateLimiter unverifiedPerAddress, VerifiedTokens verified) {
        this.perToken = perToken;
        this.perAddress = perAddress;
        this.unverifiedPerAddress = unverifiedPerAddress;
        this.verified = verified;
    }

    /** The tokens the upstream accepted (the upstream gate confirms them). */
    public VerifiedTokens verified() {
        return verified;
    }

    /**
     * Takes one request from each budget that applies.
     *
     * @param address   the client's address
     * @param tokenHash the hash of the request's token
     * @param trusted   whether the token is trusted without upstream confirmation (the server's own fallback token)
     * @return null when allowed, otherwise which limit refused it
     */
    public @Nullable Refusal tryAcquire(String address, String tokenHash, boolean trusted) {
        if (perAddress != null) {
            Duration wait = perAddress.tryAcquire(address);
            if (!wait.isZero()) {
                return new Refusal("address", wait);
            }
        }
        if (unverifiedPerAddress != null && !trusted && !verified.isVerified(tokenHash)) {
            Duration wait = unverifiedPerAddress.tryAcquire(address);
            if (!wait.isZero()) {
                return new Refusal("unverified", wait);
            }
        }
        Duration wait = perToken.tryAcquire(tokenHash);
        return wait.isZero() ? null : new Refusal("token", wait);
    }
}
