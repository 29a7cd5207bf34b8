package io.tally.spring.boot;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.tally.alephant.Alephant;
import io.tally.alephant.CredentialType;
import io.tally.alke.Alke;
import io.tally.alke.AlkeReport;
import io.tally.alke.AlkeReportRequest;
import io.tally.alke.AlkeTokenKind;
import io.tally.engagetrack.EngageTrack;
import io.tally.engagetrack.EngageTrackSender;
import io.tally.engagetrack.model.TrackedEvent;
import io.tally.testkit.alephant.AlephantDemo;
import io.tally.testkit.alephant.FakeAlephant;
import io.tally.testkit.alke.AlkeDemo;
import io.tally.testkit.alke.FakeAlke;
import io.tally.testkit.engagetrack.EngageTrackDemo;
import io.tally.testkit.engagetrack.FakeEngageTrack;
import io.tally.testkit.server.Fault;
import io.tally.testkit.server.RecordedExchange;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * EngageTrack, Alephant and Alke Analytics through the starter, against the testkit fakes, on whichever
 * Spring Boot version is on the classpath (Boot 4 here, Boot 3.5 in {@code boot3-tests}).
 */
class MoreProvidersAutoConfigurationTest {
    private static FakeEngageTrack engageTrack;
    private static FakeAlephant alephant;
    private static FakeAlke alke;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(
                    AutoConfigurations.of(EngageTrackAutoConfiguration.class, AlephantAutoConfiguration.class,
                            AlkeAutoConfiguration.class, TallyMetricsAutoConfiguration.class,
                            TallyHealthAutoConfiguration.class));

    @BeforeAll
    static void startFakes() {
        engageTrack = FakeEngageTrack.start();
        alephant = FakeAlephant.start();
        alke = FakeAlke.start();
    }

    @AfterAll
    static void stopFakes() {
        engageTrack.close();
        alephant.close();
        alke.close();
    }

    @BeforeEach
    void resetFakes() {
        engageTrack.reset();
        alke.reset();
    }

    @Configuration(proxyBeanMethods = false)
    static class Metrics {
        @Bean
        MeterRegistry meterRegistry() {
            return new SimpleMeterRegistry();
        }
    }

    private String[] engageTrackProperties() {
        return new String[] {"tally.engagetrack.base-url=" + engageTrack.baseUrl(),
                "tally.engagetrack.api-key=" + EngageTrackDemo.API_KEY,
                "tally.engagetrack.organization-id=" + EngageTrackDemo.ORG_ID, "tally.engagetrack.max-retries=0"};
    }

    private String[] alephantProperties() {
        return new String[] {"tally.alephant.base-url=" + alephant.baseUrl(),
                "tally.alephant.analytics-base-url=" + alephant.baseUrl(),
                "tally.alephant.pat=" + AlephantDemo.READ_PAT,
                "tally.alephant.workspace-id=" + AlephantDemo.WORKSPACE_ID, "tally.alephant.max-retries=0"};
    }

