package org.studioresidency.e2e.load;

import org.studioresidency.local.LocalStack;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;

/**
 * Loads a large district through the public APIs, as a district office would: 800 schools and their staff from
 * OneRoster, 260 studio designations, an optimal matching confirmed into 260 pairings, and a planned and published
 * year of six sessions each.
 */
final class LargeDistrict {

    static final int SCHOOLS = 800;
    static final int STUDIOS = 260;

    final String schoolYearId;
    final List<String> schoolIds;
    final List<String> pairingIds;
    final int sessions;

    private LargeDistrict(String schoolYearId, List<String> schoolIds, List<String> pairingIds, int sessions) {
        this.schoolYearId = schoolYearId;
        this.schoolIds = schoolIds;
        this.pairingIds = pairingIds;
        this.sessions = sessions;
    }

    static LargeDistrict load(LocalStack stack, String admin) {
        return load(stack, admin, SCHOOLS, STUDIOS, "2032-33", 2032);
    }

    /** A district of {@code schools} schools, the first {@code studios} of them studios, in the year named. */
    static LargeDistrict load(LocalStack stack, String admin, int schoolCount, int studioCount, String yearName, int firstYear) {
        String pairing = stack.serviceUrl("pairing-service");
        String session = stack.serviceUrl("session-service");
        Instant start = Instant.now();
        String year = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\": \"%s\", \"firstDay\": \"%d-08-23\", \"lastDay\": \"%d-06-10\"}".formatted(yearName, firstYear, firstYear + 1))
                .post(pairing + "/school-years").then().statusCode(201).extract().path("id");

