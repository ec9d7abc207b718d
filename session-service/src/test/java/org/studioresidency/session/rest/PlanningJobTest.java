package org.studioresidency.session.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.event.EventShapes;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class PlanningJobTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;

    @Test
    void shouldPlanASchoolYearInTheBackgroundAndPublishTheReviewedPlanAsEventsShapedLikeTheContract() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        PairingService.Member leader = DistrictFixture.member("Robert Kim", "CENTRAL_OFFICE_LEADER", null, "CENTRAL_OFFICE_LEADER");
        district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"), leader);
        district.pairing("Hawthorne Elementary", DistrictFixture.consultant("Ines Duarte"), leader);

        String location = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"schoolYearId\":\"" + district.schoolYearId + "\"}").post("/planning-jobs")
                .then().statusCode(202).body("status", equalTo("SOLVING")).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get(location).then().statusCode(200).body("status", equalTo("SOLVED")));
        given().auth().oauth2(ADMIN).get(location).then().body("feasible", equalTo(true)).body("bestScore", notNullValue());
        given().auth().oauth2(ADMIN).get(location + "/explanation").then().statusCode(200)
                .body("constraints.constraint", org.hamcrest.Matchers.hasItem("Sessions spread evenly across the year"));
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).body("$", hasSize(12)).body("status", everyItem(equalTo("PLANNED")));

        given().auth().oauth2(ADMIN).post(location + "/publication").then().statusCode(200).body("status", equalTo("PUBLISHED"));

        List<Map<String, Object>> sessions = given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).body("status", everyItem(equalTo("PUBLISHED"))).extract().jsonPath().getList("$");
        String moved = (String) sessions.get(0).get("sessionId");
        String cancelled = (String) sessions.get(1).get("sessionId");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"Testing window moved\"}")
                .post("/sessions/" + cancelled + "/cancellation").then().statusCode(200);
        String movedDate = (String) sessions.get(0).get("date");
        String otherHalf = "AM".equals(sessions.get(0).get("halfDay")) ? "PM" : "AM";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"date\":\"" + movedDate + "\",\"halfDay\":\"" + otherHalf + "\"}")
                .put("/sessions/" + moved + "/slot").then().statusCode(200);

        EventShapes.assertSameFieldsAsExample(EventShapes.published(moved, "district.session.published.v1"), "district.session.published.v1");
        EventShapes.assertSameFieldsAsExample(EventShapes.published(moved, "district.session.rescheduled.v1"), "district.session.rescheduled.v1");
        EventShapes.assertSameFieldsAsExample(EventShapes.published(cancelled, "district.session.cancelled.v1"), "district.session.cancelled.v1");

        String replan = startAndAwaitSolved(district);
        List<Map<String, Object>> afterReplan = given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).extract().jsonPath().getList("$");
        assertThat(afterReplan.stream().filter(s -> "PLANNED".equals(s.get("status"))).toList())
                .as("a replacement for the cancelled session, and nothing else").hasSize(1);
        assertThat(afterReplan.stream().filter(s -> s.get("proposedDate") != null).toList())
                .as("published sessions the re-plan would move").hasSizeLessThanOrEqualTo(2);
        given().auth().oauth2(ADMIN).post(replan + "/publication").then().statusCode(200);
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId).then()
                .body("findAll { it.status == 'PUBLISHED' }", hasSize(12));
    }

    @Test
    void shouldStopAPlanningJobEarlyAndKeepItsBestPlanSoFar() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        for (int i = 0; i < 40; i++) {
            district.pairing("School " + i, DistrictFixture.consultant("Consultant " + (i % 4)));
        }
        String location = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"schoolYearId\":\"" + district.schoolYearId + "\"}").post("/planning-jobs")
                .then().statusCode(202).extract().header("Location");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"schoolYearId\":\"" + district.schoolYearId + "\"}").post("/planning-jobs")
                .then().statusCode(409).contentType("application/problem+json");

        DistrictFixture nextYear = new DistrictFixture(schoolYears, pairings);
        nextYear.pairing("Queued Elementary", DistrictFixture.consultant("Dr. Helen Ward"));
        String queued = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"schoolYearId\":\"" + nextYear.schoolYearId + "\"}").post("/planning-jobs")
                .then().statusCode(202).extract().header("Location");
        given().auth().oauth2(ADMIN).post(queued + "/stop").then().statusCode(202).body("status", equalTo("STOPPED"));
        given().auth().oauth2(ADMIN).post(queued + "/publication").then().statusCode(409);

        given().auth().oauth2(ADMIN).post(location + "/stop").then().statusCode(202);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get(location).then().statusCode(200).body("status", equalTo("STOPPED")));
        given().auth().oauth2(ADMIN).get(location).then().body("elapsedSeconds", org.hamcrest.Matchers.lessThan(20));
    }

    @Test
    void shouldCancelTheSessionsNotYetHeldWhenAPairingIsDissolved() {
        DistrictFixture district = new DistrictFixture(schoolYears, pairings);
        DistrictFixture.Pairing garfield = district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"));
        String sessionId = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + garfield.pairingId() + "\",\"date\":\"2026-10-06\",\"halfDay\":\"AM\"}")
                .post("/sessions").then().statusCode(201).extract().path("sessionId");

        pairings.apply(java.util.UUID.randomUUID().toString(),
                new PairingService.PairingDissolved(garfield.pairingId(), district.schoolYearId, "Studio teacher left the district"));

        given().auth().oauth2(ADMIN).get("/sessions/" + sessionId).then().statusCode(200)
                .body("status", equalTo("CANCELLED"))
                .body("cancelReason", org.hamcrest.Matchers.containsString("Studio teacher left the district"))
                .body("icsSequence", equalTo(1));
        assertThat(EventShapes.published(sessionId, "district.session.cancelled.v1").at("/data/reason").asText())
                .contains("dissolved");
    }

    private static String startAndAwaitSolved(DistrictFixture district) {
        String location = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"schoolYearId\":\"" + district.schoolYearId + "\"}").post("/planning-jobs")
                .then().statusCode(202).extract().header("Location");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get(location).then().statusCode(200).body("status", equalTo("SOLVED")));
        return location;
    }
}
