package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.notification.service.WeeklyDigests;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A person's own calendar subscription link, as session-service announces it, in the emails that go to that person
 * alone: the weekly digest and schedule changes. Never in anyone else's email, and no longer once revoked.
 */
@QuarkusTest
class CalendarLinkMailTest {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    @Inject
    WeeklyDigests digests;

    @Test
    void shouldCarryThePrincipalsOwnCalendarLinkInTheirDigestUntilItIsRevoked() {
        LocalDate today = LocalDate.now(DISTRICT);
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        district.publishSession(district.sessionEvent("district.session.published.v1", today.plusDays(5), 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !digests.content(district.residencySchool, today).upcoming().isEmpty()));
        UUID subscription = subscribe(district, district.residencyPrincipal);
        String url = feedUrl(subscription);

        LocalDate period = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        digests.prepare(period, today);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digestsTo(district.residencyPrincipal)).hasSize(1));
        JsonNode digest = digestsTo(district.residencyPrincipal).get(0);
        assertThat(Mailbox.part(digest, "text/plain").get("content").asText())
                .contains("YOUR CALENDAR SUBSCRIPTION", url, url.replace("https://", "webcal://"));
        assertThat(Mailbox.part(digest, "text/html").get("content").asText())
                .contains("href=\"" + url.replace("https://", "webcal://") + "\"", "href=\"" + url + "\"");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digestsTo(district.studioPrincipal)).hasSize(1));
        assertThat(content(digestsTo(district.studioPrincipal).get(0))).as("another principal's digest").doesNotContain(url);

        revoke(district, subscription);
        digests.prepare(period.plusWeeks(1), today);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digestsTo(district.residencyPrincipal)).hasSize(2));
        assertThat(digestsTo(district.residencyPrincipal)).filteredOn(m -> !content(m).contains(url))
                .as("the digest rendered after the revocation").hasSize(1)
                .allSatisfy(m -> assertThat(content(m)).doesNotContain("YOUR CALENDAR SUBSCRIPTION", "calendar subscription"));
    }

    @Test
    void shouldCarryTheRecipientsOwnCalendarLinkInAScheduleChange() {
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        UUID subscription = subscribe(district, district.studioPrincipal);
        String url = feedUrl(subscription);
        LocalDate newDate = LocalDate.now().plusDays(40);

        ObjectNode rescheduled = district.sessionEvent("district.session.rescheduled.v1", newDate, 1);
        ((ObjectNode) rescheduled.get("data")).put("previousDate", newDate.minusDays(7).toString());
        district.publishSession(rescheduled);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(withSubject(district.studioPrincipal, "Rescheduled: ")).hasSize(1);
            assertThat(withSubject(district.residencyPrincipal, "Rescheduled: ")).hasSize(1);
        });
        assertThat(Mailbox.part(withSubject(district.studioPrincipal, "Rescheduled: ").get(0), "text/plain").get("content").asText())
                .contains("YOUR CALENDAR SUBSCRIPTION", url);
        assertThat(content(withSubject(district.residencyPrincipal, "Rescheduled: ").get(0))).as("the partner principal's email")
                .doesNotContain(url).doesNotContain("YOUR CALENDAR SUBSCRIPTION");
    }

    /** Announces a new subscription of the person with this address, as session-service would, and waits until applied. */
    private static UUID subscribe(DistrictFixture district, String email) {
        UUID subscription = UUID.randomUUID();
        ObjectNode created = DistrictFixture.withNewId(DistrictFixture.example(DistrictFixture.SESSION_EXAMPLES,
                "district.session.calendar-subscription.created.v1"));
        ((ObjectNode) created.get("data")).put("subscriptionId", subscription.toString()).put("staffId", UUID.randomUUID().toString())
                .put("email", email).put("url", feedUrl(subscription)).put("webcalUrl", feedUrl(subscription).replace("https://", "webcal://"));
        DistrictFixture.publish("district.session", subscription.toString(), created);
        await().atMost(Duration.ofSeconds(30)).until(() -> DistrictFixture.applied(created.get("id").asText()));
        return subscription;
    }

    private static void revoke(DistrictFixture district, UUID subscription) {
        ObjectNode revoked = DistrictFixture.withNewId(DistrictFixture.example(DistrictFixture.SESSION_EXAMPLES,
                "district.session.calendar-subscription.revoked.v1"));
        ((ObjectNode) revoked.get("data")).put("subscriptionId", subscription.toString());
        DistrictFixture.publish("district.session", subscription.toString(), revoked);
        await().atMost(Duration.ofSeconds(30)).until(() -> DistrictFixture.applied(revoked.get("id").asText()));
    }

    private static String feedUrl(UUID subscription) {
        return "https://sessions.district.example/feeds/subscriptions/secret-" + subscription + ".ics";
    }

    /** Both parts of a message as the recipient reads them (decoded). */
    private static String content(JsonNode message) {
        return Mailbox.part(message, "text/plain").get("content").asText() + Mailbox.part(message, "text/html").get("content").asText();
    }

    private static List<JsonNode> digestsTo(String address) {
        return withSubject(address, "Your studio/residency week of");
    }

    private static List<JsonNode> withSubject(String address, String prefix) {
        return Mailbox.to(address).stream().filter(m -> m.get("subject").asText().startsWith(prefix)).toList();
    }
}
