package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.notification.domain.PairingMember;
import org.studioresidency.notification.event.SessionEvents;
import org.studioresidency.notification.repository.SessionRepository;
import org.studioresidency.notification.service.PlanningReminders;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class SessionTeamChangeTest {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    @Inject
    SessionRepository sessions;

    @Inject
    PlanningReminders reminders;

    @Test
    void shouldSendLaterEmailsToTheSessionsNewTeamAfterATeamChange() {
        LocalDate today = LocalDate.now(DISTRICT);
        LocalDate date = today.plusDays(10);
        DistrictFixture district = new DistrictFixture(); // directory not heard from: the session names the principals
        String formerPrincipal = "tokafor-" + district.tag + "@district.example";
        String newPrincipal = "dcole-" + district.tag + "@district.example";
        district.publishSession(readableAddresses(district.sessionEvent(SessionEvents.PUBLISHED, date, 0)));
        district.publishSession(newResidencyPrincipal(district,
                readableAddresses(district.sessionEvent(SessionEvents.TEAM_CHANGED, date, 0)), newPrincipal, 3));

        await().atMost(Duration.ofSeconds(30)).until(() -> emailsOf(district.session).contains(newPrincipal));
        assertThat(emailsOf(district.session)).doesNotContain(formerPrincipal);
        // Teachers travel without an address (least data), so the team is checked by name.
        assertThat(namesOf(district.session)).contains("Rosa Diaz").doesNotContain("Ben Carter");

        reminders.recordDue(today);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(reminders(newPrincipal)).hasSize(1));
        assertThat(Mailbox.part(reminders(newPrincipal).get(0), "text/plain").get("content").asText()).contains("Dear Dana Cole");
        assertThat(reminders("malvarez-" + district.tag + "@district.example")).hasSize(1);
        assertThat(Mailbox.to(formerPrincipal)).isEmpty();
    }

    @Test
    void shouldNotLetAnOlderTeamChangeBringBackTheFormerTeam() {
        LocalDate date = LocalDate.now(DISTRICT).plusDays(40);
        DistrictFixture district = new DistrictFixture();
        String newPrincipal = "dcole-" + district.tag + "@district.example";
        district.publishSession(newResidencyPrincipal(district,
                readableAddresses(district.sessionEvent(SessionEvents.TEAM_CHANGED, date, 0)), newPrincipal, 3));
        ObjectNode older = readableAddresses(district.sessionEvent(SessionEvents.TEAM_CHANGED, date, 0));
        ((ObjectNode) older.get("data")).put("teamVersion", 2);
        district.publishSession(older);

        await().atMost(Duration.ofSeconds(30)).until(() -> DistrictFixture.applied(older.get("id").asText()));
        assertThat(emailsOf(district.session)).contains(newPrincipal)
                .doesNotContain("tokafor-" + district.tag + "@district.example");
    }

    /** Participants' addresses without "+", which the test mail server's address query cannot take. */
    private static ObjectNode readableAddresses(ObjectNode event) {
        for (JsonNode member : event.get("data").get("session").get("participants")) {
            if (member.hasNonNull("email")) {
                ((ObjectNode) member).put("email", member.get("email").asText().replace('+', '-'));
            }
        }
        return event;
    }

    /** The team change puts Dana Cole in as the residency school's principal, in Tom Okafor's place. */
    private static ObjectNode newResidencyPrincipal(DistrictFixture district, ObjectNode event, String email, int teamVersion) {
        ((ObjectNode) event.get("data")).put("teamVersion", teamVersion);
        for (JsonNode member : event.get("data").get("session").get("participants")) {
            if ("PRINCIPAL".equals(member.get("teamRole").asText())
                    && district.residencySchool.toString().equals(member.get("schoolId").asText())) {
                ((ObjectNode) member).put("staffId", UUID.randomUUID().toString()).put("name", "Dana Cole").put("email", email);
            }
        }
        return event;
    }

    private List<String> emailsOf(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> sessions.findByIdOptional(sessionId)
                .map(s -> s.participants.stream().map((PairingMember m) -> m.email).toList()).orElse(List.of()));
    }

    private List<String> namesOf(UUID sessionId) {
        return QuarkusTransaction.requiringNew().call(() -> sessions.findByIdOptional(sessionId)
                .map(s -> s.participants.stream().map((PairingMember m) -> m.name).toList()).orElse(List.of()));
    }

    private static List<JsonNode> reminders(String address) {
        return Mailbox.to(address).stream().filter(m -> m.get("subject").asText().startsWith("Plan the focus")).toList();
    }
}
