package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.notification.domain.NextStep;
import org.studioresidency.notification.event.SessionEvents;
import org.studioresidency.notification.repository.NextStepRepository;
import org.studioresidency.notification.service.MailViewMapping;
import org.studioresidency.notification.service.WeeklyDigests;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class NextStepStatusTest {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    @Inject
    WeeklyDigests digests;

    @Inject
    NextStepRepository nextSteps;

    @Test
    void shouldDropANextStepMarkedDoneFromItsOwnersPrincipalsNextWeeklyDigest() {
        LocalDate today = LocalDate.now(DISTRICT);
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        String done = "Bring two student work samples " + district.tag;
        String stillOpen = "Try conferring during independent reading " + district.tag;
        ObjectNode summarised = district.sessionEvent(SessionEvents.SUMMARISED, today.minusDays(14), 0);
        ArrayNode steps = (ArrayNode) summarised.get("data").get("summary").get("nextSteps");
        ObjectNode doneStep = ((ObjectNode) steps.get(0)).put("description", done).put("dueDate", today.minusDays(1).toString());
        steps.add(doneStep.deepCopy().put("nextStepId", UUID.randomUUID().toString()).put("description", stillOpen)
                .put("dueDate", today.plusDays(20).toString()));
        UUID doneId = UUID.fromString(doneStep.get("nextStepId").asText());
        district.publishSession(summarised);
        await().atMost(Duration.ofSeconds(30)).until(() -> step(doneId).isPresent());

        LocalDate thisWeek = today.with(TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
        digests.prepare(thisWeek, today);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digestOfWeek(district, thisWeek)).isPresent());
        assertThat(text(digestOfWeek(district, thisWeek).get())).contains("OVERDUE NEXT STEPS", done, "OPEN NEXT STEPS", stillOpen);

        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        ObjectNode markedDone = statusChange(district, doneId, done, "DONE", now);
        ((ObjectNode) markedDone.get("data").get("nextStep")).put("dueDate", today.minusDays(1).toString());
        district.publishSession(markedDone);
        await().atMost(Duration.ofSeconds(30)).until(() -> step(doneId).map(s -> "DONE".equals(s.status)).orElse(false));

        LocalDate nextWeek = thisWeek.plusWeeks(1);
        digests.prepare(nextWeek, today.plusDays(7));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digestOfWeek(district, nextWeek)).isPresent());
        JsonNode next = digestOfWeek(district, nextWeek).get();
        assertThat(text(next)).contains(stillOpen).doesNotContain(done).doesNotContain("OVERDUE NEXT STEPS");
        assertThat(Mailbox.part(next, "text/html").get("content").asText()).contains(stillOpen).doesNotContain(done);
        assertThat(step(doneId).orElseThrow().closedAt).isNotNull();
    }

    @Test
    void shouldNotLetAnOlderStatusChangeOrAReminderReadBeforeTheChangeReopenAClosedNextStep() {
        DistrictFixture district = new DistrictFixture();
        UUID stepId = UUID.randomUUID();
        String description = "Share a conferring video with the team " + district.tag;
        OffsetDateTime droppedAt = OffsetDateTime.now(ZoneOffset.UTC);
        district.publishSession(statusChange(district, stepId, description, "DROPPED", droppedAt));
        ObjectNode startedEarlier = statusChange(district, stepId, description, "IN_PROGRESS", droppedAt.minusHours(1));
        district.publishSession(startedEarlier);
        ObjectNode overdueSnapshot = district.sessionEvent(SessionEvents.NEXT_STEP_OVERDUE, LocalDate.now(DISTRICT).minusDays(20), 0);
        ((ObjectNode) overdueSnapshot.get("data").get("nextStep")).put("nextStepId", stepId.toString()).put("status", "OPEN");
        overdueSnapshot.put("time", droppedAt.plusMinutes(5).toString()); // written after the drop, from a read before it
        district.publishSession(overdueSnapshot);

        await().atMost(Duration.ofSeconds(30)).until(() -> DistrictFixture.applied(startedEarlier.get("id").asText())
                && DistrictFixture.applied(overdueSnapshot.get("id").asText()));
        NextStep step = step(stepId).orElseThrow();
        assertThat(step.status).isEqualTo("DROPPED");
        assertThat(step.closedAt).isNotNull();
        assertThat(step.description).isEqualTo(description);
    }

    private ObjectNode statusChange(DistrictFixture district, UUID stepId, String description, String status, OffsetDateTime at) {
        ObjectNode event = district.sessionEvent(SessionEvents.NEXT_STEP_STATUS_CHANGED, LocalDate.now(DISTRICT).minusDays(14), 0);
        ObjectNode data = (ObjectNode) event.get("data");
        ObjectNode step = ((ObjectNode) data.get("nextStep")).put("nextStepId", stepId.toString()).put("description", description)
                .put("status", status).put("ownerSchoolId", district.residencySchool.toString());
        if (List.of("DONE", "DROPPED").contains(status)) {
            step.put("closedAt", at.toString());
        } else {
            step.putNull("closedAt");
        }
        data.put("changedAt", at.toString());
        event.put("time", at.toString());
        return event;
    }

    private Optional<NextStep> step(UUID id) {
        return QuarkusTransaction.requiringNew().call(() -> nextSteps.findByIdOptional(id));
    }

    private static Optional<JsonNode> digestOfWeek(DistrictFixture district, LocalDate period) {
        String subject = "Your studio/residency week of " + MailViewMapping.shortDate(period) + ": " + district.residencyName;
        return Mailbox.to(district.residencyPrincipal).stream().filter(m -> m.get("subject").asText().equals(subject)).findFirst();
    }

    private static String text(JsonNode mail) {
        return Mailbox.part(mail, "text/plain").get("content").asText();
    }
}
