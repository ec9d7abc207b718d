package org.studioresidency.e2e;

import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.LocalStack;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * A district's year through the whole system, over HTTP with bearer tokens as the portal would: import the
 * directory from OneRoster, designate studios, match and confirm pairings, import the calendar, plan and publish
 * the year, substitutes requested from and filled by the HR sandbox, hold and summarise a session, and see the
 * principals' summary and weekly digest emails and the calendar feed.
 */
class WholeYearScenarioIT {

    private final LocalStack stack = RunningSystem.get();
    private final String admin = stack.identity().token("e2e-central-office", "district-admin", null);
    private final String p = "Y" + UUID.randomUUID().toString().substring(0, 6);

    @Test
    void shouldCarryADistrictsYearFromTheDirectoryToThePrincipalsInbox() {
        String year = pairing().body("""
                        {"name": "2031-32", "firstDay": "2031-08-25", "lastDay": "2032-06-11"}""")
                .post("/school-years").then().log().ifValidationFails().statusCode(201).extract().path("id");

        importDirectory();
        Map<String, String> schools = new HashMap<>();
        for (Object school : pairing().queryParam("name", p).queryParam("size", 50).get("/schools")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath().getList("items")) {
            Map<?, ?> s = (Map<?, ?>) school;
            schools.put(s.get("externalId").toString().substring(p.length() + 1), s.get("id").toString());
        }
        assertThat(schools).containsKeys("s1", "s2", "s3", "s4");
        Map<String, String> staff = staffIds();

        designateStudio(year, schools.get("s1"), staff.get("u4"), staff.get("u2"));
        designateStudio(year, schools.get("s2"), staff.get("u14"), staff.get("u12"));
        for (String residency : List.of("s3", "s4")) {
            pairing().body("{\"readiness\": 2, \"studio\": false}")
                    .put("/school-years/" + year + "/designations/" + schools.get(residency)).then().log().ifValidationFails().statusCode(200);
        }

        ExtractableResponse<Response> proposal = pairing().body("""
                        {"residencySchoolIds": ["%s", "%s"]}""".formatted(schools.get("s3"), schools.get("s4")))
                .post("/school-years/" + year + "/matchings").then().log().ifValidationFails().statusCode(201).extract();
        assertThat(proposal.jsonPath().getList("pairs")).hasSize(2);
        List<String> pairings = pairing().header("If-Match", proposal.header("ETag"))
                .post("/matchings/" + proposal.path("id") + "/confirmation")
                .then().log().ifValidationFails().statusCode(200).extract().jsonPath().getList("id", String.class);
        assertThat(pairings).hasSize(2);
        for (String pairingId : pairings) {
            completeTeam(pairingId, staff, schools);
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                session().queryParam("schoolYearId", year).get("/pairings").then().log().ifValidationFails().statusCode(200)
                        .body("size()", equalTo(2)));
        session().contentType("text/calendar").body(calendar())
                .post("/school-years/" + year + "/calendar/import").then().log().ifValidationFails().statusCode(200);

        String job = session().body("{\"schoolYearId\": \"%s\"}".formatted(year))
                .post("/planning-jobs").then().log().ifValidationFails().statusCode(202).extract().path("jobId");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                List.of("SOLVED", "STOPPED", "FAILED").contains(session().get("/planning-jobs/" + job).then().extract().<String>path("status")));
        ExtractableResponse<Response> solved = session().get("/planning-jobs/" + job).then().log().ifValidationFails().statusCode(200)
                .body("feasible", equalTo(true)).extract();
        session().header("If-Match", solved.header("ETag")).post("/planning-jobs/" + job + "/publication")
                .then().log().ifValidationFails().statusCode(200);

        JsonPath sessions = session().queryParam("schoolYearId", year).get("/sessions").then().log().ifValidationFails().statusCode(200)
                .extract().jsonPath();
        assertThat(sessions.getList("status", String.class)).hasSize(12).containsOnly("PUBLISHED");

