package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.notification.event.SessionEvents;
import org.studioresidency.notification.repository.DeliveryRepository;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ConflictAlertMailTest {

    private static final String OFFICE = "district-office@test.district.example";
    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    @Inject
    DeliveryRepository deliveries;

    @Test
    void shouldAlertTheDistrictOfficeAndTheHostPrincipalOncePerConflict() {
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        UUID conflictId = UUID.randomUUID();
        String detail = detail(district);
        ObjectNode detected = conflictEvent(district, SessionEvents.CONFLICT_DETECTED, LocalDate.now(DISTRICT).plusDays(30), 0,
                conflictId, detail);

        district.publishSession(detected);
        district.publishSession(DistrictFixture.withNewId(detected.deepCopy())); // the same conflict announced again

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mails(OFFICE, "Scheduling conflict", detail)).hasSize(1);
            assertThat(mails(district.studioPrincipal, "Scheduling conflict", detail)).hasSize(1);
        });
        JsonNode alert = mails(OFFICE, "Scheduling conflict", detail).get(0);
        assertThat(alert.get("subject").asText()).startsWith("Scheduling conflict: session 3 at " + district.studioName + " on ")
                .endsWith("(morning)");
        assertThat(Mailbox.part(alert, "text/plain").get("content").asText())
                .contains(detail, "Pairing: " + district.studioName + " with " + district.residencyName, "Session: Session 3",
                        "WHAT TO DO", "alternatives", "Alicia Gomez is booked in two sessions at once");
        assertThat(Mailbox.part(alert, "text/html").get("content").asText()).contains(detail, "What to do");
        String recordedMessageId = QuarkusTransaction.requiringNew().call(() -> deliveries
                .find("dedupeKey", "conflict-alert:" + conflictId + ":" + OFFICE).singleResult().smtpMessageId);
        assertThat(alert.get("messageId").asText()).isEqualTo(recordedMessageId);
        assertThat(Mailbox.part(mails(district.studioPrincipal, "Scheduling conflict", detail).get(0), "text/plain")
                .get("content").asText()).contains("Dear Maria Alvarez");
        assertThat(Mailbox.to(district.residencyPrincipal)).isEmpty();
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(mails(OFFICE, "Scheduling conflict", detail)).hasSize(1));
    }

    @Test
    void shouldTellThoseAlertedWhenTheConflictIsResolved() {
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        UUID conflictId = UUID.randomUUID();
        String detail = detail(district);
        LocalDate date = LocalDate.now(DISTRICT).plusDays(30);
        district.publishSession(conflictEvent(district, SessionEvents.CONFLICT_DETECTED, date, 0, conflictId, detail));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(mails(OFFICE, "Scheduling conflict", detail)).hasSize(1));

        String resolution = "The session moved to " + date.plusDays(7) + " AM. " + district.tag;
        ObjectNode resolved = conflictEvent(district, SessionEvents.CONFLICT_RESOLVED, date.plusDays(7), 1, conflictId, detail);
        ((ObjectNode) resolved.get("data")).put("resolution", resolution)
                .put("resolvedAt", OffsetDateTime.now(ZoneOffset.UTC).toString());
        district.publishSession(resolved);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(mails(OFFICE, "Conflict resolved", detail)).hasSize(1);
            assertThat(mails(district.studioPrincipal, "Conflict resolved", detail)).hasSize(1);
        });
        assertThat(Mailbox.part(mails(OFFICE, "Conflict resolved", detail).get(0), "text/plain").get("content").asText())
                .contains("is resolved", resolution);
        assertThat(mails(OFFICE, "Scheduling conflict", detail)).hasSize(1);
    }

    @Test
    void shouldNotAlertAboutAConflictResolvedBeforeItsDetectionArrived() {
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        LocalDate date = LocalDate.now(DISTRICT).plusDays(30);
        UUID conflictId = UUID.randomUUID();
        String detail = detail(district);
        district.publishSession(conflictEvent(district, SessionEvents.CONFLICT_RESOLVED, date, 0, conflictId, detail));
        ObjectNode detected = conflictEvent(district, SessionEvents.CONFLICT_DETECTED, date, 0, conflictId, detail);
        district.publishSession(detected);

        await().atMost(Duration.ofSeconds(30)).until(() -> DistrictFixture.applied(detected.get("id").asText()));
        assertThat(mails(OFFICE, "", detail)).isEmpty();
        assertThat(Mailbox.to(district.studioPrincipal)).isEmpty();
    }

    private static String detail(DistrictFixture district) {
        return "Alicia Gomez is also in session 2 of Jefferson Elementary " + district.tag
                + " in the same half-day; nobody can be in two sessions in the same half-day.";
    }

    private static ObjectNode conflictEvent(DistrictFixture district, String type, LocalDate date, int icsSequence,
                                            UUID conflictId, String detail) {
        ObjectNode event = district.sessionEvent(type, date, icsSequence);
        ((ObjectNode) event.get("data").get("conflict")).put("conflictId", conflictId.toString()).put("date", date.toString())
                .put("detail", detail);
        return event;
    }

    private static List<JsonNode> mails(String address, String subjectPrefix, String detail) {
        return Mailbox.to(address).stream().filter(m -> m.get("subject").asText().startsWith(subjectPrefix))
                .filter(m -> Mailbox.part(m, "text/plain").get("content").asText().contains(detail)).toList();
    }
}
