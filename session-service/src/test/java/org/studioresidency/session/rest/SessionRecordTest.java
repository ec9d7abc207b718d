package org.studioresidency.session.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.IfMatch;
import org.studioresidency.session.event.EventShapes;
import org.studioresidency.session.service.NextStepWatch;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class SessionRecordTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;
    @Inject
    NextStepWatch nextSteps;

    private DistrictFixture district;
    private DistrictFixture.Pairing garfield;
    private String first;
    private String second;

    @BeforeEach
    void twoPublishedSessions() {
        district = new DistrictFixture(schoolYears, pairings);
        garfield = district.pairing("Garfield Elementary", DistrictFixture.consultant("Dr. Helen Ward"));
        first = create("2026-10-06", "AM");
        second = create("2026-11-03", "PM");
    }

    @Test
    void shouldHoldAndSummariseASessionAnnouncingItsNextStepsAndTheNextVisit() {
        String studioPrincipal = TestInfrastructure.principalToken(garfield.studioSchoolId().toString());
        given().auth().oauth2(studioPrincipal).contentType(ContentType.JSON)
                .body("{\"focus\":\"SHARED_READING\",\"problemOfPractice\":\"Emergent readers rely on pictures\",\"plan\":\"Big-book lesson in room 12\"}")
                .header("If-Match", IfMatch.session(first)).put("/sessions/" + first + "/pre-visit-plan")
                .then().statusCode(200).body("focus", equalTo("SHARED_READING"));
        given().auth().oauth2(TestInfrastructure.principalToken(java.util.UUID.randomUUID().toString())).contentType(ContentType.JSON)
                .body("{\"focus\":\"SHARED_READING\",\"problemOfPractice\":\"x\"}")
                .header("If-Match", IfMatch.session(first)).put("/sessions/" + first + "/pre-visit-plan").then().statusCode(404);

        String absent = garfield.team().get(2).staffId().toString();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"attendance\":[{\"staffId\":\"" + absent + "\",\"present\":false}]}")
                .header("If-Match", IfMatch.session(first)).post("/sessions/" + first + "/held")
                .then().statusCode(200).body("session.status", equalTo("HELD")).body("attendance", hasSize(4));

        String owner = garfield.team().get(3).staffId().toString();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"focus\":\"SHARED_READING\",\"problemOfPractice\":\"Emergent readers rely on pictures\",\"demonstrated\":\"Think-aloud\","
                        + "\"notes\":\"Prompt for first-letter cues\",\"nextSteps\":[{\"description\":\"Try the routine\",\"ownerStaffId\":\"" + owner
                        + "\",\"dueDate\":\"2026-10-20\"}]}")
                .header("If-Match", IfMatch.session(first)).post("/sessions/" + first + "/summary")
                .then().statusCode(200).body("session.status", equalTo("SUMMARISED")).body("nextSteps", hasSize(1));

        var summarised = EventShapes.published(first, "district.session.summarised.v1");
        EventShapes.assertSameFieldsAsExample(summarised, "district.session.summarised.v1");
        assertThat(summarised.at("/data/nextVisit/sessionId").asText()).isEqualTo(second);
        EventShapes.assertSameFieldsAsExample(EventShapes.published(first, "district.session.held.v1"), "district.session.held.v1");
    }

    @Test
    void shouldNotSummariseASessionThatWasNotHeld() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"focus\":\"READ_ALOUD\",\"nextSteps\":[]}")
                .header("If-Match", IfMatch.session(first)).post("/sessions/" + first + "/summary")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldAnnounceANextStepOnceWhenDueSoonAndOnceWhenOverdueAndLetOnlyItsSchoolsPrincipalUpdateIt() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"attendance\":[]}").header("If-Match", IfMatch.session(first)).post("/sessions/" + first + "/held")
                .then().statusCode(200);
        String residencyTeacher = garfield.team().get(3).staffId().toString();
        String nextStepId = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"focus\":\"READ_ALOUD\",\"nextSteps\":[{\"description\":\"Bring two work samples\",\"ownerStaffId\":\""
                        + residencyTeacher + "\",\"dueDate\":\"2026-10-20\"}]}")
                .header("If-Match", IfMatch.session(first)).post("/sessions/" + first + "/summary").then().statusCode(200).extract().path("nextSteps[0].nextStepId");

        assertThat(nextSteps.check(LocalDate.of(2026, 10, 18))).isGreaterThanOrEqualTo(1);
        assertThat(nextSteps.check(LocalDate.of(2026, 10, 18))).isZero();
        assertThat(nextSteps.check(LocalDate.of(2026, 10, 21))).isGreaterThanOrEqualTo(1);
        assertThat(nextSteps.check(LocalDate.of(2026, 10, 21))).isZero();
        EventShapes.assertSameFieldsAsExample(EventShapes.published(first, "district.session.next-step-due-soon.v1"),
                "district.session.next-step-due-soon.v1");
        EventShapes.assertSameFieldsAsExample(EventShapes.published(first, "district.session.next-step-overdue.v1"),
                "district.session.next-step-overdue.v1");

        given().auth().oauth2(TestInfrastructure.principalToken(garfield.studioSchoolId().toString())).contentType(ContentType.JSON)
                .body("{\"status\":\"DONE\"}").header("If-Match", IfMatch.nextStep(nextStepId)).put("/next-steps/" + nextStepId + "/status").then().statusCode(404);
        given().auth().oauth2(TestInfrastructure.principalToken(garfield.residencySchoolId().toString())).contentType(ContentType.JSON)
                .body("{\"status\":\"DONE\"}").header("If-Match", IfMatch.nextStep(nextStepId)).put("/next-steps/" + nextStepId + "/status")
                .then().statusCode(200).body("status", equalTo("DONE"));
    }

    @Test
    void shouldAnnounceANextStepMarkedDoneWithWhoClosedItAndWhen() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"attendance\":[]}").header("If-Match", IfMatch.session(first))
                .post("/sessions/" + first + "/held").then().statusCode(200);
        String owner = garfield.team().get(3).staffId().toString();
        String nextStepId = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"focus\":\"READ_ALOUD\",\"nextSteps\":[{\"description\":\"Try turn-and-talk\",\"ownerStaffId\":\"" + owner
                        + "\",\"dueDate\":\"2026-10-20\"}]}")
                .header("If-Match", IfMatch.session(first)).post("/sessions/" + first + "/summary").then().statusCode(200)
                .extract().path("nextSteps[0].nextStepId");
        String principal = TestInfrastructure.principalToken(garfield.residencySchoolId().toString());

        given().auth().oauth2(principal).contentType(ContentType.JSON).body("{\"status\":\"DONE\"}")
                .header("If-Match", IfMatch.nextStep(nextStepId)).put("/next-steps/" + nextStepId + "/status")
                .then().statusCode(200).body("status", equalTo("DONE")).body("closedAt", org.hamcrest.Matchers.notNullValue());

        var event = EventShapes.published(first, "district.session.next-step-status-changed.v1");
        EventShapes.assertSameFieldsAsExample(event, "district.session.next-step-status-changed.v1");
        assertThat(event.at("/data/nextStep/status").asText()).isEqualTo("DONE");
        assertThat(event.at("/data/previousStatus").asText()).isEqualTo("OPEN");
        assertThat(event.at("/data/changedBy/role").asText()).isEqualTo("principal");
        assertThat(event.at("/data/nextStep/closedAt").asText()).isNotBlank();
    }

    @Test
    void shouldRequireIfMatchOnEveryWriteOfASessionRecord() {
        String plan = "{\"focus\":\"SHARED_READING\",\"problemOfPractice\":\"Emergent readers\"}";
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(plan).put("/sessions/" + first + "/pre-visit-plan").then().statusCode(428);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"agenda\":\"Opening\"}").put("/sessions/" + first + "/agenda")
                .then().statusCode(428);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"attendance\":[]}").post("/sessions/" + first + "/held").then().statusCode(428);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"focus\":\"READ_ALOUD\",\"nextSteps\":[]}")
                .post("/sessions/" + first + "/summary").then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(plan).header("If-Match", "\"999\"")
                .put("/sessions/" + first + "/pre-visit-plan").then().statusCode(412);
    }

    @Test
    void shouldRecordParticipantEvaluationsOfAHeldSessionAndOfTheYear() {
        String teacher = garfield.team().get(2).staffId().toString();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"staffId\":\"" + teacher + "\",\"rating\":4}")
                .post("/sessions/" + first + "/evaluations").then().statusCode(409);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"attendance\":[]}").header("If-Match", IfMatch.session(first)).post("/sessions/" + first + "/held")
                .then().statusCode(200);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"staffId\":\"" + teacher + "\",\"rating\":6}")
                .post("/sessions/" + first + "/evaluations")
                .then().statusCode(400).body("errors[0].field", equalTo("rating"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"staffId\":\"" + teacher + "\",\"rating\":4,\"comment\":\"Seeing it with my students helped\"}")
                .post("/sessions/" + first + "/evaluations").then().statusCode(204);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"staffId\":\"" + teacher + "\",\"rating\":5,\"comment\":\"Changed how I teach reading\"}")
                .post("/pairings/" + garfield.pairingId() + "/evaluations").then().statusCode(204);

        given().auth().oauth2(ADMIN).get("/sessions/" + first + "/record").then().statusCode(200)
                .body("evaluations", hasSize(1)).body("evaluations[0].rating", equalTo(4));
    }

    @Test
    void shouldRankTheBestAlternativeSlotsForASession() {
        given().auth().oauth2(ADMIN).get("/sessions/" + second + "/alternatives?limit=5")
                .then().statusCode(200)
                .body("$", hasSize(5))
                .body("[0].breaksNoHardRule", equalTo(true))
                .body("date", org.hamcrest.Matchers.not(hasItem("2026-10-06")));
    }

    @Test
    void shouldImportTheDistrictCalendarFromAnICalendarFileAndShowPrincipalsOnlyTheirSchoolsBlackouts() {
        String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//District//Calendar//EN",
                "BEGIN:VEVENT", "UID:a@district", "DTSTAMP:20260801T000000Z", "DTSTART;VALUE=DATE:20261123", "DTEND;VALUE=DATE:20261128",
                "SUMMARY:Thanksgiving Break", "END:VEVENT",
                "BEGIN:VEVENT", "UID:b@district", "DTSTAMP:20260801T000000Z", "DTSTART;VALUE=DATE:20261007", "SUMMARY:Early Release",
                "END:VEVENT",
                "BEGIN:VEVENT", "UID:c@district", "DTSTAMP:20260801T000000Z", "DTSTART;VALUE=DATE:20270412", "DTEND;VALUE=DATE:20270414",
                "SUMMARY:State testing window", "END:VEVENT",
                "BEGIN:VEVENT", "UID:d@district", "DTSTAMP:20260801T000000Z", "DTSTART;VALUE=DATE:20261015", "SUMMARY:Picture day",
                "END:VEVENT", "END:VCALENDAR", "");
        given().auth().oauth2(ADMIN).contentType("text/calendar").body(ics)
                .post("/school-years/" + district.schoolYearId + "/calendar/import")
                .then().statusCode(200).body("daysWritten", equalTo(8)).body("skippedEvents", hasItem("Picture day"));

        given().auth().oauth2(ADMIN).get("/school-years/" + district.schoolYearId + "/calendar")
                .then().statusCode(200)
                .body("days.find { it.date == '2026-11-25' }.kind", equalTo("BREAK"))
                .body("days.find { it.date == '2026-10-07' }.kind", equalTo("EARLY_RELEASE"))
                .body("days.find { it.date == '2027-04-13' }.kind", equalTo("DISTRICT_BLACKOUT"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"Spring concert\"}")
                .put("/school-years/" + district.schoolYearId + "/calendar/school-blackouts/" + garfield.studioSchoolId() + "/2027-03-04")
                .then().statusCode(204);
        given().auth().oauth2(ADMIN).get("/school-years/" + district.schoolYearId + "/calendar")
                .then().body("schoolBlackouts", hasSize(1));
        given().auth().oauth2(TestInfrastructure.principalToken(garfield.residencySchoolId().toString()))
                .get("/school-years/" + district.schoolYearId + "/calendar")
                .then().statusCode(200).body("schoolBlackouts", hasSize(0));
        given().auth().oauth2(ADMIN).contentType("text/calendar").body("not a calendar")
                .post("/school-years/" + district.schoolYearId + "/calendar/import")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("calendar"));
    }

    private String create(String date, String halfDay) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + garfield.pairingId() + "\",\"date\":\"" + date + "\",\"halfDay\":\"" + halfDay + "\"}")
                .post("/sessions").then().statusCode(201).extract().path("sessionId");
    }
}
