package org.studioresidency.session.rest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.service.LargeCalendar;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CalendarImportTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;

    private DistrictFixture district;

    @BeforeEach
    void freshYear() {
        district = new DistrictFixture(schoolYears, pairings);
    }

    @Test
    void shouldImportARecurringRuleWithExceptionsAnOverlapAndAnEndlessSpanToTheRightDays() {
        JsonPath report = importing(ics(
                event("er", "Early Release Wednesday", "DTSTART;VALUE=DATE:20260902", "RRULE:FREQ=MONTHLY;BYDAY=1WE;UNTIL=20270602",
                        "EXDATE;VALUE=DATE:20261202"),
                event("spring", "Spring Break", "DTSTART;VALUE=DATE:20270405", "DTEND;VALUE=DATE:20270410"),
                event("forever", "District testing blackout", "DTSTART;VALUE=DATE:20270601", "DTEND;VALUE=DATE:99991231")))
                .then().statusCode(200).extract().jsonPath();

        Map<String, String> days = days();
        assertThat(days).containsEntry("2026-09-02", "EARLY_RELEASE").containsEntry("2026-10-07", "EARLY_RELEASE")
                .containsEntry("2027-05-05", "EARLY_RELEASE").doesNotContainKey("2026-12-02")
                .containsEntry("2027-04-07", "BREAK").containsEntry("2027-04-09", "BREAK")
                .containsEntry("2027-06-02", "DISTRICT_BLACKOUT").containsEntry("2027-06-11", "DISTRICT_BLACKOUT")
                .doesNotContainKey("2027-06-12");
        assertThat(report.getList("overlaps.date", String.class)).containsExactly("2027-04-07", "2027-06-02");
        assertThat(report.getList("overlaps.kind", String.class)).containsExactly("BREAK", "DISTRICT_BLACKOUT");
        assertThat(report.getList("overlaps[0].events", String.class))
                .containsExactlyInAnyOrder("Spring Break (BREAK)", "Early Release Wednesday (EARLY_RELEASE)");
        assertThat(report.getInt("daysWritten")).isEqualTo(days.size());
    }

    @Test
    void shouldKeepASavedBreakWhenAnImportedEarlyReleaseFallsOnItAndSaySo() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON).body("{\"kind\":\"BREAK\",\"note\":\"Snow day make-up break\"}")
                .put("/school-years/" + district.schoolYearId + "/calendar/days/2026-10-07").then().statusCode(204);

        importing(ics(event("er", "Early Release", "DTSTART;VALUE=DATE:20261007")))
                .then().statusCode(200)
                .body("overlaps[0].date", equalTo("2026-10-07")).body("overlaps[0].kind", equalTo("BREAK"));

        assertThat(days()).containsEntry("2026-10-07", "BREAK");
    }

    @Test
    void shouldClassifyEventsByTheDistrictsOwnMappingBeforeTheBuiltInWords() {
        importing(ics(event("pd", "Staff PD Day", "DTSTART;VALUE=DATE:20261009"),
                        event("pic", "Picture day - no school photos", "DTSTART;VALUE=DATE:20261013")),
                "PD Day=HOLIDAY", "picture day=IGNORE")
                .then().statusCode(200).body("skippedEvents[0]", equalTo("Picture day - no school photos"));

        assertThat(days()).containsOnlyKeys("2026-10-09").containsEntry("2026-10-09", "HOLIDAY");
        importing(ics(event("pd", "Staff PD Day", "DTSTART;VALUE=DATE:20261009")), "PD Day=WEEKEND")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("map"));
    }

    @Test
    void shouldRefuseACalendarLargerThanTheLimitNamingTheLimit() {
        byte[] tooLarge = LargeCalendar.reachingTheYear9999(16 * 1024 * 1024 + 1024);

        given().auth().oauth2(ADMIN).contentType("text/calendar").body(tooLarge)
                .post("/school-years/" + district.schoolYearId + "/calendar/import")
                .then().statusCode(413).contentType("application/problem+json")
                .body("errors[0].field", equalTo("calendar")).body("detail", containsString("calendar-import.max-bytes"));
    }

    @Test
    void shouldImportATenMegabyteCalendarOfEventsReachingTheYear9999() {
        byte[] large = LargeCalendar.reachingTheYear9999(LargeCalendar.TEN_MEGABYTES);

        JsonPath report = given().auth().oauth2(ADMIN).contentType("text/calendar").body(large)
                .post("/school-years/" + district.schoolYearId + "/calendar/import")
                .then().statusCode(200).extract().jsonPath();

        assertThat(report.getInt("eventsRead")).isEqualTo(report.getInt("occurrencesInYear")).isPositive();
        assertThat(days()).containsEntry("2027-06-11", "DISTRICT_BLACKOUT").hasSize(report.getInt("daysWritten"));
    }

    private io.restassured.response.Response importing(String ics, String... mapping) {
        var request = given().auth().oauth2(ADMIN).contentType("text/calendar").body(ics.getBytes(StandardCharsets.UTF_8));
        if (mapping.length > 0) {
            request = request.queryParam("map", (Object[]) mapping);
        }
        return request.post("/school-years/" + district.schoolYearId + "/calendar/import");
    }

    private Map<String, String> days() {
        JsonPath calendar = given().auth().oauth2(ADMIN).get("/school-years/" + district.schoolYearId + "/calendar")
                .then().statusCode(200).extract().jsonPath();
        Map<String, String> days = new java.util.TreeMap<>();
        List<String> dates = calendar.getList("days.date", String.class);
        List<String> kinds = calendar.getList("days.kind", String.class);
        for (int i = 0; i < dates.size(); i++) {
            days.put(dates.get(i), kinds.get(i));
        }
        return days;
    }

    private static String event(String uid, String summary, String... lines) {
        List<String> all = new ArrayList<>(List.of("BEGIN:VEVENT", "UID:" + uid + "@district", "DTSTAMP:20260801T000000Z",
                "SUMMARY:" + summary));
        all.addAll(List.of(lines));
        all.add("END:VEVENT");
        return String.join("\r\n", all);
    }

    private static String ics(String... events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//District//Calendar//EN\r\n" + String.join("\r\n", events)
                + "\r\nEND:VCALENDAR\r\n";
    }
}
