package io.tally.hitkeep;

import io.tally.core.spi.ResponseHandle;
import io.tally.core.spi.ResponseReader;
import io.tally.core.TallyException;
import io.tally.hitkeep.model.Redirect;

/** Reads a 3xx answer as a {@link Redirect} without following it. */
final class RedirectReader implements ResponseReader<Redirect> {
    static final RedirectReader INSTANCE = new RedirectReader();

    @Override
    public Redirect read(ResponseHandle response) {
        String location = response.headers().first("Location").orElse(null);
        if (response.statusCode() < 300 || response.statusCode() >= 400 || location == null) {
            throw new TallyException(
                    "HitKeep answered " + response.statusCode() + (location == null ? " without a Location header" : "")
                            + " where a redirect was expected");
        }
        return new Redirect(response.statusCode(), location);
    }

    @Override
    public boolean acceptsRedirect() {
        return true;
    }
}
