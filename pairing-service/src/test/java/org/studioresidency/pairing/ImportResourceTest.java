package org.studioresidency.pairing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;
import org.studioresidency.pairing.repository.OutboxRepository;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.studioresidency.pairing.DistrictFixtures.ADMIN;
import static org.studioresidency.pairing.DistrictFixtures.unique;

@QuarkusTest
class ImportResourceTest {

    @Inject
    OutboxRepository outbox;

    private static String orgs(String p) {
        return """
                sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId
                %1$s-d,active,2026-08-01T00:00:00Z,Springfield District,district,,
                %1$s-s1,active,2026-08-01T00:00:00Z,%1$s Garfield Elementary,school,0042,%1$s-d
                %1$s-s2,active,2026-08-01T00:00:00Z,%1$s Lincoln Elementary,school,0043,%1$s-d
                """.formatted(p);
    }

    private static String users(String p) {
        return """
                sourcedId,status,dateLastModified,enabledUser,username,userIds,givenName,familyName,middleName,identifier,email,sms,phone,agentSourcedIds,grades,password,userMasterIdentifier,resourceSourcedIds,preferredGivenName,preferredMiddleName,preferredFamilyName,primaryOrgSourcedId,pronouns,metadata.staffRole
                %1$s-u1,active,2026-08-01T00:00:00Z,true,malvarez,,Maria,Alvarez,,,%1$s.malvarez@district.example,,,,,,,,,,,%1$s-s1,,
                %1$s-u2,active,2026-08-01T00:00:00Z,true,gchen,,Grace,Chen,,,%1$s.gchen@district.example,,,,03,,,,,,,%1$s-s1,,
                %1$s-u3,active,2026-08-01T00:00:00Z,true,jpark,,Jenna,Park,,,%1$s.jpark@district.example,,,,,,,,,,,%1$s-s2,,LITERACY_COACH_PRIMARY
                %1$s-u4,active,2026-08-01T00:00:00Z,true,kid,,Kid,Student,,,%1$s.kid@district.example,,,,03,,,,,,,%1$s-s1,,
                """.formatted(p);
    }

    private static String roles(String p) {
        return """
                sourcedId,status,dateLastModified,userSourcedId,roleType,role,beginDate,endDate,orgSourcedId,userProfileSourcedId
                %1$s-r1,active,2026-08-01T00:00:00Z,%1$s-u1,primary,principal,,,%1$s-s1,
                %1$s-r2,active,2026-08-01T00:00:00Z,%1$s-u2,primary,teacher,,,%1$s-s1,
                %1$s-r4,active,2026-08-01T00:00:00Z,%1$s-u4,primary,student,,,%1$s-s1,
                """.formatted(p);
    }

    @Test
    void shouldImportOneRosterFilesAndChangeNothingWhenTheSameFilesComeAgain() {
        String p = unique("OR");
        given().auth().oauth2(ADMIN).multiPart("orgs", "orgs.csv", orgs(p).getBytes(), "text/csv")
                .multiPart("users", "users.csv", users(p).getBytes(), "text/csv")
                .multiPart("roles", "roles.csv", roles(p).getBytes(), "text/csv")
                .post("/imports/oneroster").then().statusCode(200)
                .body("created", equalTo(5), "skipped", equalTo(2), "rejected", equalTo(0),
                        "rows.find { it.sourcedId == '" + p + "-u4' }.reason", containsString("not staff"));
        given().auth().oauth2(ADMIN).queryParam("name", p).get("/schools").then()
                .body("total", equalTo(2), "items.find { it.externalId == '" + p + "-s1' }.principal.name", equalTo("Maria Alvarez"));
        given().auth().oauth2(ADMIN).queryParam("name", "Grace Chen").queryParam("role", "TEACHER").get("/staff").then()
                .body("items.grade", hasItem("3"));
        long eventsAfterFirst = events();

        given().auth().oauth2(ADMIN).multiPart("orgs", "orgs.csv", orgs(p).getBytes(), "text/csv")
                .multiPart("users", "users.csv", users(p).getBytes(), "text/csv")
                .multiPart("roles", "roles.csv", roles(p).getBytes(), "text/csv")
                .post("/imports/oneroster").then().statusCode(200)
                .body("created", equalTo(0), "updated", equalTo(0), "unchanged", equalTo(5));
        assertThat(events()).isEqualTo(eventsAfterFirst);
    }

