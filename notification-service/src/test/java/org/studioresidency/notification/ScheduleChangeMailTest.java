package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class ScheduleChangeMailTest {

    @Test
    void shouldMoveTheCalendarEntryOnRescheduleAndRemoveItOnCancel() {
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        LocalDate newDate = LocalDate.now().plusDays(40);

        ObjectNode rescheduled = district.sessionEvent("district.session.rescheduled.v1", newDate, 1);
        ((ObjectNode) rescheduled.get("data")).put("previousDate", newDate.minusDays(7).toString());
        district.publishSession(rescheduled);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(withSubject(district.studioPrincipal, "Rescheduled: ")).hasSize(1));

        JsonNode moved = withSubject(district.studioPrincipal, "Rescheduled: ").get(0);
        assertThat(moved.get("subject").asText()).isEqualTo("Rescheduled: session 2 at " + district.studioName
                + " moves to " + org.studioresidency.notification.service.MailViewMapping.date(newDate) + " (morning)");
        assertThat(Mailbox.part(moved, "text/plain").get("content").asText()).contains("has MOVED", "Was: ");
        assertThat(Mailbox.part(moved, "text/html").get("content").asText()).contains("<strong>moved</strong>");
        String request = calendar(moved);
        assertThat(request).contains("METHOD:REQUEST", "UID:" + district.session + "@studio-residency.district",
                "SEQUENCE:1", "DTSTART:" + newDate.toString().replace("-", "") + "T163000Z",
                "ATTENDEE:mailto:" + district.studioPrincipal);

        ObjectNode cancelled = district.sessionEvent("district.session.cancelled.v1", newDate, 2);
        district.publishSession(cancelled);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(withSubject(district.residencyPrincipal, "Cancelled: ")).hasSize(1);
            assertThat(withSubject(district.leader, "Cancelled: ")).hasSize(1);
        });
        JsonNode removed = withSubject(district.residencyPrincipal, "Cancelled: ").get(0);
        assertThat(Mailbox.part(removed, "text/plain").get("content").asText()).contains("CANCELLED");
        assertThat(calendar(removed)).contains("METHOD:CANCEL", "STATUS:CANCELLED",
                "UID:" + district.session + "@studio-residency.district", "SEQUENCE:2");
    }

    static List<JsonNode> withSubject(String address, String prefix) {
        return Mailbox.to(address).stream().filter(m -> m.get("subject").asText().startsWith(prefix)).toList();
    }

    /** The .ics attachment, unfolded (RFC 5545 folds long lines). */
    static String calendar(JsonNode message) {
        JsonNode part = Mailbox.part(message, "text/calendar");
        assertThat(part.path("fileName").asText()).endsWith(".ics");
        return part.get("content").asText().replace("\r\n ", "").replace("\n ", "");
    }
}
