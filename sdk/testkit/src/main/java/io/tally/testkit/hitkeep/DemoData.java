package io.tally.testkit.hitkeep;

import io.tally.testkit.hitkeep.Model.AiFetch;
import io.tally.testkit.hitkeep.Model.Event;
import io.tally.testkit.hitkeep.Model.Funnel;
import io.tally.testkit.hitkeep.Model.Goal;
import io.tally.testkit.hitkeep.Model.Hit;
import io.tally.testkit.hitkeep.Model.QrCode;
import io.tally.testkit.hitkeep.Model.QrOpen;
import io.tally.testkit.hitkeep.Model.Site;
import io.tally.testkit.hitkeep.Model.VitalSample;
import java.time.Instant;
import java.util.List;

/** The generated, immutable demo dataset: one {@link SiteSeed} per demo site, every list sorted by time. */
record DemoData(long seed, Instant now, List<SiteSeed> sites) {

    record SiteSeed(Site site, List<Hit> hits, List<Event> events, List<VitalSample> vitals, List<AiFetch> aiFetches,
            List<QrCode> qrCodes, List<QrOpen> qrOpens, List<Goal> goals, List<Funnel> funnels) {}
}
