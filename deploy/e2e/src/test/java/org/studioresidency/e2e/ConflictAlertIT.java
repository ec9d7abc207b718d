package org.studioresidency.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.LocalStack;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A conflict created in one service is surfaced in the others, with the services as separate processes: a team change
 * in pairing-service puts a district literacy coach into two sessions of the same morning; session-service records
 * the conflict on the session, notification-service emails the district office, and moving the session resolves it.
 */
class ConflictAlertIT {

    private static final String DISTRICT_OFFICE = "district-office@district.example";

    private final LocalStack stack = RunningSystem.get();
    private final String admin = stack.identity().token("e2e-conflicts", "district-admin", null);
    private final String tag = UUID.randomUUID().toString().substring(0, 8);
    private final int start = 2100 + ThreadLocalRandom.current().nextInt(7000);
    /** Two Tuesday mornings of the year, a week apart. */
    private final LocalDate firstTuesday = LocalDate.of(start, 10, 1).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY)).plusWeeks(2);

    @Test
    void shouldAlertTheDistrictOfficeToADoubleBookingATeamChangeCausesAndResolveItWhenTheSessionMoves() {
        String year = year();
        String coach = staff("coach", "DISTRICT_LITERACY_COACH", null);
        Map<String, String> studios = new HashMap<>();
        List<String> residencies = new ArrayList<>();
        for (String name : List.of("Adams", "Baker")) {
            String leader = staff(name + "-leader", "CENTRAL_OFFICE_LEADER", null);
            String studio = school(name, name.equals("Adams") ? 20 : 60, leader);
            String residency = school(name + "-Partner", name.equals("Adams") ? 22 : 62, null);
            String teacher = staff(name + "-teacher", "TEACHER", studio);
            String studioCoach = staff(name + "-coach", "LITERACY_COACH_PRIMARY", studio);
            staff(name + "-principal", "PRINCIPAL", studio);
            staff(name + "-partner-principal", "PRINCIPAL", residency);
            pairing().body(Map.of("readiness", 4, "studio", true, "focusTeacherId", teacher, "literacyCoachId", studioCoach, "capacity", 1))
                    .put("/school-years/" + year + "/designations/" + studio).then().log().ifValidationFails().statusCode(200);
            studios.put(name, studio);
            residencies.add(residency);
        }
        ExtractableResponse<Response> proposal = pairing().body(Map.of("residencySchoolIds", residencies))
                .post("/school-years/" + year + "/matchings").then().log().ifValidationFails().statusCode(201).extract();
        JsonPath confirmed = pairing().header("If-Match", proposal.header("ETag"))
                .post("/matchings/" + proposal.path("id") + "/confirmation").then().log().ifValidationFails().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Object>> byStudio = new HashMap<>();
        for (Map<String, Object> p : confirmed.<Map<String, Object>>getList("")) {
            String studio = (String) ((Map<?, ?>) p.get("studioSchool")).get("schoolId");
            byStudio.put(studio.equals(studios.get("Adams")) ? "Adams" : "Baker", p);
        }
        // Teams of the schools' own people (the directory's other consultants and coaches stay out), Adams with the coach.
        List<Map<String, Object>> adamsTeam = ownPeople(byStudio.get("Adams"), coach);
        List<Map<String, Object>> bakerTeam = ownPeople(byStudio.get("Baker"), null);
        changeTeam(byStudio.get("Adams"), adamsTeam);
        changeTeam(byStudio.get("Baker"), bakerTeam);
        awaitTeam(byStudio.get("Adams"), adamsTeam);
        awaitTeam(byStudio.get("Baker"), bakerTeam);
        String adamsSession = createSession(byStudio.get("Adams"), firstTuesday.toString());
        String bakerSession = createSession(byStudio.get("Baker"), firstTuesday.toString());

        String bakerEtag = pairing().get("/pairings/" + byStudio.get("Baker").get("id")).then().statusCode(200).extract().header("ETag");
        pairing().header("If-Match", bakerEtag).body(Map.of("members", ownPeople(byStudio.get("Baker"), coach), "note", "district coach joins"))
                .put("/pairings/" + byStudio.get("Baker").get("id") + "/team").then().log().ifValidationFails().statusCode(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(session().get("/sessions/" + bakerSession).then()
                .statusCode(200).extract().jsonPath().getList("conflicts.staffId")).containsExactly(coach));
        String bakerHost = session().get("/sessions/" + bakerSession).then().extract().path("hostSchool.name");
        awaitMail(DISTRICT_OFFICE, "Scheduling conflict: session 1 at " + bakerHost);
        assertThat(session().get("/school-years/" + year + "/conflicts").then().statusCode(200).extract().jsonPath()
                .getList("sessionId")).contains(bakerSession).doesNotContain(adamsSession);

        String etag = session().get("/sessions/" + bakerSession).then().extract().header("ETag");
        session().header("If-Match", etag).body(Map.of("date", firstTuesday.plusWeeks(1).toString(), "halfDay", "AM"))
                .put("/sessions/" + bakerSession + "/slot").then().log().ifValidationFails().statusCode(200);

        assertThat(session().get("/sessions/" + bakerSession).then().extract().jsonPath().getList("conflicts")).isEmpty();
        awaitMail(DISTRICT_OFFICE, "Conflict resolved: session 1 at " + bakerHost);
    }

    /** The confirmed team's people of the pairing's own schools and its leader, plus {@code extra} when given. */
    private static List<Map<String, Object>> ownPeople(Map<String, Object> pairing, String extra) {
        List<Map<String, Object>> members = new ArrayList<>();
        for (Object m : (List<?>) pairing.get("team")) {
            Map<?, ?> member = (Map<?, ?>) m;
            if (member.get("schoolId") != null || "CENTRAL_OFFICE_LEADER".equals(member.get("teamRole"))) {
                members.add(Map.of("staffId", member.get("staffId"), "teamRole", member.get("teamRole")));
            }
        }
        if (extra != null) {
            members.add(Map.of("staffId", extra, "teamRole", "DISTRICT_LITERACY_COACH"));
        }
        return members;
    }

    private void changeTeam(Map<String, Object> pairing, List<Map<String, Object>> members) {
        pairing().header("If-Match", pairing.get("etag").toString()).body(Map.of("members", members, "note", "the year's team"))
                .put("/pairings/" + pairing.get("id") + "/team").then().log().ifValidationFails().statusCode(200);
    }

    /** Creating sessions by hand takes no token, so wait until session-service has the pairing's team as it was set. */
    private void awaitTeam(Map<String, Object> pairing, List<Map<String, Object>> members) {
        java.util.Set<Object> wanted = new java.util.HashSet<>(members.stream().map(m -> m.get("staffId")).toList());
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<Object> team = session().get("/pairings?schoolYearId=" + pairing.get("schoolYearId")).then().statusCode(200).extract()
                    .jsonPath().getList("find { it.pairingId == '" + pairing.get("id") + "' }.team.staffId");
            assertThat(team).as("the pairing's team in session-service").isNotNull();
            assertThat(new java.util.HashSet<>(team)).isEqualTo(wanted);
        });
    }

    private String createSession(Map<String, Object> pairing, String date) {
        return session().body(Map.of("pairingId", pairing.get("id"), "date", date, "halfDay", "AM")).post("/sessions")
                .then().log().ifValidationFails().statusCode(201).extract().path("sessionId");
    }

    private void awaitMail(String recipient, String subjectStart) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<String> subjects = given().queryParam("to", recipient).get(stack.mail().httpUrl() + "/messages")
                    .then().statusCode(200).extract().jsonPath().getList("subject", String.class);
            assertThat(subjects).as("mail to %s", recipient).anyMatch(subject -> subject.startsWith(subjectStart));
        });
    }

    /** A year of its own dates (people are booked by date, whatever the year, and other tests share the directory). */
    private String year() {
        String year = pairing().body(Map.of("name", start + "-" + String.format("%02d", (start + 1) % 100), "firstDay", start + "-08-31",
                "lastDay", (start + 1) + "-06-11")).post("/school-years").then().log().ifValidationFails().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> session().get("/school-years/" + year).then().statusCode(200));
        return year;
    }

    private String school(String name, double ell, String leader) {
        Map<String, Object> body = new HashMap<>(Map.of("externalId", tag + "-" + name, "name", tag + " " + name + " Elementary",
                "address", "1 Main St", "gradeSpan", "K-5", "enrollment", 500, "freeReducedLunchPercent", 55, "englishLearnerPercent", ell,
                "readingProficiencyPercent", 50, "homeLanguages", 10, "raceEthnicity", Map.of("latino", 40, "asian", 24, "black", 16, "white", 20)));
        if (leader != null) {
            body.put("supervisingLeaderId", leader);
        }
        return pairing().body(body).post("/schools").then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    private String staff(String name, String role, String school) {
        Map<String, Object> body = new HashMap<>(Map.of("externalId", tag + "-" + name, "name", tag + " " + name,
                "email", (tag + "." + name + "@district.example").toLowerCase(), "role", role, "active", true));
        if (school != null) {
            body.put("schoolId", school);
        }
        if ("TEACHER".equals(role)) {
            body.put("grade", "3");
        }
        return pairing().body(body).post("/staff").then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    private RequestSpecification pairing() {
        return given().auth().oauth2(admin).contentType("application/json").baseUri(stack.serviceUrl("pairing-service"));
    }

    private RequestSpecification session() {
        return given().auth().oauth2(admin).contentType("application/json").baseUri(stack.serviceUrl("session-service"));
    }
}
