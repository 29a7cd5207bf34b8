package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.DemoData.SiteSeed;
import io.tally.testkit.hitkeep.Model.AiFetch;
import io.tally.testkit.hitkeep.Model.Event;
import io.tally.testkit.hitkeep.Model.Funnel;
import io.tally.testkit.hitkeep.Model.Goal;
import io.tally.testkit.hitkeep.Model.Hit;
import io.tally.testkit.hitkeep.Model.QrCode;
import io.tally.testkit.hitkeep.Model.QrOpen;
import io.tally.testkit.hitkeep.Model.RealtimeEvent;
import io.tally.testkit.hitkeep.Model.Site;
import io.tally.testkit.hitkeep.Model.VitalSample;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * One site's data: the generated demo rows (immutable, sorted by time, visible once the clock has reached them)
 * plus whatever was ingested or created through the API since the last reset.
 */
final class SiteData {
    final Site site;
    private final List<Hit> baseHits;
    private final List<Event> baseEvents;
    private final List<VitalSample> baseVitals;
    private final List<AiFetch> baseAiFetches;
    private final List<QrOpen> baseQrOpens;
    final List<QrCode> qrCodes;

    private final List<Hit> ingestedHits = new CopyOnWriteArrayList<>();
    private final List<Event> ingestedEvents = new CopyOnWriteArrayList<>();
    private final List<AiFetch> ingestedAiFetches = new CopyOnWriteArrayList<>();
    private final List<QrOpen> ingestedQrOpens = new CopyOnWriteArrayList<>();
    final List<Goal> goals = new CopyOnWriteArrayList<>();
    final List<Funnel> funnels = new CopyOnWriteArrayList<>();
    final List<RealtimeEvent> realtime = new CopyOnWriteArrayList<>();

    private SiteData(Site site, List<Hit> hits, List<Event> events, List<VitalSample> vitals, List<AiFetch> aiFetches,
            List<QrCode> qrCodes, List<QrOpen> qrOpens) {
        this.site = site;
        this.baseHits = hits;
        this.baseEvents = events;
        this.baseVitals = vitals;
        this.baseAiFetches = aiFetches;
        this.baseQrOpens = qrOpens;
        this.qrCodes = qrCodes;
    }

    static SiteData fromSeed(SiteSeed seed) {
        SiteData data = new SiteData(seed.site(), seed.hits(), seed.events(), seed.vitals(), seed.aiFetches(),
                seed.qrCodes(), seed.qrOpens());
        data.goals.addAll(seed.goals());
        data.funnels.addAll(seed.funnels());
        return data;
    }

    static SiteData empty(Site site) {
        return new SiteData(site, List.of(), List.of(), List.of(), List.of(), List.of(), List.of());
    }

    String id() {
        return site.id();
    }

    List<Hit> hits(Instant now) {
        return visible(baseHits, ingestedHits, now, h -> h.timestamp);
    }

    List<Event> events(Instant now) {
        return visible(baseEvents, ingestedEvents, now, Event::timestamp);
    }

    List<VitalSample> vitals(Instant now) {
        return visible(baseVitals, List.of(), now, VitalSample::timestamp);
    }

    List<AiFetch> aiFetches(Instant now) {
        return visible(baseAiFetches, ingestedAiFetches, now, AiFetch::timestamp);
    }

    List<QrOpen> qrOpens(Instant now) {
        return visible(baseQrOpens, ingestedQrOpens, now, QrOpen::timestamp);
    }

    void addHit(Hit hit) {
        ingestedHits.add(hit);
    }

    void addEvent(Event event) {
        ingestedEvents.add(event);
    }

    void addAiFetch(AiFetch fetch) {
        ingestedAiFetches.add(fetch);
    }

    void addQrOpen(QrOpen open) {
        ingestedQrOpens.add(open);
    }

    /** The most recent pageview of a session, ingested or generated, or {@code null}. */
    @Nullable
    Hit lastHitOfSession(String sessionId, Instant now) {
        Hit last = null;
        for (Hit h : hits(now)) {
            if (h.sessionId.equals(sessionId) && (last == null || !h.timestamp.isBefore(last.timestamp))) {
                last = h;
            }
        }
        return last;
    }

    /** Generated rows up to {@code now} (binary search: they are sorted), then every ingested row. */
    private static <T> List<T> visible(List<T> base, List<T> ingested, Instant now, Function<T, Instant> time) {
        int lo = 0;
        int hi = base.size();
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (time.apply(base.get(mid)).isAfter(now)) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        if (ingested.isEmpty()) {
            return base.subList(0, lo);
        }
        List<T> all = new ArrayList<>(lo + ingested.size());
        all.addAll(base.subList(0, lo));
        all.addAll(ingested);
        return Collections.unmodifiableList(all);
    }
}