    @Test
    void withoutPropertiesNoClientIsCreated() {
        runner.withPropertyValues("tally.engagetrack.api-key=", "tally.alke.api-token= ").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(EngageTrack.class);
            assertThat(context).doesNotHaveBean(Alephant.class);
            assertThat(context).doesNotHaveBean(Alke.class);
            assertThat(context).doesNotHaveBean(TallyHealthCheck.class);
        });
    }

    @Test
    void engageTrackIsConfiguredFromPropertiesAndCheckedBySiteList() {
        runner.withPropertyValues(engageTrackProperties()).run(context -> {
            EngageTrack client = context.getBean(EngageTrack.class);
            assertThat(client.organizationId()).isEqualTo(EngageTrackDemo.ORG_ID);
            int sites = client.sites().list().execute().size();
            assertThat(sites).isPositive();
            assertThat(engageTrack.lastRequest().header("Authorization"))
                    .isEqualTo("Bearer " + EngageTrackDemo.API_KEY);

            TallyHealthCheck.Result up = context.getBean(TallyHealth.class).check();
            assertThat(up.up()).isTrue();
            assertThat(up.details().get("engagetrack")).isEqualTo(Map.of("status", "UP",
                    "baseUrl", String.valueOf(client.options().baseUrl()), "organizationId", EngageTrackDemo.ORG_ID,
                    "sites", sites));

            engageTrack.failNext(Fault.status(503));
            TallyHealthCheck.Result down = context.getBean(TallyHealth.class).check();
            assertThat(down.up()).isFalse();
            assertThat(down.details().get("engagetrack")).isEqualTo(Map.of("status", "DOWN",
                    "baseUrl", String.valueOf(client.options().baseUrl()), "organizationId", EngageTrackDemo.ORG_ID,
                    "error", "ServerException"));
            assertThat(down.toString()).doesNotContain(EngageTrackDemo.API_KEY);
        });
    }

    @Test
    void engageTrackSenderIsCreatedOnlyWhenEnabledAndSendsItsQueueAtShutdown() {
        runner.withPropertyValues("tally.engagetrack.base-url=" + engageTrack.baseUrl())
                .run(context -> assertThat(context).doesNotHaveBean(EngageTrackSender.class));
        runner.withPropertyValues("tally.engagetrack.base-url=" + engageTrack.baseUrl(),
                "tally.engagetrack.sender.enabled=true", "tally.engagetrack.sender.pace=0s",
                "tally.engagetrack.sender.queue-capacity=50", "tally.engagetrack.sender.close-timeout=30s")
                .run(context -> {
                    assertThat(context).hasSingleBean(EngageTrackSender.class);
                    EngageTrackSender sender = context.getBean(EngageTrackSender.class);
                    for (int i = 0; i < 3; i++) {
                        sender.event(TrackedEvent.builder(EngageTrackDemo.SHOP_PUBLIC_ID,
                                "https://shop.example.com/p/" + i).build());
                    }
                });
        // the context is closed: the sender was closed with it, and closing sent the queue
        assertThat(engageTrack.requests()).filteredOn(r -> r.method().equals("POST") && r.path().endsWith("/event"))
                .hasSize(3)
                .allSatisfy(r -> assertThat(r.header("Authorization")).isNull());
    }

    @Test
    void badSenderSettingsNameTheSetting() {
        runner.withPropertyValues("tally.engagetrack.base-url=" + engageTrack.baseUrl(),
                "tally.engagetrack.sender.enabled=true", "tally.engagetrack.sender.queue-capacity=0")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("queueCapacity"));
    }

    @Test
    void engageTrackForIngestionOnlyHasNoHealthCheck() {
        runner.withPropertyValues("tally.engagetrack.base-url=" + engageTrack.baseUrl()).run(context -> {
            assertThat(context).hasSingleBean(EngageTrack.class);
            assertThat(context).doesNotHaveBean("engageTrackHealthCheck");
        });
        runner.withPropertyValues("tally.engagetrack.api-key=" + EngageTrackDemo.API_KEY,
                "tally.engagetrack.organization-id=").run(context -> {
                    assertThat(context).as("an empty organisation id is unset").hasSingleBean(EngageTrack.class);
                    assertThat(context).doesNotHaveBean("engageTrackHealthCheck");
                });
    }

    @Test
    void twoCredentialsForOneClientFailStartupNamingThem() {
        runner.withPropertyValues("tally.engagetrack.api-key=" + EngageTrackDemo.API_KEY,
                "tally.engagetrack.session-token=" + EngageTrackDemo.SESSION_TOKEN)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("tally.engagetrack: set api-key or session-token, not both")
                        .hasMessageNotContaining(EngageTrackDemo.API_KEY));
        runner.withPropertyValues("tally.alephant.pat=" + AlephantDemo.READ_PAT,
                "tally.alephant.virtual-key=" + AlephantDemo.AGENT_VK)
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .isInstanceOf(IllegalArgumentException.class)
                        .hasMessageContaining("tally.alephant: set one of pat, jwt and virtual-key"));
    }

    @Test
    void alephantIsConfiguredFromPropertiesAndCheckedByItsHealthRoutes() {
        runner.withPropertyValues(alephantProperties()).run(context -> {
            Alephant client = context.getBean(Alephant.class);
            assertThat(client.credentialType()).isEqualTo(CredentialType.PAT);
            assertThat(client.workspaceId()).isEqualTo(AlephantDemo.WORKSPACE_ID);
            client.collector().overview().execute();
            RecordedExchange last = last(alephant.requests());
            assertThat(last.header("Authorization")).isEqualTo("Bearer " + AlephantDemo.READ_PAT);
            assertThat(last.header("X-Workspace-Id")).isEqualTo(AlephantDemo.WORKSPACE_ID);

            TallyHealthCheck.Result up = context.getBean(TallyHealth.class).check();
            assertThat(up.up()).isTrue();
            assertThat(up.details().get("alephant")).isEqualTo(Map.of("status", "UP",
                    "baseUrl", alephant.baseUrl() + "/", "analyticsBaseUrl", alephant.baseUrl() + "/",
                    "credential", "PAT", "cockpit", "ok", "analytics", "ok"));
            assertThat(last(alephant.requests()).header("Authorization")).as("the health routes are public").isNull();

            alephant.failNext(Fault.status(503));
            TallyHealthCheck.Result down = context.getBean(TallyHealth.class).check();
            assertThat(down.up()).isFalse();
            assertThat(((Map<?, ?>) down.details().get("alephant")).get("error")).isEqualTo("ServerException");
        });
    }

    @Test
    void alkeIsConfiguredFromPropertiesWithoutAHealthCheck() {
        runner.withPropertyValues("tally.alke.base-url=" + alke.baseUrl(), "tally.alke.api-token=" + AlkeDemo.TOKEN,
                "tally.alke.token-kind=personal").run(context -> {
                    Alke client = context.getBean(Alke.class);
                    AlkeReport report = client.reports().run(AlkeReportRequest.builder()
                            .propertyId(AlkeDemo.SHOP_PROPERTY_ID).dateFrom(LocalDate.of(2026, 1, 1))
                            .dateTo(LocalDate.of(2026, 1, 7)).metrics("pageviews").build());
                    assertThat(report.raw()).isNotNull();
                    assertThat(last(alke.requests()).header("Authorization")).isEqualTo("Bearer " + AlkeDemo.TOKEN);
                    assertThat(context.getBean(AlkeProperties.class).getTokenKind()).isEqualTo(AlkeTokenKind.PERSONAL);
                    assertThat(context).doesNotHaveBean(TallyHealthCheck.class);
                });
        runner.withPropertyValues("tally.alke.api-token=" + AlkeDemo.TOKEN, "tally.alke.enabled=false")
                .run(context -> assertThat(context).doesNotHaveBean(Alke.class));
    }

    @Test
    void everyClientsCallsAreTimedInMicrometer() {
        runner.withUserConfiguration(Metrics.class).withPropertyValues(engageTrackProperties())
                .withPropertyValues(alephantProperties())
                .withPropertyValues("tally.alke.base-url=" + alke.baseUrl(), "tally.alke.api-token=" + AlkeDemo.TOKEN)
                .run(context -> {
                    context.getBean(EngageTrack.class).sites().list().execute();
                    context.getBean(Alephant.class).collector().overview().execute();
                    context.getBean(Alke.class).reports().run(AlkeReportRequest.builder()
                            .propertyId(AlkeDemo.SHOP_PROPERTY_ID).dateFrom(LocalDate.of(2026, 1, 1))
                            .dateTo(LocalDate.of(2026, 1, 2)).metrics("visits").build());
                    MeterRegistry registry = context.getBean(MeterRegistry.class);
                    for (String provider : List.of("EngageTrack", "Alephant", "Alke")) {
                        assertThat(registry.get(MicrometerRequestListener.REQUESTS).tags("provider", provider,
                                "outcome", "SUCCESS").timer().count()).as(provider).isEqualTo(1);
                    }
                });
    }

    @Test
    void configurationMetadataDescribesTheNewProviders() throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("metadata written by spring-boot-configuration-processor").isNotNull();
            String metadata = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertThat(metadata).contains("\"name\": \"tally.engagetrack.api-key\"",
                    "\"name\": \"tally.engagetrack.session-token\"", "\"name\": \"tally.engagetrack.organization-id\"",
                    "\"name\": \"tally.alephant.analytics-base-url\"", "\"name\": \"tally.alephant.pat\"",
                    "\"name\": \"tally.alephant.jwt\"", "\"name\": \"tally.alephant.virtual-key\"",
                    "\"name\": \"tally.alephant.workspace-id\"", "\"name\": \"tally.alke.api-token\"",
                    "\"name\": \"tally.alke.token-kind\"", "\"name\": \"tally.alke.base-url\"",
                    "A personal access token (pat_...)");
        }
    }

    private static RecordedExchange last(List<RecordedExchange> requests) {
        assertThat(requests).isNotEmpty();
        return requests.get(requests.size() - 1);
    }
}
