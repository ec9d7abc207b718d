package org.studioresidency.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.LocalStack;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IntSummaryStatistics;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/**
 * A new district's office, with only the READMEs and the OpenAPI documents, brings a generated district from OneRoster
 * files to a published year with every substitute requested, and is held to a call budget: every portal call goes
 * through {@link CountedPortal} and is counted and printed. The calls are the natural work (year, roster, demographics,
 * designations, matching, confirmation, calendar, consultants, plan (answered when solved), publish, check coverage) and do not
 * grow with the district: 24 and 200 schools make the same calls.
 */
class OnboardingCallCountIT {

    /** The budget for onboarding a district to a published year. */
    private static final int CALL_BUDGET = 12;
    /** The operations onboarding takes, in order, whatever the district's size. */
    private static final List<String> OPERATIONS = List.of(
            "POST pairing-service /school-years",
            "POST pairing-service /imports/oneroster",
            "POST pairing-service /imports/demographics",
            "POST pairing-service /school-years/{id}/designations/import",
            "POST pairing-service /school-years/{id}/matchings",
            "POST pairing-service /matchings/{id}/confirmation",
            "POST session-service /school-years/{id}/calendar/import",
            "PUT session-service /consultants",
            "POST session-service /planning-jobs",
            "POST session-service /planning-jobs/{id}/publication",
            "GET session-service /coverage/requests");
    /** The district's default number of sessions a pairing has in a year. */
    private static final int SESSIONS_PER_PAIRING = 6;
    /** Team roles whose members need a substitute: the district's default setting. */
    private static final Set<String> RELEASED_ROLES = Set.of("STUDIO_TEACHER", "RESIDENCY_TEACHER");

    private final LocalStack stack = RunningSystem.get();
    private final String admin = stack.identity().token("e2e-onboarding", "district-admin", null);

    @Test
    void shouldOnboardATwentyFourSchoolDistrictToAPublishedYearWithinTheCallBudget() {
        // Years of their own: consultants and people are booked by date, whatever the year.
        List<CountedPortal.Call> calls = onboard(new OnboardingDistrict("N24", 24, 2061));

        assertThat(calls).hasSizeLessThanOrEqualTo(CALL_BUDGET);
        assertThat(calls).extracting(OnboardingCallCountIT::operation).containsExactlyElementsOf(OPERATIONS);
    }

    @Test
    void shouldOnboardATwoHundredSchoolDistrictInTheSameCalls() {
        List<CountedPortal.Call> calls = onboard(new OnboardingDistrict("N200", 200, 2063));

        assertThat(calls).hasSizeLessThanOrEqualTo(CALL_BUDGET);
        assertThat(calls).extracting(OnboardingCallCountIT::operation).containsExactlyElementsOf(OPERATIONS);
    }

