package io.tally.alephant;

import io.tally.core.spi.ResponseReader;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A single-metric series: {@code metric} (required), {@code granularity} ({@code day} by default;
 * {@code hour} is refused before sending with {@code success_rate} and {@code latency}, which the
 * server answers with 40010) and {@code preset} ({@code 30d} by default).
 *
 * @param <T> what the request returns
 */
public final class TimeseriesRequest<T> extends AlephantRequest<T, TimeseriesRequest<T>> {
    private final TimeseriesMetric metric;
    private @Nullable Granularity granularity;

    TimeseriesRequest(Alephant client, Host host, String path, TimeseriesMetric metric, ResponseReader<T> reader) {
        super(client, host, host == Host.ANALYTICS ? Access.VK_OR_WORKSPACE : Access.WORKSPACE, "GET", path,
                new Object[0], reader);
        this.metric = Objects.requireNonNull(metric, "metric");
        query("metric", metric.wire());
    }

    /** {@code day} (default) or {@code hour}. */
    public TimeseriesRequest<T> granularity(Granularity granularity) {
        this.granularity = granularity;
        return query("granularity", granularity == null ? null : granularity.wire());
    }

    /** The window, e.g. {@link TimeseriesPreset#LAST_7_DAYS}. */
    public TimeseriesRequest<T> preset(TimeseriesPreset preset) {
        return query("preset", preset == null ? null : preset.wire());
    }

    @Override
    protected void validateInputs() {
        if (granularity == Granularity.HOUR
                && (metric == TimeseriesMetric.SUCCESS_RATE || metric == TimeseriesMetric.LATENCY)) {
            throw new IllegalArgumentException("granularity hour is not available for metric " + metric.wire()
                    + "; use granularity day (Alephant answers 40010)");
        }
    }
}