        StringBuilder orgs = new StringBuilder("sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n")
                .append("L-d,active,2032-08-01T00:00:00Z,Large District,district,,\n");
        StringBuilder users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,"
                + "email,grades,primaryOrgSourcedId,metadata.staffRole\n");
        StringBuilder roles = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\n");
        StringBuilder demographics = new StringBuilder("externalId,enrollment,freeReducedLunchPercent,englishLearnerPercent,"
                + "readingProficiencyPercent,homeLanguages,latitude,longitude,race.latino,race.asian,race.black,race.white\n");
        java.util.Random random = new java.util.Random(7);
        for (int s = 0; s < schoolCount; s++) {
            orgs.append("L-s%d,active,2032-08-01T00:00:00Z,Large School %d,school,%d,L-d\n".formatted(s, s, s));
            String[] kinds = {"principal", "coach", "teacher", "teacher"};
            for (int i = 0; i < kinds.length; i++) {
                String id = "L-u" + s + "-" + i;
                users.append("%s,active,2032-08-01T00:00:00Z,true,%s,P,%s,%s@large.example,%s,L-s%d,%s\n".formatted(id, id, id,
                        id.toLowerCase(), kinds[i].equals("teacher") ? "02" : "", s, kinds[i].equals("coach") ? "LITERACY_COACH_PRIMARY" : ""));
                if (!kinds[i].equals("coach")) {
                    roles.append("%s-r,active,2032-08-01T00:00:00Z,%s,primary,%s,L-s%d\n".formatted(id, id, kinds[i], s));
                }
            }
            int latino = random.nextInt(60);
            int asian = random.nextInt(100 - latino);
            int black = random.nextInt(100 - latino - asian);
            demographics.append("L-s%d,%d,%d,%d,%d,%d,%.4f,%.4f,%d,%d,%d,%d\n".formatted(s, 300 + random.nextInt(500),
                    random.nextInt(90), random.nextInt(50), 20 + random.nextInt(70), 1 + random.nextInt(20),
                    47.3 + random.nextDouble() * 0.6, -122.6 + random.nextDouble() * 0.6, latino, asian, black,
                    100 - latino - asian - black));
        }
        given().auth().oauth2(admin)
                .multiPart("orgs", "orgs.csv", orgs.toString().getBytes(), "text/csv")
                .multiPart("users", "users.csv", users.toString().getBytes(), "text/csv")
                .multiPart("roles", "roles.csv", roles.toString().getBytes(), "text/csv")
                .post(pairing + "/imports/oneroster").then().statusCode(200);
        given().auth().oauth2(admin).multiPart("file", "demographics.csv", demographics.toString().getBytes(), "text/csv")
                .post(pairing + "/imports/demographics").then().statusCode(200);
        System.out.printf("directory imported in %d s%n", Duration.between(start, Instant.now()).toSeconds());

        Map<String, String> schoolByExternalId = new HashMap<>();
        Map<String, String> teacher = new HashMap<>();
        Map<String, String> coach = new HashMap<>();
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = given().auth().oauth2(admin).queryParam("size", 200).queryParam("page", page)
                    .queryParam("name", "Large School").get(pairing + "/schools").then().extract().jsonPath().getList("items");
            items.forEach(i -> schoolByExternalId.put(i.get("externalId").toString(), i.get("id").toString()));
            if (items.size() < 200) {
                break;
            }
        }
        for (int page = 0; ; page++) {
            List<Map<String, Object>> items = given().auth().oauth2(admin).queryParam("size", 200).queryParam("page", page)
                    .get(pairing + "/staff").then().extract().jsonPath().getList("items");
            for (Map<String, Object> person : items) {
                String externalId = String.valueOf(person.get("externalId"));
                if (externalId.endsWith("-2")) {
                    teacher.put(String.valueOf(person.get("schoolId")), person.get("id").toString());
                } else if (externalId.endsWith("-1")) {
                    coach.put(String.valueOf(person.get("schoolId")), person.get("id").toString());
                }
            }
            if (items.size() < 200) {
                break;
            }
        }
        List<String> studios = new ArrayList<>();
        List<String> residency = new ArrayList<>();
        for (int s = 0; s < schoolCount; s++) {
            String id = schoolByExternalId.get("L-s" + s);
            (s < studioCount ? studios : residency).add(id);
        }
        for (String studio : studios) {
            given().auth().oauth2(admin).contentType("application/json")
                    .body("{\"readiness\": 4, \"studio\": true, \"focusTeacherId\": \"%s\", \"literacyCoachId\": \"%s\", \"capacity\": 1}"
                            .formatted(teacher.get(studio), coach.get(studio)))
                    .put(pairing + "/school-years/" + year + "/designations/" + studio).then().statusCode(200);
        }
        var proposal = given().auth().oauth2(admin).contentType("application/json")
                .body(Map.of("residencySchoolIds", residency)).post(pairing + "/school-years/" + year + "/matchings")
                .then().statusCode(201).extract();
        List<String> pairings = given().auth().oauth2(admin).header("If-Match", proposal.header("ETag"))
                .post(pairing + "/matchings/" + proposal.path("id") + "/confirmation").then().statusCode(200)
                .extract().jsonPath().getList("id", String.class);
        System.out.printf("%d pairings confirmed after %d s%n", pairings.size(), Duration.between(start, Instant.now()).toSeconds());

        await(Duration.ofMinutes(5), () -> given().auth().oauth2(admin).queryParam("schoolYearId", year)
                .get(session + "/pairings").then().extract().jsonPath().getList("").size() == pairings.size());
        String job = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"schoolYearId\": \"%s\"}".formatted(year)).post(session + "/planning-jobs")
                .then().statusCode(202).extract().path("jobId");
        await(Duration.ofMinutes(10), () -> List.of("SOLVED", "STOPPED", "FAILED").contains(given().auth().oauth2(admin)
                .get(session + "/planning-jobs/" + job).then().extract().<String>path("status")));
        var solved = given().auth().oauth2(admin).get(session + "/planning-jobs/" + job).then().statusCode(200).extract();
        System.out.printf("planning job %s: %s (%s) after %d s%n", job, solved.path("status"), solved.path("bestScore"),
                Duration.between(start, Instant.now()).toSeconds());
        given().auth().oauth2(admin).header("If-Match", solved.header("ETag"))
                .post(session + "/planning-jobs/" + job + "/publication").then().statusCode(200);
        int sessions = given().auth().oauth2(admin).queryParam("schoolYearId", year).get(session + "/sessions")
                .then().statusCode(200).extract().jsonPath().getList("").size();
        System.out.printf("%d sessions published; district loaded in %d s%n", sessions, Duration.between(start, Instant.now()).toSeconds());
        return new LargeDistrict(year, new ArrayList<>(schoolByExternalId.values()), pairings, sessions);
    }

    private static void await(Duration timeout, java.util.function.BooleanSupplier condition) {
        org.awaitility.Awaitility.await().atMost(timeout).pollInterval(Duration.ofSeconds(2)).until(condition::getAsBoolean);
    }
}
