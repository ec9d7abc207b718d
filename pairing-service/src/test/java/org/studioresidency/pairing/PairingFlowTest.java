package org.studioresidency.pairing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.local.TopicReader;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.studioresidency.pairing.DistrictFixtures.ADMIN;

@QuarkusTest
class PairingFlowTest {

    private final ObjectMapper json = new ObjectMapper();

    /** A studio school with its people, designated for the year. */
    record Studio(UUID school, UUID principal, UUID coach, UUID teacher, UUID leader) {
    }

    private Studio studio(UUID year, String name, double ell, int capacity) {
        UUID leader = DistrictFixtures.staff(name + " Director", "CENTRAL_OFFICE_LEADER", null);
        UUID school = DistrictFixtures.school(name, ell, null, null, leader);
        UUID principal = DistrictFixtures.staff(name + " Principal", "PRINCIPAL", school);
        UUID coach = DistrictFixtures.staff(name + " Coach", "LITERACY_COACH_PRIMARY", school);
        UUID teacher = DistrictFixtures.staff(name + " Teacher", "TEACHER", school);
        DistrictFixtures.designate(year, school, """
                {"readiness": 4, "readinessNote": "ready", "studio": true, "focusTeacherId": "%s", "literacyCoachId": "%s", "capacity": %d}"""
                .formatted(teacher, coach, capacity)).statusCode(200);
        return new Studio(school, principal, coach, teacher, leader);
    }

    private UUID residency(String name, double ell) {
        UUID school = DistrictFixtures.school(name, ell, null, null, null);
        DistrictFixtures.staff(name + " Principal", "PRINCIPAL", school);
        DistrictFixtures.staff(name + " Coach", "LITERACY_COACH_INTERMEDIATE", school);
        return school;
    }

