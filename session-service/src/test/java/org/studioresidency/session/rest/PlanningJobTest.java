package org.studioresidency.session.rest;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.IfMatch;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.domain.PlanningJob;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.event.EventShapes;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PlanningJobTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;

    private DistrictFixture twoPairingDistrict() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        PairingService.Member leader = DistrictFixture.member("Robert Kim", "CENTRAL_OFFICE_LEADER", null, "CENTRAL_OFFICE_LEADER");
        district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"), leader);
        district.pairing("Hawthorne Elementary", DistrictFixture.consultant("Ines Duarte"), leader);
        return district;
    }

    @Test
    void shouldPlanASchoolYearInTheBackgroundAndExplainThePlan() {
        DistrictFixture district = twoPairingDistrict();

        String location = startAndAwaitSolved(district);

        given().auth().oauth2(ADMIN).get(location).then().body("feasible", equalTo(true)).body("bestScore", notNullValue())
                .body("pairingRevision", equalTo((int) district.revision()));
        given().auth().oauth2(ADMIN).get(location + "/explanation").then().statusCode(200)
                .body("constraints.constraint", hasItem("Sessions spread evenly across the year"));
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).body("items", hasSize(12)).body("total", equalTo(12)).body("items.status", everyItem(equalTo("PLANNED")));
    }

    @Test
    void shouldPutEveryPlannedSessionIntoPeoplesCalendarsWhenThePlanIsPublished() {
        DistrictFixture district = twoPairingDistrict();
        String location = startAndAwaitSolved(district);

        given().auth().oauth2(ADMIN).header("If-Match", IfMatch.of(location)).post(location + "/publication")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        List<String> ids = given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).body("items.status", everyItem(equalTo("PUBLISHED"))).extract().jsonPath().getList("items.sessionId");
        EventShapes.assertSameFieldsAsExample(EventShapes.published(ids.get(0), "district.session.published.v1"), "district.session.published.v1");
    }

    @Test
    void shouldAnswerAWaitingReadOnceTheJobHasFinished() {
        DistrictFixture district = twoPairingDistrict();
        String location = start(district);

        given().auth().oauth2(ADMIN).queryParam("wait", 60).get(location).then().statusCode(200)
                .body("status", equalTo("SOLVED")).body("feasible", equalTo(true)).header("ETag", notNullValue());
    }

    @Test
    void shouldAnswerAWaitingReadWithTheRunningJobWhenTheWaitRunsOut() {
        DistrictFixture district = largeDistrict();
        String location = start(district);

        given().auth().oauth2(ADMIN).queryParam("wait", 1).get(location).then().statusCode(200)
                .body("status", org.hamcrest.Matchers.oneOf("QUEUED", "SOLVING"));
        given().auth().oauth2(ADMIN).post(location + "/stop").then().statusCode(202);
        // The test profile ends a job after 1 s without improvement, so it may have ended by itself before the stop.
        given().auth().oauth2(ADMIN).queryParam("wait", 30).get(location).then()
                .body("status", org.hamcrest.Matchers.oneOf("STOPPED", "SOLVED"));
    }

    @Test
    void shouldAnswerTheFinishedJobAtOnceWhenTheCallerPrefersToWait() {
        DistrictFixture district = twoPairingDistrict();

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("Prefer", "wait=60")
                .body("{\"schoolYearId\":\"" + district.schoolYearId + "\"}").post("/planning-jobs")
                .then().statusCode(201).header("Location", containsString("/planning-jobs/")).header("ETag", notNullValue())
                .body("status", equalTo("SOLVED")).body("feasible", equalTo(true));
    }

    @Test
    void shouldNotWaitLongerThanTheBound() {
        DistrictFixture district = twoPairingDistrict();
        String location = startAndAwaitSolved(district);

        given().auth().oauth2(ADMIN).queryParam("wait", PlanningJobResource.MAX_WAIT_SECONDS + 1).get(location).then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", containsString("wait"));
    }

    @Test
    void shouldNotPublishAPlanWithoutIfMatch() {
        DistrictFixture district = twoPairingDistrict();
        String location = startAndAwaitSolved(district);

        given().auth().oauth2(ADMIN).post(location + "/publication").then().statusCode(428)
                .contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
    }

    @Test
    void shouldReplanOnlyWhatACancellationNeedsAndSupersedeTheOlderPlan() {
        DistrictFixture district = twoPairingDistrict();
        String first = startAndAwaitSolved(district);
        given().auth().oauth2(ADMIN).header("If-Match", IfMatch.of(first)).post(first + "/publication").then().statusCode(200);
        String cancelled = given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId).then().extract().path("items[1].sessionId");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"Testing window moved\"}")
                .header("If-Match", IfMatch.session(cancelled)).post("/sessions/" + cancelled + "/cancellation").then().statusCode(200);
        EventShapes.assertSameFieldsAsExample(EventShapes.published(cancelled, "district.session.cancelled.v1"), "district.session.cancelled.v1");

        String unpublished = startAndAwaitSolved(district);
        String replan = startAndAwaitSolved(district);

        List<Map<String, Object>> afterReplan = given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(afterReplan).filteredOn(s -> "PLANNED".equals(s.get("status")))
                .as("a replacement for the cancelled session, and nothing else").hasSize(1);
        assertThat(afterReplan).filteredOn(s -> s.get("proposedDate") != null)
                .as("published sessions the re-plan would move").hasSizeLessThanOrEqualTo(2);
        given().auth().oauth2(ADMIN).get(unpublished).then().body("status", equalTo("SUPERSEDED"));
        given().auth().oauth2(ADMIN).header("If-Match", IfMatch.of(unpublished)).post(unpublished + "/publication")
                .then().statusCode(409).body("detail", containsString("superseded"));
        given().auth().oauth2(ADMIN).header("If-Match", IfMatch.of(replan)).post(replan + "/publication").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId).then()
                .body("items.findAll { it.status == 'PUBLISHED' }", hasSize(12))
                .body("items.findAll { it.proposedDate != null }", hasSize(0));
    }

    @Test
    void shouldReplanAConsultantsUnavailableDateByMovingOnlyThatSessionWithoutRunningTheSolver() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        PairingService.Member helen = DistrictFixture.consultant("Dr. Helen Ward");
        DistrictFixture.Pairing garfield = district.pairing("Garfield Elementary", helen);
        district.pairing("Hawthorne Elementary", DistrictFixture.consultant("Ines Duarte"));
        String first = startAndAwaitSolved(district);
        given().auth().oauth2(ADMIN).header("If-Match", IfMatch.of(first)).post(first + "/publication").then().statusCode(200);
        Map<String, Object> disrupted = given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId).then()
                .extract().jsonPath().getMap("items.find { it.pairingId == '" + garfield.pairingId() + "' }");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\": \"Dr. Helen Ward\", \"maxSessionsPerWeek\": 3, \"contractedDays\": [], \"unavailableDates\": [\""
                        + disrupted.get("date") + "\"]}")
                .put("/consultants/" + helen.staffId()).then().statusCode(200);

        // The repair moves the one broken session and pins every other: nothing is left for the solver, so the job
        // answers already solved, 201 like any job finished when it answers (one handed to the solver answers 202,
        // QUEUED or SOLVING).
        String replan = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"schoolYearId\":\"" + district.schoolYearId + "\"}").post("/planning-jobs")
                .then().statusCode(201).body("status", equalTo("SOLVED")).body("bestScore", containsString("0hard/"))
                .extract().header("Location");

        List<Map<String, Object>> proposed = given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.proposedDate != null }");
        assertThat(proposed).extracting(s -> s.get("sessionId")).containsExactly(disrupted.get("sessionId"));
        given().auth().oauth2(ADMIN).header("If-Match", IfMatch.of(replan)).post(replan + "/publication").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/sessions/" + disrupted.get("sessionId")).then()
                .body("date", equalTo(proposed.get(0).get("proposedDate"))).body("proposedDate", equalTo(null));
    }

    @Test
    void shouldPublishAReplanWhoseMovesSwapTwoSessionsThatSharePeople() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        PairingService.Member helen = DistrictFixture.consultant("Dr. Helen Ward");
        DistrictFixture.Pairing garfield = district.pairing("Garfield Elementary", helen);
        DistrictFixture.Pairing hawthorne = district.pairing("Hawthorne Elementary", helen);
        String a = create(garfield, "2026-10-06", "AM");
        String b = create(hawthorne, "2026-10-13", "AM");
        UUID job = solvedJobProposing(district, Map.of(a, "2026-10-13", b, "2026-10-06"));

        given().auth().oauth2(ADMIN).header("If-Match", IfMatch.of("/planning-jobs/" + job)).post("/planning-jobs/" + job + "/publication")
                .then().statusCode(200).body("status", equalTo("PUBLISHED"));

        given().auth().oauth2(ADMIN).get("/sessions/" + a).then().body("date", equalTo("2026-10-13")).body("proposedDate", equalTo(null));
        given().auth().oauth2(ADMIN).get("/sessions/" + b).then().body("date", equalTo("2026-10-06")).body("proposedDate", equalTo(null));
        assertThat(EventShapes.published(a, "district.session.rescheduled.v1").at("/data/previousDate").asText()).isEqualTo("2026-10-06");
    }

    @Test
    void shouldNotPublishAPlanThatATeamChangeMadeSinceWouldBreak() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        DistrictFixture.Pairing garfield = district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"));
        DistrictFixture.Pairing hawthorne = district.pairing("Hawthorne Elementary", DistrictFixture.consultant("Ines Duarte"));
        UUID job = solvedJobPlanning(district, List.of(planned(garfield, 1, "2026-10-06"), planned(hawthorne, 1, "2026-10-06")));
        List<PairingService.Member> team = new ArrayList<>(hawthorne.team());
        team.add(garfield.team().get(0));
        district.changeTeam(hawthorne, 2, team);

        given().auth().oauth2(ADMIN).header("If-Match", IfMatch.of("/planning-jobs/" + job)).post("/planning-jobs/" + job + "/publication")
                .then().statusCode(409).contentType("application/problem+json")
                .body("detail", containsString("The pairings changed since it was made"))
                .body("errors.message", hasItem(containsString("Dr. Helen Ward")));
    }

    @Test
    void shouldWaitForThePairingChangeTheCallerNamesBeforePlanning() {
        DistrictFixture district = twoPairingDistrict();
        long next = district.revision() + 1;

        CompletableFuture<ExtractableResponse<Response>> started = CompletableFuture.supplyAsync(() -> given().auth().oauth2(ADMIN)
                .contentType(ContentType.JSON).body("{\"schoolYearId\":\"" + district.schoolYearId + "\",\"pairingRevision\":" + next + "}")
                .post("/planning-jobs").then().extract());
        district.pairing("Irving Elementary", DistrictFixture.consultant("Ana Ruiz"));

        ExtractableResponse<Response> job = started.join();
        assertThat(job.statusCode()).isEqualTo(202);
        assertThat(job.<Integer>path("pairingRevision")).isEqualTo((int) next);
        String location = job.header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get(location).then().statusCode(200).body("status", equalTo("SOLVED")));
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId).then().body("total", equalTo(18));
    }

    @Test
    void shouldRefuseWithRetryAfterWhenThePairingChangeHasNotArrived() {
        DistrictFixture district = twoPairingDistrict();

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"schoolYearId\":\"" + district.schoolYearId + "\",\"pairingRevision\":" + (district.revision() + 1) + "}")
                .post("/planning-jobs").then().statusCode(409).contentType("application/problem+json")
                .header("Retry-After", notNullValue())
                .body("detail", containsString("planning needs change " + (district.revision() + 1)));
    }

    @Test
    void shouldRefusePlanningAYearWhosePairingsHaveNotArrived() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"schoolYearId\":\"" + district.schoolYearId + "\"}")
                .post("/planning-jobs").then().statusCode(409).header("Retry-After", notNullValue())
                .body("detail", containsString("No pairings"));
    }

    @Test
    void shouldStopAPlanningJobEarlyAndKeepItsBestPlanSoFar() {
        DistrictFixture district = largeDistrict();
        String location = start(district);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"schoolYearId\":\"" + district.schoolYearId + "\"}").post("/planning-jobs")
                .then().statusCode(409).contentType("application/problem+json");

        given().auth().oauth2(ADMIN).post(location + "/stop").then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get(location).then().statusCode(200).body("status", equalTo("STOPPED")));
        given().auth().oauth2(ADMIN).get(location).then().body("bestScore", notNullValue());
    }

    @Test
    void shouldSayAQueuedJobIsQueuedAndWhichJobItWaitsFor() {
        DistrictFixture district = largeDistrict();
        String solving = start(district);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get(solving).then().body("status", equalTo("SOLVING")));
        DistrictFixture nextYear = new DistrictFixture(schoolYears, pairings);
        nextYear.pairing("Queued Elementary", DistrictFixture.consultant("Dr. Helen Ward"));

        String queued = start(nextYear);

        String solvingId = solving.substring(solving.lastIndexOf('/') + 1);
        given().auth().oauth2(ADMIN).get(queued).then().body("status", equalTo("QUEUED")).body("queuedBehind", hasItem(solvingId));
        given().auth().oauth2(ADMIN).post(queued + "/stop").then().statusCode(202).body("status", equalTo("STOPPED"));
        given().auth().oauth2(ADMIN).header("If-Match", IfMatch.of(queued)).post(queued + "/publication").then().statusCode(409);
        given().auth().oauth2(ADMIN).post(solving + "/stop").then().statusCode(202);
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get(solving).then().body("status", equalTo("STOPPED")));
    }

    @Test
    void shouldCancelTheSessionsNotYetHeldWhenAPairingIsDissolved() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        DistrictFixture.Pairing garfield = district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"));
        String sessionId = create(garfield, "2026-10-06", "AM");

        district.dissolve(garfield, "Studio teacher left the district");

        given().auth().oauth2(ADMIN).get("/sessions/" + sessionId).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelReason", containsString("Studio teacher left the district"))
                .body("icsSequence", equalTo(1));
        assertThat(EventShapes.published(sessionId, "district.session.cancelled.v1").at("/data/reason").asText())
                .contains("dissolved");
    }

    private DistrictFixture largeDistrict() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        for (int i = 0; i < 40; i++) {
            district.pairing("School " + i, DistrictFixture.consultant("Consultant " + (i % 4)));
        }
        return district;
    }

    private static String create(DistrictFixture.Pairing pairing, String date, String halfDay) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + pairing.pairingId() + "\",\"date\":\"" + date + "\",\"halfDay\":\"" + halfDay + "\"}")
                .post("/sessions").then().statusCode(201).extract().path("sessionId");
    }

    private static String start(DistrictFixture district) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"schoolYearId\":\"" + district.schoolYearId + "\"}").post("/planning-jobs")
                .then().statusCode(202).extract().header("Location");
    }

    private static String startAndAwaitSolved(DistrictFixture district) {
        String location = start(district);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get(location).then().statusCode(200).body("status", equalTo("SOLVED")));
        return location;
    }

    private record Planned(UUID pairingId, int number, LocalDate date) {
    }

    private static Planned planned(DistrictFixture.Pairing pairing, int number, String date) {
        return new Planned(pairing.pairingId(), number, LocalDate.parse(date));
    }

    /** A finished job, as the solver would leave it, whose plan moves published sessions (by id) to other dates (AM). */
    private static UUID solvedJobProposing(DistrictFixture district, Map<String, String> moves) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanningJob job = solvedJob(district);
            moves.forEach((id, date) -> Session.<Session>findById(UUID.fromString(id)).propose(LocalDate.parse(date), HalfDay.AM, job.id));
            return job.id;
        });
    }

    /** A finished job, as the solver would leave it, that planned these new sessions (AM). */
    private static UUID solvedJobPlanning(DistrictFixture district, List<Planned> sessions) {
        return QuarkusTransaction.requiringNew().call(() -> {
            PlanningJob job = solvedJob(district);
            for (Planned p : sessions) {
                Session.planned(UUID.randomUUID(), p.pairingId(), district.schoolYearId, p.number(), p.date(), HalfDay.AM, job.id,
                        OffsetDateTime.now(ZoneOffset.UTC)).persist();
            }
            return job.id;
        });
    }

    private static PlanningJob solvedJob(DistrictFixture district) {
        PlanningJob job = new PlanningJob();
        job.id = UUID.randomUUID();
        job.schoolYearId = district.schoolYearId;
        job.status = PlanningJob.Status.SOLVED;
        job.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
        job.finishedAt = job.startedAt;
        job.bestScore = "0hard/0medium/0soft";
        job.explanation = "{\"score\":\"0hard/0medium/0soft\",\"constraints\":[],\"sessions\":{}}";
        job.pairingRevision = district.revision();
        job.persist();
        return job;
    }
}
