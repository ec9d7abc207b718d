package org.studioresidency.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.notification.domain.Delivery;
import org.studioresidency.notification.event.CoverageEvents;
import org.studioresidency.notification.event.DirectoryEvents;
import org.studioresidency.notification.event.SessionEvents;
import org.studioresidency.notification.repository.DeliveryRepository;
import org.studioresidency.notification.service.CoverageNotifications;
import org.studioresidency.notification.service.DirectoryService;
import org.studioresidency.notification.service.SessionNotifications;
import org.studioresidency.notification.service.WeeklyDigests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.awaitility.Awaitility.await;

/**
 * Not a test (surefire's default includes skip it). Run:
 * {@code ./mvnw -q -pl notification-service test -Dtest=DigestBenchmark -Dsurefire.failIfNoSpecifiedTests=false}
 *
 * <p>1. 1,000 principals' weekly digests rendered, recorded and delivered to the local SMTP server.
 * 2. Latency from a session-summarised event on Kafka to the SMTP server accepting each of its emails.
 * Runs with the production sender settings (poll every second, 50 emails a round).
 */
@QuarkusTest
@TestProfile(DigestBenchmark.ProductionSender.class)
class DigestBenchmark {

    private static final int PAIRS = 500;
    private static final int SUMMARISED_EVENTS = 100;
    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    public static class ProductionSender implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("notification.sender.poll-interval", "1s");
        }
    }

    @Inject
    DirectoryService directory;
    @Inject
    SessionNotifications sessions;
    @Inject
    CoverageNotifications coverage;
    @Inject
    WeeklyDigests digests;
    @Inject
    DeliveryRepository deliveries;
    @Inject
    ObjectMapper json;

    @Test
    void measure() throws Exception {
        LocalDate today = LocalDate.now(DISTRICT);
        for (int i = 0; i < PAIRS; i++) {
            DistrictFixture pair = knownPair();
            ObjectNode published = pair.sessionEvent(SessionEvents.PUBLISHED, today.plusDays(1 + i % 13), 0);
            sessions.apply(published.get("id").asText(), SessionEvents.PUBLISHED, null,
                    json.treeToValue(published.get("data"), SessionEvents.SessionEvent.class));
            ObjectNode requested = pair.coverageEvent(CoverageEvents.REQUESTED, today.plusDays(1 + i % 13), "Teacher " + i);
            coverage.apply(requested.get("id").asText(), CoverageEvents.REQUESTED,
                    json.treeToValue(requested.get("data"), CoverageEvents.CoverageEvent.class));
        }

        long start = System.nanoTime();
        int recorded = digests.prepare(today.minusDays(today.getDayOfWeek().getValue() - 1L), today);
        long prepared = System.nanoTime();
        await().atMost(Duration.ofMinutes(15)).pollInterval(Duration.ofMillis(100)).until(() ->
                sent("weekly-digest") >= recorded);
        long delivered = System.nanoTime();
        double totalSeconds = (delivered - start) / 1e9;
        System.out.printf("%nDIGESTS: %d principals, %d digests rendered and recorded in %.1f s, all accepted by SMTP after %.1f s: %.0f emails/s%n",
                2 * PAIRS, recorded, (prepared - start) / 1e9, totalSeconds, recorded / totalSeconds);

        Map<String, Instant> publishedAt = new HashMap<>();
        for (int i = 0; i < SUMMARISED_EVENTS; i++) {
            DistrictFixture pair = knownPair();
            ObjectNode summarised = pair.sessionEvent(SessionEvents.SUMMARISED, today.minusDays(1), 0);
            pair.publishSession(summarised);
            publishedAt.put(summarised.get("id").asText(), Instant.now());
        }
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(100)).until(() ->
                sent("session-summary") >= 3L * SUMMARISED_EVENTS);
        List<Long> latencies = new ArrayList<>();
        QuarkusTransaction.requiringNew().run(() -> deliveries.list("template = ?1 AND status = ?2", "session-summary", Delivery.Status.SENT)
                .forEach(d -> latencies.add(Duration.between(publishedAt.get(d.sourceEventIds[0]), d.sentAt.toInstant()).toMillis())));
        latencies.sort(Long::compare);
        System.out.printf("SUMMARY LATENCY: %d emails from %d events on Kafka; median %d ms, p99 %d ms, max %d ms (event published -> SMTP accepted, marked SENT)%n%n",
                latencies.size(), SUMMARISED_EVENTS, percentile(latencies, 50), percentile(latencies, 99), latencies.get(latencies.size() - 1));
    }

    private DistrictFixture knownPair() throws Exception {
        DistrictFixture pair = new DistrictFixture();
        for (ObjectNode school : List.of(pair.school(pair.studioSchool, pair.studioName, "Maria Alvarez", pair.studioPrincipal),
                pair.school(pair.residencySchool, pair.residencyName, "Tom Okafor", pair.residencyPrincipal))) {
            directory.apply(school.get("id").asText(), json.treeToValue(school.get("data"), DirectoryEvents.SchoolState.class));
        }
        return pair;
    }

    private long sent(String template) {
        return QuarkusTransaction.requiringNew().call(() ->
                deliveries.count("template = ?1 AND status = ?2", template, Delivery.Status.SENT));
    }

    private static long percentile(List<Long> sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