        // Four released teachers per session (one studio teacher, three residency teachers): the sandbox HR system
        // answers every request, filling most of them, and the statuses come back on signed callbacks.
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            List<String> statuses = session().queryParam("from", "2031-08-25").queryParam("to", "2032-06-11")
                    .get("/coverage/requests").then().statusCode(200).extract().jsonPath().getList("status", String.class);
            assertThat(statuses).hasSize(48).containsAnyOf("FILLED").allMatch(s -> s.equals("FILLED") || s.equals("UNFILLED"));
        });

        String studioPairing = pairings.get(0);
        String first = firstSessionOf(sessions, studioPairing);
        List<Map<String, Object>> attendance = new ArrayList<>();
        for (Object member : sessions.getList("find { it.sessionId == '" + first + "' }.participants")) {
            attendance.add(Map.of("staffId", ((Map<?, ?>) member).get("staffId"), "present", true));
        }
        String published = session().get("/sessions/" + first).then().statusCode(200).extract().header("ETag");
        String held = session().header("If-Match", published).body(Map.of("attendance", attendance)).post("/sessions/" + first + "/held")
                .then().log().ifValidationFails().statusCode(200).extract().header("ETag");
        String owner = sessions.getString("find { it.sessionId == '" + first + "' }.participants.find { it.teamRole == 'RESIDENCY_TEACHER' }.staffId");
        String host = sessions.getString("find { it.sessionId == '" + first + "' }.hostSchool.schoolId");
        int hostNumber = Integer.parseInt(key(schools, host).substring(1));
        session().header("If-Match", held).body("""
                        {"focus": "SHARED_READING",
                         "problemOfPractice": "Moving emergent readers from choral reading to decoding on their own",
                         "demonstrated": "A shared-reading lesson with a big book, thinking aloud about word solving",
                         "notes": "Students leaned on pictures; the debrief focused on prompting for first-letter cues.",
                         "nextSteps": [{"description": "Try the routine with small groups", "ownerStaffId": "%s", "dueDate": "2031-10-15"}]}"""
                        .formatted(owner))
                .post("/sessions/" + first + "/summary").then().log().ifValidationFails().statusCode(200);

        String residency = sessions.getString("find { it.sessionId == '" + first + "' }.residencySchools[0].schoolId");
        List<String> principals = List.of(email("u" + ((hostNumber - 1) * 10 + 1)),
                email("u" + ((Integer.parseInt(key(schools, residency).substring(1)) - 1) * 10 + 1)));
        for (String principal : principals) {
            awaitMail(principal, "Session 1 summary: ");
        }

        given().auth().oauth2(admin).post(stack.serviceUrl("notification-service") + "/digest-runs").then().statusCode(200);
        for (String principal : principals) {
            awaitMail(principal, "Your studio/residency week of ");
        }

        String feed = given().auth().oauth2(admin).get(stack.serviceUrl("session-service") + "/feeds/schools/" + host + ".ics")
                .then().log().ifValidationFails().statusCode(200).extract().asString();
        assertThat(feed.split("BEGIN:VEVENT", -1)).hasSizeGreaterThanOrEqualTo(7);
    }

    private void awaitMail(String recipient, String subjectStart) {
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            JsonPath mail = given().queryParam("to", recipient).get(stack.mail().httpUrl() + "/messages")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(mail.getList("subject", String.class)).as("mail to %s", recipient)
                    .anyMatch(subject -> subject.startsWith(subjectStart));
        });
    }

    private void importDirectory() {
        String orgs = """
                sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
                %1$s-d,active,2031-08-01T00:00:00Z,Springfield Public Schools,district,,
                %1$s-s1,active,2031-08-01T00:00:00Z,%1$s Garfield Elementary,school,1,%1$s-d
                %1$s-s2,active,2031-08-01T00:00:00Z,%1$s Roosevelt Elementary,school,2,%1$s-d
                %1$s-s3,active,2031-08-01T00:00:00Z,%1$s Lincoln Elementary,school,3,%1$s-d
                %1$s-s4,active,2031-08-01T00:00:00Z,%1$s Jefferson Elementary,school,4,%1$s-d
                """.formatted(p);
        StringBuilder users = new StringBuilder("sourcedId,status,dateLastModified,enabledUser,username,givenName,familyName,"
                + "email,grades,primaryOrgSourcedId,metadata.staffRole\n");
        StringBuilder roles = new StringBuilder("sourcedId,status,dateLastModified,userSourcedId,roleType,role,orgSourcedId\n");
        // Per school: principal, primary coach, intermediate coach, three teachers. District-wide people after.
        String[][] perSchool = {{"principal", ""}, {"", "LITERACY_COACH_PRIMARY"}, {"", "LITERACY_COACH_INTERMEDIATE"},
                {"teacher", ""}, {"teacher", ""}, {"teacher", ""}};
        for (int school = 1; school <= 4; school++) {
            for (int i = 0; i < perSchool.length; i++) {
                String id = "u" + ((school - 1) * 10 + i + 1);
                users.append("%1$s-%2$s,active,2031-08-01T00:00:00Z,true,%2$s,Person,%2$s,%3$s,%4$s,%1$s-s%5$d,%6$s\n"
                        .formatted(p, id, email(id), perSchool[i][0].equals("teacher") ? "03" : "", school, perSchool[i][1]));
                if (!perSchool[i][0].isEmpty()) {
                    roles.append("%1$s-r%2$s,active,2031-08-01T00:00:00Z,%1$s-%2$s,primary,%3$s,%1$s-s%4$d\n"
                            .formatted(p, id, perSchool[i][0], school));
                }
            }
        }
        String[][] district = {{"u90", "CENTRAL_OFFICE_LEADER"}, {"u91", "DISTRICT_LITERACY_COACH"},
                {"u92", "EXTERNAL_CONSULTANT"}, {"u93", "EXTERNAL_CONSULTANT"}};
        for (String[] person : district) {
            users.append("%1$s-%2$s,active,2031-08-01T00:00:00Z,true,%2$s,Person,%2$s,%3$s,,%1$s-d,%4$s\n"
                    .formatted(p, person[0], email(person[0]), person[1]));
        }
        given().auth().oauth2(admin)
                .multiPart("orgs", "orgs.csv", orgs.getBytes(), "text/csv")
                .multiPart("users", "users.csv", users.toString().getBytes(), "text/csv")
                .multiPart("roles", "roles.csv", roles.toString().getBytes(), "text/csv")
                .post(stack.serviceUrl("pairing-service") + "/imports/oneroster")
                .then().log().ifValidationFails().statusCode(200).body("rejected", equalTo(0));
        String demographics = """
                externalId,enrollment,freeReducedLunchPercent,englishLearnerPercent,readingProficiencyPercent,homeLanguages,latitude,longitude,race.latino,race.asian,race.black,race.white
                %1$s-s1,640,62,33,41,14,47.60,-122.33,40,24,16,20
                %1$s-s2,410,35,12,63,6,47.68,-122.30,18,20,10,52
                %1$s-s3,590,60,30,44,12,47.55,-122.29,42,22,17,19
                %1$s-s4,450,38,15,60,7,47.70,-122.35,20,18,12,50
                """.formatted(p);
        given().auth().oauth2(admin).multiPart("file", "demographics.csv", demographics.getBytes(), "text/csv")
                .post(stack.serviceUrl("pairing-service") + "/imports/demographics")
                .then().log().ifValidationFails().statusCode(200).body("rejected", equalTo(0));
    }

    private Map<String, String> staffIds() {
        Map<String, String> ids = new HashMap<>();
        for (int page = 0; page < 5; page++) {
            List<Map<String, Object>> items = pairing().queryParam("size", 200).queryParam("page", page).get("/staff")
                    .then().log().ifValidationFails().statusCode(200).extract().jsonPath().getList("items");
            for (Map<String, Object> person : items) {
                String externalId = String.valueOf(person.get("externalId"));
                if (externalId.startsWith(p + "-")) {
                    ids.put(externalId.substring(p.length() + 1), person.get("id").toString());
                }
            }
            if (items.size() < 200) {
                break;
            }
        }
        return ids;
    }

    private void designateStudio(String year, String schoolId, String focusTeacher, String coach) {
        pairing().body("""
                        {"readiness": 4, "readinessNote": "Strong coaching culture", "studio": true,
                         "focusTeacherId": "%s", "literacyCoachId": "%s", "capacity": 1}""".formatted(focusTeacher, coach))
                .put("/school-years/" + year + "/designations/" + schoolId).then().log().ifValidationFails().statusCode(200);
    }

    /** Both schools' principals, coaches and teachers, a consultant, the central-office leader and the district coach. */
    private void completeTeam(String pairingId, Map<String, String> staff, Map<String, String> schools) {
        ExtractableResponse<Response> current = pairing().get("/pairings/" + pairingId).then().log().ifValidationFails().statusCode(200).extract();
        String studio = current.path("studioSchool.schoolId");
        String residency = current.path("residencySchools[0].schoolId");
        int s = Integer.parseInt(key(schools, studio).substring(1));
        int r = Integer.parseInt(key(schools, residency).substring(1));
        List<Map<String, String>> members = new ArrayList<>();
        for (int[] school : new int[][]{{s, 1}, {r, 0}}) {
            int base = (school[0] - 1) * 10;
            members.add(member(staff, "u" + (base + 1), "PRINCIPAL"));
            members.add(member(staff, "u" + (base + 2), "LITERACY_COACH"));
            members.add(member(staff, "u" + (base + 3), "LITERACY_COACH"));
            members.add(member(staff, "u" + (base + 4), school[1] == 1 ? "STUDIO_TEACHER" : "RESIDENCY_TEACHER"));
            members.add(member(staff, "u" + (base + 5), "RESIDENCY_TEACHER"));
        }
        members.add(member(staff, s == 1 ? "u92" : "u93", "CONSULTANT"));
        members.add(member(staff, "u90", "CENTRAL_OFFICE_LEADER"));
        members.add(member(staff, "u91", "DISTRICT_LITERACY_COACH"));
        pairing().header("If-Match", current.header("ETag"))
                .body(Map.of("members", members, "note", "Full team for the year"))
                .put("/pairings/" + pairingId + "/team").then().log().ifValidationFails().statusCode(200).body("team.size()", equalTo(13));
    }

    private static Map<String, String> member(Map<String, String> staff, String id, String teamRole) {
        return Map.of("staffId", staff.get(id), "teamRole", teamRole);
    }

    private static String key(Map<String, String> map, String value) {
        return map.entrySet().stream().filter(e -> e.getValue().equals(value)).findFirst().orElseThrow().getKey();
    }

    private static String firstSessionOf(JsonPath sessions, String pairingId) {
        return sessions.getString("findAll { it.pairingId == '" + pairingId + "' }.sort { it.date }[0].sessionId");
    }

    private String email(String id) {
        return (p + "." + id + "@district.example").toLowerCase();
    }

    private static String calendar() {
        return """
                BEGIN:VCALENDAR
                VERSION:2.0
                PRODID:-//Springfield Public Schools//Calendar//EN
                BEGIN:VEVENT
                UID:labor-day-2031@sps
                DTSTAMP:20310601T000000Z
                DTSTART;VALUE=DATE:20310901
                SUMMARY:Labor Day - no school
                END:VEVENT
                BEGIN:VEVENT
                UID:thanksgiving-2031@sps
                DTSTAMP:20310601T000000Z
                DTSTART;VALUE=DATE:20311124
                DTEND;VALUE=DATE:20311129
                SUMMARY:Thanksgiving break
                END:VEVENT
                BEGIN:VEVENT
                UID:winter-2031@sps
                DTSTAMP:20310601T000000Z
                DTSTART;VALUE=DATE:20311222
                DTEND;VALUE=DATE:20320103
                SUMMARY:Winter break
                END:VEVENT
                BEGIN:VEVENT
                UID:testing-2032@sps
                DTSTAMP:20310601T000000Z
                DTSTART;VALUE=DATE:20320419
                DTEND;VALUE=DATE:20320501
                SUMMARY:State testing window
                END:VEVENT
                BEGIN:VEVENT
                UID:early-release-2031-10@sps
                DTSTAMP:20310601T000000Z
                DTSTART;VALUE=DATE:20311001
                SUMMARY:Early release
                END:VEVENT
                END:VCALENDAR
                """.replace("\n", "\r\n");
    }

    private RequestSpecification pairing() {
        return given().auth().oauth2(admin).contentType("application/json").baseUri(stack.serviceUrl("pairing-service"));
    }

    private RequestSpecification session() {
        return given().auth().oauth2(admin).contentType("application/json").baseUri(stack.serviceUrl("session-service"));
    }
}
