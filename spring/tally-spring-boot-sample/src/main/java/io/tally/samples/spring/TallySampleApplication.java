package io.tally.samples.spring;

import io.tally.altertable.Altertable;
import io.tally.hitkeep.HitKeep;
import io.tally.hitkeep.model.Site;
import java.util.List;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;

/**
 * A Spring Boot application that gets its Tally clients from the starter: {@code HitKeep} and
 * {@code Altertable} beans configured in {@code application.properties} and from the environment
 * ({@code TALLY_HITKEEP_BASE_URL}, {@code TALLY_HITKEEP_API_TOKEN}, {@code TALLY_ALTERTABLE_API_KEY}).
 * At startup it lists the HitKeep sites and records that it did so in Altertable; the starter sends
 * the queued event when the application stops.
 */
@SpringBootApplication
public class TallySampleApplication {
    /** Created by Spring. */
    public TallySampleApplication() {}

    /**
     * Starts the application, runs the report once and stops.
     *
     * @param args Spring Boot's command-line arguments, e.g. {@code --tally.hitkeep.base-url=...}
     */
    public static void main(String[] args) {
        SpringApplication.run(TallySampleApplication.class, args).close();
    }

    /**
     * The report run at startup.
     *
     * @param hitKeep    the HitKeep client the starter configured
     * @param altertable the Altertable client the starter configured
     * @return the runner
     */
    @Bean
    ApplicationRunner siteReport(HitKeep hitKeep, Altertable altertable) {
        return args -> {
            List<Site> sites = hitKeep.sites().list().execute();
            for (Site site : sites) {
                System.out.println("site " + site.domain());
            }
            altertable.track("site_report_run", "tally-sample", java.util.Map.of("sites", sites.size()));
        };
    }
}
