package org.studioresidency.session.rest;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.IfMatch;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.repository.SessionRepository;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.containsString;

@QuarkusTest
class SessionSchedulingTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");
    private static final LocalDate OCT_6 = LocalDate.of(2026, 10, 6);
    private static final LocalDate NOV_3 = LocalDate.of(2026, 11, 3);
    private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;
    @Inject
    SessionRepository sessions;

    private DistrictFixture district;
    private PairingService.Member helen;
    private DistrictFixture.Pairing garfield;
    private DistrictFixture.Pairing roosevelt;

    @BeforeEach
    void district() {
        district = new DistrictFixture(schoolYears, pairings);
        helen = DistrictFixture.consultant("Dr. Helen Ward");
        garfield = district.pairing("Garfield Elementary", helen);
        roosevelt = district.pairing("Roosevelt Elementary", helen);
    }

    @Test
    void shouldRefuseAMoveThatPutsTheConsultantInTwoSessionsNamingWhoAndWhichSession() {
        create(garfield, OCT_6, "AM");
        String second = create(roosevelt, NOV_3, "AM").path("sessionId");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(slot(OCT_6, "AM"))
                .header("If-Match", IfMatch.session(second)).put("/sessions/" + second + "/slot")
                .then().statusCode(409)
                .contentType("application/problem+json")
                .body("errors.message", hasItem(containsString("Dr. Helen Ward would be in")))
                .body("errors.message", hasItem(containsString("session 1 of Garfield Elementary")))
                .body("errors.message", hasItem(containsString("Nobody in two sessions in the same half-day")));
    }

    @Test
    void shouldRefuseASessionOnAHolidayOrTooSoonAfterThePairingsPreviousOne() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"kind\":\"HOLIDAY\",\"note\":\"Veterans Day\"}")
                .put("/school-years/" + district.schoolYearId + "/calendar/days/2026-11-11").then().statusCode(204);
        create(garfield, OCT_6, "AM");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + garfield.pairingId() + "\",\"date\":\"2026-11-11\",\"halfDay\":\"AM\"}")
                .post("/sessions")
                .then().statusCode(409)
                .body("errors.message", hasItem(containsString("Instructional day")));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + garfield.pairingId() + "\",\"date\":\"2026-10-08\",\"halfDay\":\"PM\"}")
                .post("/sessions")
                .then().statusCode(409)
                .body("errors.message", hasItem(containsString("at least 14 days apart")));
    }

    @Test
    void shouldLetExactlyOneOfTwoConcurrentConflictingMovesWin() throws Exception {
        String first = create(garfield, OCT_6, "AM").path("sessionId");
        String second = create(roosevelt, NOV_3, "AM").path("sessionId");
        CyclicBarrier start = new CyclicBarrier(2);

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> moveTogether(start, first));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> moveTogether(start, second));

        assertThat(List.of(a.get(), b.get())).containsExactlyInAnyOrder(200, 409);
        long onDecFirst = given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId)
                .then().statusCode(200).extract().jsonPath().getList("items.date", String.class).stream()
                .filter("2026-12-01"::equals).count();
        assertThat(onDecFirst).isEqualTo(1);
    }

    @Test
    void shouldRefuseAMoveBasedOnAStaleVersion() {
        Response created = create(garfield, OCT_6, "AM");
        String id = created.path("sessionId");
        String etag = created.header("ETag");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag).body(slot(NOV_3, "AM"))
                .put("/sessions/" + id + "/slot").then().statusCode(200).body("icsSequence", equalTo(1));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).header("If-Match", etag).body(slot(DEC_1, "AM"))
                .put("/sessions/" + id + "/slot")
                .then().statusCode(412).contentType("application/problem+json");
    }

    @Test
    void shouldPageTheYearsSessionsAndFilterThemWithoutParticipants() {
        create(garfield, OCT_6, "AM");
        create(roosevelt, NOV_3, "AM");
        create(garfield, DEC_1, "PM");

        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId + "&size=2").then().statusCode(200)
                .header("X-Total-Count", "3").body("items", hasSize(2)).body("items[0].date", equalTo(OCT_6.toString()))
                .body("items[0].participants", org.hamcrest.Matchers.nullValue());
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId + "&size=2&page=1").then()
                .body("items.date", org.hamcrest.Matchers.contains(DEC_1.toString()));
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId + "&pairingId=" + garfield.pairingId()
                + "&from=2026-11-01").then().body("total", equalTo(1));
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId + "&schoolId=" + roosevelt.studioSchoolId()
                + "&status=PUBLISHED").then().body("items.date", org.hamcrest.Matchers.contains(NOV_3.toString()));
        given().auth().oauth2(TestInfrastructure.principalToken(roosevelt.studioSchoolId().toString()))
                .get("/sessions?schoolYearId=" + district.schoolYearId + "&schoolId=" + garfield.studioSchoolId()).then().body("total", equalTo(0));
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId + "&size=500").then().statusCode(400)
                .body("errors[0].field", equalTo("size"));
        given().auth().oauth2(ADMIN).get("/sessions?schoolYearId=" + district.schoolYearId + "&status=HAPPENING").then().statusCode(400)
                .body("errors[0].field", equalTo("status"));
    }

    @Test
    void shouldTellTheTotalOnAFullPageAPartPageAndAPagePastTheEnd() {
        create(garfield, OCT_6, "AM");
        create(roosevelt, NOV_3, "AM");
        create(garfield, DEC_1, "PM");
        String list = "/sessions?schoolYearId=" + district.schoolYearId;

        // A full page counts, a part page knows the total from its offset, a page past the end counts again.
        given().auth().oauth2(ADMIN).get(list + "&size=1&page=1").then().statusCode(200)
                .header("X-Total-Count", "3").body("total", equalTo(3)).body("items.date", org.hamcrest.Matchers.contains(NOV_3.toString()));
        given().auth().oauth2(ADMIN).get(list + "&size=2&page=1").then().statusCode(200)
                .header("X-Total-Count", "3").body("items", hasSize(1));
        given().auth().oauth2(ADMIN).get(list + "&size=2&page=5").then().statusCode(200)
                .header("X-Total-Count", "3").body("total", equalTo(3)).body("items", hasSize(0));
    }

    @Test
    void shouldRequireIfMatchToMoveOrCancelASession() {
        String id = create(garfield, OCT_6, "AM").path("sessionId");

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(slot(NOV_3, "AM")).put("/sessions/" + id + "/slot")
                .then().statusCode(428).contentType("application/problem+json").body("errors[0].field", equalTo("If-Match"));
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"Consultant ill\"}").post("/sessions/" + id + "/cancellation")
                .then().statusCode(428);
        given().auth().oauth2(ADMIN).get("/sessions/" + id).then().body("date", equalTo(OCT_6.toString())).body("status", equalTo("PUBLISHED"));
    }

    @Test
    void shouldShowARescheduleAndACancellationInTheSchoolsCalendarFeed() throws Exception {
        String moved = create(garfield, OCT_6, "AM").path("sessionId");
        String cancelled = create(garfield, DEC_1, "PM").path("sessionId");
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(slot(NOV_3, "PM"))
                .header("If-Match", IfMatch.session(moved)).put("/sessions/" + moved + "/slot").then().statusCode(200);
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"reason\":\"Consultant ill\"}")
                .header("If-Match", IfMatch.session(cancelled)).post("/sessions/" + cancelled + "/cancellation").then().statusCode(200).body("status", equalTo("CANCELLED"));

        String ics = given().auth().oauth2(TestInfrastructure.principalToken(garfield.studioSchoolId().toString()))
                .get("/feeds/schools/" + garfield.studioSchoolId() + ".ics")
                .then().statusCode(200).contentType(containsString("text/calendar")).extract().asString();

        Calendar calendar = new CalendarBuilder().build(new StringReader(ics));
        List<VEvent> events = calendar.getComponents(Component.VEVENT);
        assertThat(events).hasSize(2);
        VEvent rescheduled = byUid(events, moved);
        assertThat(value(rescheduled, Property.SEQUENCE)).isEqualTo("1");
        assertThat(value(rescheduled, Property.DTSTART)).startsWith("20261103T2");
        VEvent gone = byUid(events, cancelled);
        assertThat(value(gone, Property.STATUS)).isEqualTo("CANCELLED");
        assertThat(value(gone, Property.SEQUENCE)).isEqualTo("1");

        String personal = given().auth().oauth2(ADMIN).get("/feeds/people/" + helen.staffId() + ".ics")
                .then().statusCode(200).extract().asString();
        assertThat(new CalendarBuilder().build(new StringReader(personal)).<VEvent>getComponents(Component.VEVENT)).hasSize(2);
    }

    @Test
    void shouldNotShowAPrincipalAnotherSchoolsSessions() {
        String id = create(garfield, OCT_6, "AM").path("sessionId");
        String otherPrincipal = TestInfrastructure.principalToken(roosevelt.studioSchoolId().toString());
        given().auth().oauth2(otherPrincipal).get("/sessions/" + id).then().statusCode(404);
        given().auth().oauth2(otherPrincipal).get("/feeds/schools/" + garfield.studioSchoolId() + ".ics").then().statusCode(404);
        given().auth().oauth2(TestInfrastructure.principalToken(garfield.residencySchoolId().toString()))
                .get("/sessions/" + id).then().statusCode(200);
    }

    @Test
    void shouldRefuseASecondBookingOfAPersonInTheSameHalfDayAtTheDatabaseEvenWithoutTheRuleCheck() {
        create(garfield, OCT_6, "AM");
        String second = create(roosevelt, NOV_3, "AM").path("sessionId");

        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() ->
                sessions.book(UUID.fromString(second), List.of(helen.staffId()), OCT_6, HalfDay.AM)))
                .hasStackTraceContaining("person_booking_pkey");
    }

    @Test
    void shouldRefuseASessionOnADayTheConsultantIsUnavailable() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"Dr. Helen Ward\",\"maxSessionsPerWeek\":2,\"contractedDays\":[],\"unavailableDates\":[\"2026-10-06\"]}")
                .put("/consultants/" + helen.staffId())
                .then().statusCode(200);

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + garfield.pairingId() + "\",\"date\":\"2026-10-06\",\"halfDay\":\"PM\"}")
                .post("/sessions")
                .then().statusCode(409)
                .body("errors.message", hasItem(containsString("Dr. Helen Ward is not available on 2026-10-06")));
    }

    @Test
    void shouldNameTheFieldOfAnInvalidSettingAndKeepPerDateSubstituteCaps() {
        String settings = given().auth().oauth2(ADMIN).get("/settings").then().statusCode(200)
                .body("sessionsPerPairing", org.hamcrest.Matchers.greaterThan(0))
                .body("substituteTeamRoles", org.hamcrest.Matchers.hasItems("STUDIO_TEACHER", "RESIDENCY_TEACHER"))
                .extract().asString();
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(settings.replaceFirst("\"sessionsPerPairing\":\\d+", "\"sessionsPerPairing\":0"))
                .header("If-Match", IfMatch.settings()).put("/settings")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("sessionsPerPairing"));

        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"cap\":4}").put("/settings/substitute-caps/2027-02-12")
                .then().statusCode(204);
        given().auth().oauth2(ADMIN).get("/settings/substitute-caps?from=2027-02-01&to=2027-02-28")
                .then().statusCode(200).body("'2027-02-12'", equalTo(4));
    }

    private int moveTogether(CyclicBarrier start, String sessionId) {
        String etag = IfMatch.session(sessionId);
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body(slot(DEC_1, "AM"))
                .header("If-Match", etag).put("/sessions/" + sessionId + "/slot").then().extract().statusCode();
    }

    private static VEvent byUid(List<VEvent> events, String sessionId) {
        return events.stream().filter(e -> value(e, Property.UID).startsWith(sessionId)).findFirst().orElseThrow();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(Property::getValue).orElse("");
    }

    private Response create(DistrictFixture.Pairing pairing, LocalDate date, String halfDay) {
        return given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + pairing.pairingId() + "\",\"date\":\"" + date + "\",\"halfDay\":\"" + halfDay + "\"}")
                .post("/sessions")
                .then().statusCode(201).extract().response();
    }

    private static String slot(LocalDate date, String halfDay) {
        return "{\"date\":\"" + date + "\",\"halfDay\":\"" + halfDay + "\"}";
    }

}