    private ExtractableResponse<Response> propose(UUID year, String body) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(body)
                .post("/school-years/" + year + "/matchings").then().extract();
    }

    @Test
    void shouldNotAcceptAReadinessOutside1To4() {
        UUID year = DistrictFixtures.schoolYear();
        UUID school = DistrictFixtures.school("Unready");
        DistrictFixtures.designate(year, school, "{\"readiness\": 5, \"studio\": false}")
                .statusCode(400).body("errors[0].field", equalTo("readiness"));
    }

    @Test
    void shouldNotDesignateAStudioWithoutItsFocusTeacher() {
        UUID year = DistrictFixtures.schoolYear();
        UUID school = DistrictFixtures.school("Teacherless");
        DistrictFixtures.designate(year, school, "{\"readiness\": 3, \"studio\": true}")
                .statusCode(400).body("errors[0].field", equalTo("focusTeacherId"));
    }

    @Test
    void shouldProposeTheOptimalPairsWithReadableScoresAndSayWhyASchoolIsUnmatched() {
        UUID year = DistrictFixtures.schoolYear();
        Studio low = studio(year, "Adams", 10, 1);
        Studio mid = studio(year, "Baker", 50, 1);
        UUID forty = residency("Xavier", 40);
        UUID ninety = residency("York", 90);
        UUID forbidden = residency("Zeno", 45);
        String body = """
                {"residencySchoolIds": ["%s", "%s", "%s"],
                 "weights": {"freeReducedLunch": 0, "englishLearners": 1, "raceEthnicity": 0, "homeLanguages": 0, "readingProficiency": 0,
                             "enrollment": 0, "readiness": 0, "distance": 0, "sameSupervisingLeader": 0},
                 "neverPairs": [{"studioSchoolId": "%s", "residencySchoolId": "%s"}, {"studioSchoolId": "%s", "residencySchoolId": "%s"}]}"""
                .formatted(forty, ninety, forbidden, low.school(), forbidden, mid.school(), forbidden);

        ExtractableResponse<Response> proposal = propose(year, body);

        assertThat(proposal.statusCode()).isEqualTo(201);
        assertThat(proposal.<Float>path("totalScore")).isEqualTo(1.3f);
        assertThat(proposal.<String>path("pairs.find { it.residencySchool.schoolId == '" + forty + "' }.studioSchool.schoolId"))
                .isEqualTo(low.school().toString());
        assertThat(proposal.<List<String>>path("pairs.find { it.residencySchool.schoolId == '" + forty + "' }.breakdown"))
                .containsExactly("similar ELL share (10% vs 40%): +0.70");
        assertThat(proposal.<String>path("unmatched[0].reason")).startsWith("every option forbidden");
        assertThat(proposal.<String>path("unmatched[0].residencySchool.name")).isEqualTo("Zeno");
    }

    @Test
    void shouldRefuseASwapIntoANeverPairAndARemovalOfALockedPair() {
        UUID year = DistrictFixtures.schoolYear();
        Studio a = studio(year, "Cedar", 10, 1);
        Studio b = studio(year, "Dogwood", 60, 1);
        UUID x = residency("Elm", 12);
        UUID y = residency("Fir", 58);
        ExtractableResponse<Response> proposal = propose(year, """
                {"residencySchoolIds": ["%s", "%s"], "neverPairs": [{"studioSchoolId": "%s", "residencySchoolId": "%s"}]}"""
                .formatted(x, y, b.school(), x));
        String id = proposal.path("id");

        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", proposal.header("ETag"))
                .body("{\"action\": \"SWAP\", \"residencySchoolId\": \"%s\", \"otherResidencySchoolId\": \"%s\"}".formatted(x, y))
                .post("/matchings/" + id + "/edits").then().statusCode(422).body("errors[0].message", containsString("never"));
        String locked = given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", proposal.header("ETag"))
                .body("{\"action\": \"LOCK\", \"residencySchoolId\": \"%s\"}".formatted(y))
                .post("/matchings/" + id + "/edits").then().statusCode(200).extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", locked)
                .body("{\"action\": \"REMOVE\", \"residencySchoolId\": \"%s\"}".formatted(y))
                .post("/matchings/" + id + "/edits").then().statusCode(422).body("errors[0].message", containsString("locked"));
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", locked)
                .body("{\"action\": \"REMOVE\", \"residencySchoolId\": \"%s\"}".formatted(x))
                .post("/matchings/" + id + "/edits").then().statusCode(200)
                .body("pairs", hasSize(1), "unmatched.reason", hasItem("removed by a district leader"));
    }

    @Test
    void shouldPublishExactlyOneEventPerChangeOfAConfirmedPairing() throws Exception {
        UUID year = DistrictFixtures.schoolYear();
        Studio studio = studio(year, "Garfield", 30, 1);
        UUID residency = residency("Lincoln", 35);
        ExtractableResponse<Response> proposal = propose(year, "{\"residencySchoolIds\": [\"%s\"]}".formatted(residency));
        assertThat(proposal.statusCode()).isEqualTo(201);

        ExtractableResponse<Response> confirmed = given().auth().oauth2(ADMIN).header("If-Match", proposal.header("ETag"))
                .contentType("application/json").body("{\"consultants\": [], \"districtLiteracyCoachIds\": []}")
                .post("/matchings/" + proposal.path("id") + "/confirmation")
                .then().statusCode(200)
                .body("", hasSize(1), "[0].teamVersion", equalTo(1),
                        "[0].warnings[0]", containsString("usually have 11 to 15"))
                .extract();
        String pairingId = confirmed.path("[0].id");
        assertThat(confirmed.<List<String>>path("[0].team.teamRole"))
                .containsExactlyInAnyOrder("PRINCIPAL", "LITERACY_COACH", "PRINCIPAL", "LITERACY_COACH", "STUDIO_TEACHER", "CENTRAL_OFFICE_LEADER");
        given().auth().oauth2(ADMIN).header("If-Match", proposal.header("ETag"))
                .post("/matchings/" + proposal.path("id") + "/confirmation").then().statusCode(409);

        String etag = given().auth().oauth2(ADMIN).get("/pairings/" + pairingId).then().statusCode(200).extract().header("ETag");
        UUID consultant = DistrictFixtures.staff("Helen Ward", "EXTERNAL_CONSULTANT", null);
        String team = """
                {"members": [
                  {"staffId": "%s", "teamRole": "PRINCIPAL"}, {"staffId": "%s", "teamRole": "LITERACY_COACH"},
                  {"staffId": "%s", "teamRole": "STUDIO_TEACHER"}, {"staffId": "%s", "teamRole": "CENTRAL_OFFICE_LEADER"},
                  {"staffId": "%s", "teamRole": "CONSULTANT"}], "note": "consultant contracted"}"""
                .formatted(studio.principal(), studio.coach(), studio.teacher(), studio.leader(), consultant);
        String changed = given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag).body(team)
                .put("/pairings/" + pairingId + "/team").then().statusCode(200)
                .body("teamVersion", equalTo(2), "team", hasSize(5)).extract().header("ETag");
        given().auth().oauth2(ADMIN).get("/pairings/" + pairingId + "/team/history").then().statusCode(200)
                .body("teamVersion", contains(2, 1), "[0].note", equalTo("consultant contracted"));
        given().auth().oauth2(TestInfrastructure.principalToken(residency.toString())).get("/pairings/" + pairingId).then().statusCode(200);
        given().auth().oauth2(TestInfrastructure.principalToken(UUID.randomUUID().toString())).get("/pairings/" + pairingId).then().statusCode(404);
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", changed)
                .body("{\"reason\": \"Studio teacher left the district mid-year\"}")
                .post("/pairings/" + pairingId + "/dissolution").then().statusCode(200).body("active", equalTo(false));

        List<ConsumerRecord<String, String>> records = TopicReader.read(TestInfrastructure.kafkaBootstrapServers(), "district.pairing",
                        rs -> rs.stream().anyMatch(r -> pairingId.equals(r.key()) && r.value().contains("district.pairing.dissolved.v1")),
                        Duration.ofSeconds(30))
                .stream().filter(r -> pairingId.equals(r.key())).toList();
        List<JsonNode> events = records.stream().map(this::parse).toList();
        assertThat(events).extracting(e -> e.get("type").asText()).containsExactly(
                "district.pairing.confirmed.v1", "district.pairing.team-changed.v1", "district.pairing.dissolved.v1");
        assertThat(events.get(0).at("/data/teamVersion").asInt()).isEqualTo(1);
        assertThat(events.get(0).at("/data/residencySchools/0/name").asText()).isEqualTo("Lincoln");
        assertThat(events.get(1).at("/data/teamVersion").asInt()).isEqualTo(2);
        assertThat(events.get(1).at("/data/team/4/teamRole").asText()).isEqualTo("CONSULTANT");
        assertThat(events.get(2).at("/data/reason").asText()).isEqualTo("Studio teacher left the district mid-year");
        assertThat(events).extracting(e -> e.at("/data/yearRevision").asLong()).containsExactly(1L, 2L, 3L);
        assertThat(events).extracting(e -> e.at("/data/changesInRevision").asInt()).containsExactly(1, 1, 1);
    }

    @Test
    void shouldNumberEachChangeOfAYearsPairingsAndReturnTheNumberAsAConsistencyToken() {
        UUID year = DistrictFixtures.schoolYear();
        studio(year, "Jefferson", 20, 1);
        studio(year, "Kennedy", 60, 1);
        UUID near = residency("Lowell", 22);
        UUID far = residency("Madison", 58);
        ExtractableResponse<Response> proposal = propose(year, "{\"residencySchoolIds\": [\"%s\", \"%s\"]}".formatted(near, far));

        ExtractableResponse<Response> confirmed = given().auth().oauth2(ADMIN).header("If-Match", proposal.header("ETag"))
                .post("/matchings/" + proposal.path("id") + "/confirmation").then().statusCode(200).extract();

        assertThat(confirmed.<List<Integer>>path("yearRevision")).containsExactly(1, 1);
        String pairingId = confirmed.path("[0].id");
        String etag = given().auth().oauth2(ADMIN).get("/pairings/" + pairingId).then().statusCode(200)
                .body("yearRevision", equalTo(1)).extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag)
                .body("{\"reason\": \"Principal conflict\"}")
                .post("/pairings/" + pairingId + "/dissolution").then().statusCode(200).body("yearRevision", equalTo(2));
    }

    @Test
    void shouldNotAcceptATeamMemberInTheWrongRole() {
        UUID year = DistrictFixtures.schoolYear();
        Studio studio = studio(year, "Hawthorne", 30, 1);
        UUID residency = residency("Irving", 30);
        ExtractableResponse<Response> proposal = propose(year, "{\"residencySchoolIds\": [\"%s\"]}".formatted(residency));
        String pairingId = given().auth().oauth2(ADMIN).header("If-Match", proposal.header("ETag"))
                .post("/matchings/" + proposal.path("id") + "/confirmation").then().statusCode(200).extract().path("[0].id");
        String etag = given().auth().oauth2(ADMIN).get("/pairings/" + pairingId).then().extract().header("ETag");

        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag)
                .body("{\"members\": [{\"staffId\": \"%s\", \"teamRole\": \"CONSULTANT\"}]}".formatted(studio.teacher()))
                .put("/pairings/" + pairingId + "/team").then().statusCode(400).body("errors[0].field", equalTo("members[0].teamRole"));
    }

    @Test
    void shouldProposeACompleteTeamOnConfirmationAndReturnEachPairingsEtag() {
        UUID year = DistrictFixtures.schoolYear();
        Studio first = studio(year, "Quincy", 20, 1);
        Studio second = studio(year, "Revere", 60, 1);
        UUID studioTraveller = DistrictFixtures.staff("Quincy Residency Teacher", "TEACHER", first.school());
        redesignate(year, first, studioTraveller);
        UUID near = residency("Salem", 22);
        UUID far = residency("Taunton", 58);
        UUID nearTeacher = DistrictFixtures.staff("Salem Teacher", "TEACHER", near);
        DistrictFixtures.designate(year, near, "{\"readiness\": 2, \"studio\": false, \"residencyTeacherIds\": [\"%s\"]}"
                .formatted(nearTeacher)).statusCode(200);
        UUID ward = DistrictFixtures.staff("Helen Ward", "EXTERNAL_CONSULTANT", null);
        UUID okafor = DistrictFixtures.staff("Ada Okafor", "EXTERNAL_CONSULTANT", null);
        UUID coach = DistrictFixtures.staff("District Coach", "DISTRICT_LITERACY_COACH", null);
        ExtractableResponse<Response> proposal = propose(year, "{\"residencySchoolIds\": [\"%s\", \"%s\"]}".formatted(near, far));

        ExtractableResponse<Response> confirmed = given().auth().oauth2(ADMIN).header("If-Match", proposal.header("ETag"))
                .contentType("application/json").body("""
                        {"consultants": [{"staffId": "%s", "capacity": 1}, {"staffId": "%s", "capacity": 1}],
                         "districtLiteracyCoachIds": ["%s"]}""".formatted(ward, okafor, coach))
                .post("/matchings/" + proposal.path("id") + "/confirmation").then().statusCode(200).extract();

        assertThat(confirmed.<List<String>>path("team.flatten().findAll { it.teamRole == 'CONSULTANT' }.staffId"))
                .containsExactlyInAnyOrder(ward.toString(), okafor.toString());
        assertThat(confirmed.<List<String>>path("team.flatten().findAll { it.teamRole == 'DISTRICT_LITERACY_COACH' }.staffId"))
                .containsExactly(coach.toString(), coach.toString());
        String firstPairing = "find { it.studioSchool.schoolId == '" + first.school() + "' }";
        assertThat(confirmed.<List<String>>path(firstPairing + ".team.findAll { it.teamRole == 'RESIDENCY_TEACHER' }.staffId"))
                .contains(studioTraveller.toString());
        assertThat(confirmed.<List<String>>path("team.flatten().findAll { it.teamRole == 'RESIDENCY_TEACHER' }.staffId"))
                .contains(studioTraveller.toString(), nearTeacher.toString());
        assertThat(confirmed.<String>path(firstPairing + ".team.find { it.teamRole == 'CENTRAL_OFFICE_LEADER' }.staffId"))
                .isEqualTo(first.leader().toString());
        for (String id : confirmed.<List<String>>path("id")) {
            String etag = given().auth().oauth2(ADMIN).get("/pairings/" + id).then().extract().header("ETag");
            assertThat(confirmed.<String>path("find { it.id == '" + id + "' }.etag")).isEqualTo(etag);
        }
    }

    @Test
    void shouldSpreadTheDirectorysConsultantsOverPairingsWhenConfirmationNamesNone() {
        UUID year = DistrictFixtures.schoolYear();
        studio(year, "Union", 20, 1);
        studio(year, "Vernon", 60, 1);
        DistrictFixtures.staff("Consultant Uma", "EXTERNAL_CONSULTANT", null);
        DistrictFixtures.staff("Consultant Vic", "EXTERNAL_CONSULTANT", null);
        ExtractableResponse<Response> proposal = propose(year, "{\"residencySchoolIds\": [\"%s\", \"%s\"]}"
                .formatted(residency("Walden", 22), residency("Xenia", 58)));

        ExtractableResponse<Response> confirmed = given().auth().oauth2(ADMIN).header("If-Match", proposal.header("ETag"))
                .contentType("application/json").post("/matchings/" + proposal.path("id") + "/confirmation").then().statusCode(200).extract();

        List<String> consultants = confirmed.path("team.flatten().findAll { it.teamRole == 'CONSULTANT' }.staffId");
        assertThat(consultants).hasSize(2).doesNotHaveDuplicates();
        assertThat(confirmed.<List<String>>path("team.flatten().findAll { it.teamRole == 'CONSULTANT' }.role")).containsOnly("EXTERNAL_CONSULTANT");
    }

    @Test
    void shouldLetAPrincipalSetTheirOwnSchoolsParticipantsOnly() {
        UUID year = DistrictFixtures.schoolYear();
        Studio studio = studio(year, "Yale", 30, 1);
        UUID studioTraveller = DistrictFixtures.staff("Yale Residency Teacher", "TEACHER", studio.school());
        redesignate(year, studio, studioTraveller);
        UUID residency = residency("Zion", 30);
        UUID firstChoice = DistrictFixtures.staff("Zion First", "TEACHER", residency);
        UUID secondChoice = DistrictFixtures.staff("Zion Second", "TEACHER", residency);
        DistrictFixtures.designate(year, residency, "{\"readiness\": 2, \"studio\": false, \"residencyTeacherIds\": [\"%s\"]}"
                .formatted(firstChoice)).statusCode(200);
        ExtractableResponse<Response> proposal = propose(year, "{\"residencySchoolIds\": [\"%s\"]}".formatted(residency));
        ExtractableResponse<Response> confirmed = given().auth().oauth2(ADMIN).header("If-Match", proposal.header("ETag"))
                .post("/matchings/" + proposal.path("id") + "/confirmation").then().statusCode(200).extract();
        String pairingId = confirmed.path("[0].id");
        String etag = confirmed.path("[0].etag");
        String principal = TestInfrastructure.principalToken(residency.toString());
        String participants = "/pairings/" + pairingId + "/participants/";
        String body = "{\"teacherIds\": [\"%s\"]}".formatted(secondChoice);

        given().auth().oauth2(principal).contentType("application/json").body(body).put(participants + residency).then().statusCode(428);
        given().auth().oauth2(principal).contentType("application/json").header("If-Match", etag).body(body)
                .put(participants + studio.school()).then().statusCode(403).contentType("application/problem+json");
        given().auth().oauth2(principal).contentType("application/json").header("If-Match", etag)
                .body("{\"teacherIds\": [\"%s\"]}".formatted(studio.teacher()))
                .put(participants + residency).then().statusCode(400).body("errors[0].field", equalTo("teacherIds[0]"));
        int revision = confirmed.path("[0].yearRevision");
        String changed = given().auth().oauth2(principal).contentType("application/json").header("If-Match", etag).body(body)
                .put(participants + residency).then().statusCode(200)
                .body("teamVersion", equalTo(2), "yearRevision", equalTo(revision + 1)).extract().header("ETag");

        List<String> travellers = given().auth().oauth2(ADMIN).get("/pairings/" + pairingId).then()
                .header("ETag", changed).extract().path("team.findAll { it.teamRole == 'RESIDENCY_TEACHER' }.staffId");
        assertThat(travellers).containsExactlyInAnyOrder(studioTraveller.toString(), secondChoice.toString());
        given().auth().oauth2(principal).contentType("application/json").header("If-Match", etag).body(body)
                .put(participants + residency).then().statusCode(412);
    }

    private void redesignate(UUID year, Studio studio, UUID residencyTeacher) {
        String etag = given().auth().oauth2(ADMIN).get("/school-years/" + year + "/designations/" + studio.school()).then().extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag).body("""
                {"readiness": 4, "studio": true, "focusTeacherId": "%s", "literacyCoachId": "%s", "residencyTeacherIds": ["%s"]}"""
                .formatted(studio.teacher(), studio.coach(), residencyTeacher))
                .put("/school-years/" + year + "/designations/" + studio.school()).then().statusCode(200);
    }

    private JsonNode parse(ConsumerRecord<String, String> record) {
        try {
            return json.readTree(record.value());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