    @Test
    void shouldApplyNothingAndNameEachRejectedRowWhenARowIsInvalid() {
        String p = unique("BAD");
        String users = users(p).replace(p + ".jpark@district.example", "jpark-at-district").replace(",,LITERACY_COACH_PRIMARY", ",,JANITOR");
        given().auth().oauth2(ADMIN).multiPart("orgs", "orgs.csv", orgs(p).getBytes(), "text/csv")
                .multiPart("users", "users.csv", (users + p + "-u5,active,,true,x,,No,Email,,,,,,,,,,,,,,"
                        + p + "-s1,,TEACHER\n").getBytes(), "text/csv")
                .multiPart("roles", "roles.csv", roles(p).getBytes(), "text/csv")
                .post("/imports/oneroster").then().statusCode(422).contentType("application/problem+json")
                .body("errors", hasSize(2),
                        "errors[0].field", equalTo("users.csv row 4"), "errors[0].message", containsString("JANITOR"),
                        "errors[1].field", equalTo("users.csv row 6"), "errors[1].message", containsString("email is empty"));
        given().auth().oauth2(ADMIN).queryParam("name", p).get("/schools").then().body("total", equalTo(0));
    }

    @Test
    void shouldImportAZipOfTheOneRosterFiles() throws IOException {
        String p = unique("ZIP");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry("export/orgs.csv"));
            zip.write(orgs(p).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("export/users.csv"));
            zip.write(users(p).getBytes(StandardCharsets.UTF_8));
            zip.putNextEntry(new ZipEntry("export/roles.csv"));
            zip.write(roles(p).getBytes(StandardCharsets.UTF_8));
        }
        given().auth().oauth2(ADMIN).multiPart("bundle", "oneroster.zip", bytes.toByteArray(), "application/zip")
                .post("/imports/oneroster").then().statusCode(200).body("created", equalTo(5));
    }

    @Test
    void shouldUpdateDemographicsAndRejectUnknownSchoolsAndSharesNotSummingTo100() {
        String p = unique("DEM");
        given().auth().oauth2(ADMIN).multiPart("orgs", "orgs.csv", orgs(p).getBytes(), "text/csv")
                .post("/imports/oneroster").then().statusCode(200);
        String good = """
                externalId,enrollment,freeReducedLunchPercent,englishLearnerPercent,readingProficiencyPercent,homeLanguages,race.latino,race.asian,race.black,race.white
                %1$s-s1,640,62,33,48,14,40,24,16,20
                %1$s-s2,410,30,12,61,6,20,10,10,60
                """.formatted(p);
        given().auth().oauth2(ADMIN).multiPart("file", "demographics.csv", good.getBytes(), "text/csv")
                .post("/imports/demographics").then().statusCode(200).body("updated", equalTo(2));
        given().auth().oauth2(ADMIN).multiPart("file", "demographics.csv", good.getBytes(), "text/csv")
                .post("/imports/demographics").then().statusCode(200).body("updated", equalTo(0), "unchanged", equalTo(2));

        String bad = good.replace(p + "-s2,410,30,12,61,6,20,10,10,60", p + "-s2,410,30,12,61,6,20,10,10,40") + "NOPE-1,1,1,1,1,1,25,25,25,25\n";
        given().auth().oauth2(ADMIN).multiPart("file", "demographics.csv", bad.getBytes(), "text/csv")
                .post("/imports/demographics").then().statusCode(422)
                .body("errors.field", hasItem("demographics.csv row 3"), "errors.field", hasItem("demographics.csv row 4"),
                        "errors.message", hasItem(containsString("sum to 80")));
    }

    @Test
    void shouldNameTheFileThatMissesARequiredColumn() {
        given().auth().oauth2(ADMIN).multiPart("file", "demographics.csv", "school,enrollment\nX,1\n".getBytes(), "text/csv")
                .post("/imports/demographics").then().statusCode(400).body("errors[0].field", equalTo("demographics.csv"),
                        "errors[0].message", containsString("externalId"));
    }

    @Test
    void shouldGiveEachImportedRowTheIdOfItsRecordAndFindTheRecordsByExternalId() {
        String p = unique("IDS");
        ExtractableResponse<Response> first = importOneRoster(orgs(p), users(p), roles(p)).statusCode(200).extract();
        String s1 = first.path("rows.find { it.sourcedId == '" + p + "-s1' }.id");
        String s2 = first.path("rows.find { it.sourcedId == '" + p + "-s2' }.id");
        String u1 = first.path("rows.find { it.sourcedId == '" + p + "-u1' }.id");
        assertThat(List.of(s1, s2, u1)).doesNotContainNull();
        assertThat(first.<String>path("rows.find { it.sourcedId == '" + p + "-u4' }.id")).as("a skipped row has no record").isNull();

        given().auth().oauth2(ADMIN).queryParam("externalId", p + "-s1", p + "-s2").get("/schools").then().statusCode(200)
                .body("total", equalTo(2), "items.id", containsInAnyOrder(s1, s2));
        given().auth().oauth2(ADMIN).queryParam("externalId", p + "-u1").get("/staff").then().statusCode(200)
                .body("total", equalTo(1), "items[0].id", equalTo(u1));
        importOneRoster(orgs(p), users(p), roles(p)).statusCode(200)
                .body("unchanged", equalTo(5), "rows.find { it.sourcedId == '" + p + "-s1' }.id", equalTo(s1),
                        "rows.find { it.sourcedId == '" + p + "-u1' }.id", equalTo(u1));
        given().auth().oauth2(ADMIN).multiPart("file", "demographics.csv", ("externalId,enrollment\n" + p + "-s2,410\n").getBytes(), "text/csv")
                .post("/imports/demographics").then().statusCode(200).body("rows[0].id", equalTo(s2));
    }

    @Test
    void shouldNotListByMoreExternalIdsThanAPageHolds() {
        List<String> tooMany = java.util.stream.IntStream.rangeClosed(0, 200).mapToObj(i -> "X" + i).toList();
        given().auth().oauth2(ADMIN).queryParam("externalId", tooMany).get("/schools").then().statusCode(400)
                .contentType("application/problem+json").body("errors[0].field", equalTo("externalId"));
    }

    @Test
    void shouldImportEachSchoolsSupervisingLeaderFromTheDemographicsFile() {
        String p = unique("SUP");
        String users = users(p) + """
                %1$s-d1,active,,true,dirA,,Ann,Director,,,%1$s.adirector@district.example,,,,,,,,,,,%1$s-d,,CENTRAL_OFFICE_LEADER
                %1$s-d2,active,,true,dirB,,Ben,Director,,,%1$s.bdirector@district.example,,,,,,,,,,,%1$s-d,,CENTRAL_OFFICE_LEADER
                """.formatted(p);
        ExtractableResponse<Response> imported = importOneRoster(orgs(p), users, roles(p)).statusCode(200).extract();
        String ann = imported.path("rows.find { it.sourcedId == '" + p + "-d1' }.id");
        String ben = imported.path("rows.find { it.sourcedId == '" + p + "-d2' }.id");
        String demographics = """
                externalId,enrollment,supervisingLeader
                %1$s-s1,640,%1$s-d1
                %1$s-s2,410,%1$s.bdirector@district.example
                """.formatted(p);

        given().auth().oauth2(ADMIN).multiPart("file", "demographics.csv", demographics.getBytes(), "text/csv")
                .post("/imports/demographics").then().statusCode(200).body("updated", equalTo(2));

        given().auth().oauth2(ADMIN).queryParam("externalId", p + "-s1").get("/schools").then()
                .body("items[0].supervisingLeaderId", equalTo(ann));
        given().auth().oauth2(ADMIN).queryParam("externalId", p + "-s2").get("/schools").then()
                .body("items[0].supervisingLeaderId", equalTo(ben));
        String teacherAsLeader = "externalId,supervisingLeader\n%1$s-s1,%1$s-u2\n%1$s-s2,%1$s-nobody\n".formatted(p);
        given().auth().oauth2(ADMIN).multiPart("file", "demographics.csv", teacherAsLeader.getBytes(), "text/csv")
                .post("/imports/demographics").then().statusCode(422)
                .body("errors.field", contains("demographics.csv row 2", "demographics.csv row 3"),
                        "errors[0].message", containsString("supervisingLeader " + p + "-u2 must be an active central-office leader"),
                        "errors[1].message", containsString("is no staff member's external id or email"));
    }

    @Test
    void shouldKeepEveryGradeOfATeacher() {
        String p = unique("GR");
        String users = users(p).replace(",,,,03,,,,,,,", ",,,,\"02,03\",,,,,,,");
        String teacher = importOneRoster(orgs(p), users, roles(p)).statusCode(200).extract()
                .path("rows.find { it.sourcedId == '" + p + "-u2' }.id");

        given().auth().oauth2(ADMIN).get("/staff/" + teacher).then().statusCode(200)
                .body("grades", contains("2", "3"), "grade", equalTo("2"));
        String event = QuarkusTransaction.requiringNew().call(() -> outbox.find("aggregateId = ?1 ORDER BY seq DESC", teacher).firstResult().payload);
        assertThat(event).contains("\"grade\":\"2\"").contains("\"grades\":[\"2\",\"3\"]");
        String etag = given().auth().oauth2(ADMIN).get("/staff/" + teacher).then().extract().header("ETag");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag)
                .body(DistrictFixtures.staffJson(p + "-u2", "Grace Chen", p + ".gchen@district.example", "TEACHER", null, "3")
                        .replace("\"grade\"", "\"grades\": [\"2\", \"3\"], \"grade\""))
                .put("/staff/" + teacher).then().statusCode(400).body("errors[0].field", equalTo("grade"));
    }

    private static ValidatableResponse importOneRoster(String orgs, String users, String roles) {
        return given().auth().oauth2(ADMIN).multiPart("orgs", "orgs.csv", orgs.getBytes(), "text/csv")
                .multiPart("users", "users.csv", users.getBytes(), "text/csv")
                .multiPart("roles", "roles.csv", roles.getBytes(), "text/csv")
                .post("/imports/oneroster").then();
    }

    private long events() {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count());
    }
}