    /** Onboards the district as a portal would, checking each answer; returns the calls it made. */
    private List<CountedPortal.Call> onboard(OnboardingDistrict district) {
        CountedPortal portal = new CountedPortal(stack, admin);
        Instant start = Instant.now();

        String year = portal.pairing().contentType("application/json")
                .body(Map.of("name", district.yearName(), "firstDay", district.firstDay.toString(), "lastDay", district.lastDay.toString()))
                .post("/school-years").then().log().ifValidationFails().statusCode(201).extract().path("id");

        // The reports give each row's id: the portal never pages the directory to find its own records.
        Map<String, String> ids = new HashMap<>();
        JsonPath roster = portal.pairing().multiPart("bundle", "oneroster.zip", district.oneRosterZip(), "application/zip")
                .post("/imports/oneroster").then().log().ifValidationFails().statusCode(200).body("rejected", equalTo(0))
                .extract().jsonPath();
        for (Map<String, Object> row : roster.<Map<String, Object>>getList("rows")) {
            if (row.get("id") != null) {
                ids.put(row.get("sourcedId").toString(), row.get("id").toString());
            }
        }
        portal.pairing().multiPart("file", "demographics.csv", district.demographics(), "text/csv")
                .post("/imports/demographics").then().log().ifValidationFails().statusCode(200).body("rejected", equalTo(0));
        portal.pairing().multiPart("file", "designations.csv", district.designations(), "text/csv")
                .post("/school-years/" + year + "/designations/import").then().log().ifValidationFails().statusCode(200)
                .body("rejected", equalTo(0));

        List<String> residencySchools = new ArrayList<>();
        for (int s = 0; s < district.schools; s++) {
            if (!district.isStudio(s)) {
                residencySchools.add(ids.get(district.school(s)));
            }
        }
        ExtractableResponse<Response> proposal = portal.pairing().contentType("application/json")
                .body(Map.of("residencySchoolIds", residencySchools))
                .post("/school-years/" + year + "/matchings").then().log().ifValidationFails().statusCode(201).extract();
        assertThat(proposal.jsonPath().getList("unmatched")).as("residency schools left unmatched").isEmpty();

        List<Map<String, Object>> consultants = new ArrayList<>();
        for (int i = 0; i < district.consultants(); i++) {
            consultants.add(Map.of("staffId", ids.get(district.consultant(i)), "capacity", district.consultantCapacity()));
        }
        List<String> districtCoaches = new ArrayList<>();
        for (int i = 0; i < district.districtCoaches(); i++) {
            districtCoaches.add(ids.get(district.districtCoach(i)));
        }
        JsonPath confirmed = portal.pairing().contentType("application/json").header("If-Match", proposal.header("ETag"))
                .body(Map.of("consultants", consultants, "districtLiteracyCoachIds", districtCoaches))
                .post("/matchings/" + proposal.path("id") + "/confirmation").then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
        List<Map<String, Object>> pairings = confirmed.getList("");
        assertThat(pairings).hasSize(district.studios());
        Map<String, Set<String>> released = assertCompleteTeams(district, ids, pairings);
        long pairingRevision = pairings.stream().mapToLong(p -> ((Number) p.get("yearRevision")).longValue()).max().orElseThrow();

        portal.session().contentType("text/calendar").body(district.calendar())
                .post("/school-years/" + year + "/calendar/import").then().log().ifValidationFails().statusCode(200);
        List<Map<String, Object>> terms = new ArrayList<>();
        for (int i = 0; i < district.consultants(); i++) {
            terms.add(Map.of("staffId", ids.get(district.consultant(i)), "maxSessionsPerWeek", 3,
                    "contractedDays", district.contractedDays().stream().map(LocalDate::toString).toList(),
                    "unavailableDates", district.vacationOf(i).stream().map(LocalDate::toString).toList()));
        }
        portal.session().contentType("application/json").body(terms).put("/consultants").then().log().ifValidationFails().statusCode(200);

        // The consistency token of the confirmation: planning waits until session-service has every new team.
        // Prefer: wait (RFC 7240) answers with the solved job in the same call; the e2e stack's planning time limit (90 s)
        // is within the wait, so it always does.
        ExtractableResponse<Response> solved = portal.session().contentType("application/json").header("Prefer", "wait=120")
                .body(Map.of("schoolYearId", year, "pairingRevision", pairingRevision)).post("/planning-jobs")
                .then().log().ifValidationFails().statusCode(201).body("status", equalTo("SOLVED")).body("feasible", equalTo(true)).extract();
        String job = solved.path("jobId");
        portal.session().header("If-Match", solved.header("ETag")).post("/planning-jobs/" + job + "/publication")
                .then().log().ifValidationFails().statusCode(200).body("status", equalTo("PUBLISHED"));

        List<Map<String, Object>> coverage = portal.session().queryParam("from", district.firstDay.toString())
                .queryParam("to", district.lastDay.toString()).get("/coverage/requests")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath().getList("");
        assertEverySubstituteRequested(released, coverage);

        Duration took = Duration.between(start, Instant.now());
        List<CountedPortal.Call> calls = portal.calls();
        System.out.printf("Onboarding %d schools (%d pairings, %d substitute requests): %d calls in %.1f s%n", district.schools,
                pairings.size(), coverage.size(), calls.size(), took.toMillis() / 1000.0);
        calls.forEach(call -> System.out.println("  " + call));
        return calls;
    }

