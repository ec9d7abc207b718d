package org.studioresidency.e2e;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.LocalStack;

import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Read-your-writes across services, with the services as separate processes: a district leader confirms a matching
 * in pairing-service and starts planning in session-service in the very next call. With the consistency token the
 * plan is built on exactly the confirmed pairings; without it, session-service waits for them or says to retry, and
 * never plans on teams it has not received.
 */
class PlanningConsistencyIT {

    private final LocalStack stack = RunningSystem.get();
    private final String admin = stack.identity().token("e2e-consistency", "district-admin", null);

    @Test
    void shouldPlanExactlyTheJustConfirmedPairingsWhenGivenTheirConsistencyToken() {
        District district = confirmedDistrict();

        ExtractableResponse<Response> started = session().body(Map.of("schoolYearId", district.year(), "pairingRevision", district.revision()))
                .post("/planning-jobs").then().log().ifValidationFails().extract();

        assertThat(started.statusCode()).isEqualTo(202);
        assertThat(started.<Integer>path("pairingRevision")).isEqualTo((int) district.revision());
        publishAndCheck(district, started.path("jobId"));
    }

    @Test
    void shouldWaitOrAskToRetryButNeverPlanStaleTeamsWithoutTheToken() {
        District district = confirmedDistrict();

        ExtractableResponse<Response> started = session().body(Map.of("schoolYearId", district.year()))
                .post("/planning-jobs").then().log().ifValidationFails().extract();

        if (started.statusCode() == 409) {
            assertThat(started.header("Retry-After")).isNotBlank();
            assertThat(started.contentType()).startsWith("application/problem+json");
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    assertThat(session().body(Map.of("schoolYearId", district.year())).post("/planning-jobs").then().extract().statusCode())
                            .isEqualTo(202));
            String job = session().queryParam("schoolYearId", district.year()).get("/planning-jobs").then().extract().path("[0].jobId");
            publishAndCheck(district, job);
        } else {
            assertThat(started.statusCode()).isEqualTo(202);
            publishAndCheck(district, started.path("jobId"));
        }
    }

    /** Publishes the job and checks: six sessions per confirmed pairing, nobody in two sessions in a half-day. */
    private void publishAndCheck(District district, String job) {
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                List.of("SOLVED", "STOPPED", "FAILED").contains(session().get("/planning-jobs/" + job).then().extract().<String>path("status")));
        ExtractableResponse<Response> solved = session().get("/planning-jobs/" + job).then().statusCode(200).extract();
        assertThat(solved.<String>path("status")).isEqualTo("SOLVED");
        session().header("If-Match", solved.header("ETag")).post("/planning-jobs/" + job + "/publication")
                .then().log().ifValidationFails().statusCode(200);

        List<Map<String, Object>> sessions = session().queryParam("schoolYearId", district.year()).queryParam("size", 200).get("/sessions")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(sessions).hasSize(6 * district.pairings().size()).allMatch(s -> "PUBLISHED".equals(s.get("status")));
        assertThat(sessions).extracting(s -> s.get("pairingId")).containsOnlyElementsOf(district.pairings());
        Set<String> booked = new HashSet<>();
        for (Map<String, Object> s : sessions) {
            List<?> participants = session().get("/sessions/" + s.get("sessionId")).then().statusCode(200).extract().path("participants");
            for (Object member : participants) {
                String key = ((Map<?, ?>) member).get("staffId") + "@" + s.get("date") + "/" + s.get("halfDay");
                assertThat(booked.add(key)).as("nobody in two sessions in the same half-day: %s", key).isTrue();
            }
        }
    }

    private record District(String year, List<String> pairings, long revision) {
    }

    /**
     * A new year with two studio schools and two residency schools, matched and confirmed. Both studios report to the
     * same leader, who is on both teams: a plan on anything but the confirmed teams could book them twice.
     */
    private District confirmedDistrict() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // A year of its own dates: the directory's consultants are shared by every test's pairings, and a person is booked
        // by date, whatever the year.
        int start = 2100 + ThreadLocalRandom.current().nextInt(7000);
        String year = pairing().body(Map.of("name", start + "-" + String.format("%02d", (start + 1) % 100), "firstDay", start + "-08-31",
                "lastDay", (start + 1) + "-06-11")).post("/school-years").then().log().ifValidationFails().statusCode(201).extract().path("id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> session().get("/school-years/" + year).then().statusCode(200));
        String leader = staff(tag, "leader", "CENTRAL_OFFICE_LEADER", null);
        String[] studios = new String[2];
        String[] residencies = new String[2];
        for (int i = 0; i < 2; i++) {
            studios[i] = school(tag, "studio" + i, 20 + 40 * i, leader);
            residencies[i] = school(tag, "residency" + i, 22 + 40 * i, null);
            String teacher = staff(tag, "teacher" + i, "TEACHER", studios[i]);
            String coach = staff(tag, "coach" + i, "LITERACY_COACH_PRIMARY", studios[i]);
            staff(tag, "principal" + i, "PRINCIPAL", studios[i]);
            staff(tag, "rprincipal" + i, "PRINCIPAL", residencies[i]);
            pairing().body(Map.of("readiness", 4, "studio", true, "focusTeacherId", teacher, "literacyCoachId", coach, "capacity", 1))
                    .put("/school-years/" + year + "/designations/" + studios[i]).then().log().ifValidationFails().statusCode(200);
        }
        ExtractableResponse<Response> proposal = pairing().body(Map.of("residencySchoolIds", List.of(residencies[0], residencies[1])))
                .post("/school-years/" + year + "/matchings").then().log().ifValidationFails().statusCode(201).extract();
        ExtractableResponse<Response> confirmed = pairing().header("If-Match", proposal.header("ETag"))
                .post("/matchings/" + proposal.path("id") + "/confirmation").then().log().ifValidationFails().statusCode(200).extract();
        List<String> pairings = confirmed.jsonPath().getList("id", String.class);
        long revision = confirmed.jsonPath().getLong("[0].yearRevision");
        return new District(year, pairings, revision);
    }

    private String school(String tag, String name, double ell, String leader) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("externalId", tag + "-" + name, "name", tag + " " + name + " Elementary",
                "address", "1 Main St", "gradeSpan", "K-5", "enrollment", 500, "freeReducedLunchPercent", 55, "englishLearnerPercent", ell,
                "readingProficiencyPercent", 50, "homeLanguages", 10, "raceEthnicity", Map.of("latino", 40, "asian", 24, "black", 16, "white", 20)));
        if (leader != null) {
            body.put("supervisingLeaderId", leader);
        }
        return pairing().body(body).post("/schools").then().log().ifValidationFails().statusCode(201).extract().path("id");
    }

    private String staff(String tag, String name, String role, String school) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("externalId", tag + "-" + name, "name", tag + " " + name,
                "email", tag + "." + name + "@district.example", "role", role, "active", true));
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
