package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.notification.repository.DeliveryRepository;
import org.studioresidency.notification.service.PlanningReminders;
import org.studioresidency.notification.service.WeeklyDigests;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class WeeklyDigestTest {

    private static final ZoneId DISTRICT = ZoneId.of("America/Los_Angeles");

    @Inject
    WeeklyDigests digests;

    @Inject
    PlanningReminders reminders;

    @Inject
    DeliveryRepository deliveries;

    @Test
    void shouldSendEachPrincipalADigestOfTheirUpcomingSessionsCoverageAndNextSteps() {
        LocalDate today = LocalDate.now(DISTRICT);
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        district.publishSession(district.sessionEvent("district.session.published.v1", today.plusDays(5), 0));
        String teacher = "Nora Wells " + district.tag;
        DistrictFixture.publish("district.coverage", district.session.toString(),
                district.coverageEvent("district.coverage.requested.v1", today.plusDays(5), teacher));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() -> {
            var content = digests.content(district.residencySchool, today);
            return !content.upcoming().isEmpty() && !content.coverage().isEmpty();
        }));

        LocalDate period = today.minusDays(today.getDayOfWeek().getValue() - 1L);
        digests.prepare(period, today);
        digests.prepare(period, today);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digestsTo(district.residencyPrincipal)).hasSize(1));
        JsonNode mail = digestsTo(district.residencyPrincipal).get(0);
        assertThat(mail.get("subject").asText()).endsWith(": " + district.residencyName);
        assertThat(Mailbox.part(mail, "text/plain").get("content").asText())
                .contains("UPCOMING SESSIONS", "Session 2 on", "SUBSTITUTE COVERAGE FOR YOUR TEACHERS", teacher);
        assertThat(Mailbox.part(mail, "text/html").get("content").asText())
                .contains("Upcoming sessions", teacher);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(digestsTo(district.studioPrincipal)).hasSize(1));
        assertThat(Mailbox.part(digestsTo(district.studioPrincipal).get(0), "text/plain").get("content").asText())
                .doesNotContain(teacher);
    }

    @Test
    void shouldLetTheDistrictOfficeSendThisWeeksDigestsNowButNeverTwice() {
        LocalDate today = LocalDate.now(DISTRICT);
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        district.publishSession(district.sessionEvent("district.session.published.v1", today.plusDays(4), 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !digests.content(district.residencySchool, today).upcoming().isEmpty()));
        String admin = TestInfrastructure.token("district-admin");

        given().auth().oauth2(admin).post("/digest-runs").then().statusCode(200);
        given().auth().oauth2(admin).post("/digest-runs").then().statusCode(200);
        given().auth().oauth2(TestInfrastructure.token("viewer")).post("/digest-runs").then().statusCode(403);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digestsTo(district.residencyPrincipal)).hasSize(1));
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                assertThat(digestsTo(district.residencyPrincipal)).hasSize(1));
    }

    @Test
    void shouldNotSendADigestToAPrincipalWithNothingToReport() {
        LocalDate today = LocalDate.now(DISTRICT);
        DistrictFixture quiet = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(quiet);

        digests.prepare(today.minusDays(today.getDayOfWeek().getValue() - 1L), today);

        assertThat(QuarkusTransaction.requiringNew().call(() -> deliveries.countByRecipient(quiet.studioPrincipal))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> deliveries.countByRecipient(quiet.residencyPrincipal))).isZero();
        assertThat(Mailbox.to(quiet.studioPrincipal)).isEmpty();
    }

    @Test
    void shouldNotSendTheDigestToAPrincipalWhoTurnedItOff() {
        LocalDate today = LocalDate.now(DISTRICT);
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        given().auth().oauth2(TestInfrastructure.principalToken(district.studioSchool.toString()))
                .contentType("application/json").body("{\"summariesInDigest\": false, \"digestEnabled\": false}")
                .put("/preferences/me").then().statusCode(200);
        district.publishSession(district.sessionEvent("district.session.published.v1", today.plusDays(4), 0));
        await().atMost(Duration.ofSeconds(30)).until(() -> QuarkusTransaction.requiringNew().call(() ->
                !digests.content(district.studioSchool, today).upcoming().isEmpty()));

        digests.prepare(today.minusDays(today.getDayOfWeek().getValue() - 1L), today);

        assertThat(QuarkusTransaction.requiringNew().call(() -> deliveries.countByRecipient(district.studioPrincipal))).isZero();
        assertThat(QuarkusTransaction.requiringNew().call(() -> deliveries.countByRecipient(district.residencyPrincipal))).isOne();
    }

    @Test
    void shouldHoldSummariesForTheDigestOfAPrincipalWhoChoseSo() {
        LocalDate today = LocalDate.now(DISTRICT);
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        given().auth().oauth2(TestInfrastructure.principalToken(district.studioSchool.toString()))
                .contentType("application/json").body("{\"summariesInDigest\": true, \"digestEnabled\": true}")
                .put("/preferences/me").then().statusCode(200);

        district.publishSession(district.sessionEvent("district.session.summarised.v1", today.minusDays(1), 0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(SessionSummaryMailTest.summaries(district.residencyPrincipal)).hasSize(1);
            assertThat(SessionSummaryMailTest.summaries(district.leader)).hasSize(1);
        });
        assertThat(SessionSummaryMailTest.summaries(district.studioPrincipal)).isEmpty();

        digests.prepare(today.minusDays(today.getDayOfWeek().getValue() - 1L), today);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digestsTo(district.studioPrincipal)).hasSize(1));
        assertThat(Mailbox.part(digestsTo(district.studioPrincipal).get(0), "text/plain").get("content").asText())
                .contains("RECENT SESSION SUMMARIES", "Shared reading", "OPEN NEXT STEPS",
                        "Try the shared-reading routine with small groups");
    }

    @Test
    void shouldRemindBothPrincipalsToPlanTheFocusTenDaysBeforeAVisit() {
        LocalDate today = LocalDate.now(DISTRICT);
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        district.publishSession(district.sessionEvent("district.session.published.v1", today.plusDays(10), 0));
        DistrictFixture later = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(later);
        later.publishSession(later.sessionEvent("district.session.published.v1", today.plusDays(11), 0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            reminders.recordDue(today);
            assertThat(withSubject(district.studioPrincipal, "Plan the focus")).hasSize(1);
            assertThat(withSubject(district.residencyPrincipal, "Plan the focus")).hasSize(1);
        });
        reminders.recordDue(today);
        JsonNode mail = withSubject(district.residencyPrincipal, "Plan the focus").get(0);
        assertThat(Mailbox.part(mail, "text/plain").get("content").asText()).contains("is 10 days away", "agree on the instructional focus");
        assertThat(Mailbox.part(mail, "text/html").get("content").asText()).contains("is 10 days away");
        assertThat(QuarkusTransaction.requiringNew().call(() -> deliveries.countByRecipient(later.studioPrincipal))).isZero();
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).untilAsserted(() ->
                assertThat(withSubject(district.studioPrincipal, "Plan the focus")).hasSize(1));
    }

    @Test
    void shouldShowEachPrincipalTheirSchoolsFollowThroughBesideTheDistrictMedianAndTheirPairingsLine() {
        LocalDate today = LocalDate.now(DISTRICT);
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        district.publishSession(district.sessionEvent("district.session.published.v1", today.plusDays(5), 0));
        // session-service's snapshot of the pairing (its example's figures): Lincoln, the residency school, has 3 open
        // steps, 2 of them overdue, none closed in the last 7 days; the district medians are 2, 0.5 and 1.
        java.time.OffsetDateTime asOf = java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusHours(1);
        var snapshot = district.snapshotEvent(asOf);
        district.publishSnapshot(snapshot);
        await().atMost(Duration.ofSeconds(30)).until(() -> DistrictFixture.applied(snapshot.get("id").asText())
                && QuarkusTransaction.requiringNew().call(() -> !digests.content(district.residencySchool, today).upcoming().isEmpty()));

        digests.prepare(today.minusDays(today.getDayOfWeek().getValue() - 1L), today);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digestsTo(district.residencyPrincipal)).hasSize(1));
        String since = java.time.format.DateTimeFormatter.ofPattern("MMMM d", java.util.Locale.US)
                .format(asOf.minusDays(7).atZoneSameInstant(DISTRICT));
        JsonNode mail = digestsTo(district.residencyPrincipal).get(0);
        assertThat(Mailbox.part(mail, "text/plain").get("content").asText()).contains(
                "FOLLOW-THROUGH BETWEEN VISITS (" + district.residencyName + " / district median",
                "- Open next steps: 3 / 2", "- Overdue: 2 / 0.5", "- Closed since " + since + ": 0 / 1",
                "Demonstrations led by school staff, " + district.studioName + " / " + district.residencyName
                        + ", by session: 1: 0%, 2: 50%, 3: 100% (district: 1: 7%, 2: 25%, 3: 47%)",
                "The learning-loop report: https://portal.district.example/sessions/reports/learning-loop/page?schoolYearId=");
        String html = Mailbox.part(mail, "text/html").get("content").asText();
        assertThat(html).contains("Follow-through between visits", "District median", "Closed since " + since, "Your pairing", "100%");
        // The studio school sees its own figures: 2 open, 1 overdue, 3 closed.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(digestsTo(district.studioPrincipal)).hasSize(1));
        assertThat(Mailbox.part(digestsTo(district.studioPrincipal).get(0), "text/plain").get("content").asText())
                .contains("- Open next steps: 2 / 2", "- Overdue: 1 / 0.5", "- Closed since " + since + ": 3 / 1");
    }

    private static List<JsonNode> digestsTo(String address) {
        return withSubject(address, "Your studio/residency week of");
    }

    private static List<JsonNode> withSubject(String address, String prefix) {
        return Mailbox.to(address).stream().filter(m -> m.get("subject").asText().startsWith(prefix)).toList();
    }

}