    /**
     * Confirmation proposes complete teams: the supervising leader, a consultant (balanced by capacity) and a district
     * coach, and the residency teachers each school's designation names. Returns each pairing's released teachers.
     */
    private static Map<String, Set<String>> assertCompleteTeams(OnboardingDistrict district, Map<String, String> ids,
                                                                List<Map<String, Object>> pairings) {
        Map<String, Integer> schoolNumber = new HashMap<>();
        for (int s = 0; s < district.schools; s++) {
            schoolNumber.put(ids.get(district.school(s)), s);
        }
        Map<String, Integer> perConsultant = new HashMap<>();
        Map<String, Set<String>> released = new HashMap<>();
        for (Map<String, Object> pairing : pairings) {
            List<Map<String, Object>> team = list(pairing.get("team"));
            Map<String, List<String>> byRole = team.stream().collect(Collectors.groupingBy(m -> m.get("teamRole").toString(),
                    Collectors.mapping(m -> m.get("staffId").toString(), Collectors.toList())));
            int studio = schoolNumber.get(((Map<?, ?>) pairing.get("studioSchool")).get("schoolId").toString());
            assertThat(byRole.get("CENTRAL_OFFICE_LEADER")).as("leader").containsExactly(ids.get(district.leaderOf(studio)));
            assertThat(byRole.get("CONSULTANT")).as("consultant").hasSize(1);
            assertThat(byRole.get("DISTRICT_LITERACY_COACH")).as("district coach").hasSize(1);
            assertThat(byRole.get("STUDIO_TEACHER")).as("studio teacher").containsExactly(ids.get(district.teacher(studio, 1)));
            Set<String> residencyTeachers = new HashSet<>(district.residencyTeachers(studio).stream().map(ids::get).toList());
            for (Object residency : list(pairing.get("residencySchools"))) {
                int r = schoolNumber.get(((Map<?, ?>) residency).get("schoolId").toString());
                district.residencyTeachers(r).forEach(t -> residencyTeachers.add(ids.get(t)));
            }
            assertThat(byRole.get("RESIDENCY_TEACHER")).as("residency teachers").containsExactlyInAnyOrderElementsOf(residencyTeachers);
            assertThat(pairing.get("etag")).as("etag").isNotNull();
            perConsultant.merge(byRole.get("CONSULTANT").get(0), 1, Integer::sum);
            released.put(pairing.get("id").toString(), team.stream().filter(m -> RELEASED_ROLES.contains(m.get("teamRole").toString()))
                    .map(m -> m.get("staffId").toString()).collect(Collectors.toSet()));
        }
        IntSummaryStatistics load = perConsultant.values().stream().mapToInt(Integer::intValue).summaryStatistics();
        assertThat(perConsultant).as("every consultant has pairings").hasSize(district.consultants());
        assertThat(load.getMax() - load.getMin()).as("consultants balanced: %s", perConsultant).isLessThanOrEqualTo(1);
        return released;
    }

    /** Every session of every pairing has a live substitute request for each of the pairing's released teachers. */
    private static void assertEverySubstituteRequested(Map<String, Set<String>> released, List<Map<String, Object>> coverage) {
        Map<String, Map<String, Set<String>>> teachersBySessionByPairing = new HashMap<>();
        for (Map<String, Object> request : coverage) {
            assertThat(request.get("status")).as("live request").isNotEqualTo("CANCELLED");
            teachersBySessionByPairing.computeIfAbsent(request.get("pairingId").toString(), k -> new HashMap<>())
                    .computeIfAbsent(request.get("sessionId").toString(), k -> new HashSet<>())
                    .add(((Map<?, ?>) request.get("teacher")).get("staffId").toString());
        }
        assertThat(teachersBySessionByPairing.keySet()).containsExactlyInAnyOrderElementsOf(released.keySet());
        released.forEach((pairing, teachers) -> {
            Map<String, Set<String>> sessions = teachersBySessionByPairing.get(pairing);
            assertThat(sessions).as("sessions of pairing %s", pairing).hasSize(SESSIONS_PER_PAIRING);
            sessions.values().forEach(requested -> assertThat(requested).as("teachers released in pairing %s", pairing)
                    .containsExactlyInAnyOrderElementsOf(teachers));
        });
    }

    private static String operation(CountedPortal.Call call) {
        int query = call.path().indexOf('?');
        return call.method() + " " + call.service() + " " + (query < 0 ? call.path() : call.path().substring(0, query));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }
}
