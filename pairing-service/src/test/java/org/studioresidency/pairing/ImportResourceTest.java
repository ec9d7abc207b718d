package org.studioresidency.pairing;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.pairing.repository.OutboxRepository;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
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

    private long events() {
        return QuarkusTransaction.requiringNew().call(() -> outbox.count());
    }
}
