package org.studioresidency.pairing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.studioresidency.pairing.DistrictFixtures.ADMIN;
import static org.studioresidency.pairing.DistrictFixtures.postSchool;
import static org.studioresidency.pairing.DistrictFixtures.schoolJson;
import static org.studioresidency.pairing.DistrictFixtures.unique;

/** Input the API must refuse with a problem naming the field, changing nothing. */
@QuarkusTest
class BadInputTest {

    private static final String ORGS_HEADER = "sourcedId,status,dateLastModified,name,type,identifier,parentSourcedId\n";

    @Test
    void shouldRefuseAnUnknownFieldNamingIt() {
        String json = schoolJson(unique("SIS"), "Typo Elementary", 30, null, null, null).replace("\"address\"", "\"adress\"");

        postSchool(json).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("adress"))
                .body("errors[0].message", containsString("not a known field"));
    }

    @Test
    void shouldRefuseAKeyGivenTwiceNamingIt() {
        String json = schoolJson(unique("SIS"), "Twice Elementary", 30, null, null, null).replace("{\"externalId\"", "{\"name\": \"Other\", \"externalId\"");

        postSchool(json).statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors[0].message", containsString("more than once"));
    }

    @Test
    void shouldRefuseControlCharactersInASchoolName() {
        String external = unique("SIS");

        postSchool(schoolJson(external, "Garfield\\r\\nBcc: evil@example.org", 30, null, null, null))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"))
                .body("errors[0].message", containsString("control characters"));
        given().auth().oauth2(ADMIN).queryParam("name", "Garfield").get("/schools").then()
                .body("items.externalId", not(hasItem(external)));
    }

    @Test
    void shouldRefuseControlCharactersInAPersonName() {
        String id = unique("T");

        DistrictFixtures.postStaff(DistrictFixtures.staffJson(id, "Maria\\u0085Alvarez", id + "@district.example", "EXTERNAL_CONSULTANT", null, null))
                .statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
    }

    @Test
    void shouldRefuseAnImportedSchoolNameWithALineBreak() {
        String p = unique("CR");
        String orgs = ORGS_HEADER + p + "-s1,active,2026-08-01T00:00:00Z,\"Evil\rSchool\",school,0042,\n";

        given().auth().oauth2(ADMIN).multiPart("orgs", "orgs.csv", orgs.getBytes(StandardCharsets.UTF_8), "text/csv")
                .post("/imports/oneroster").then().statusCode(422).contentType("application/problem+json")
                .body("errors.field", hasItem("orgs.csv row 2"))
                .body("errors[0].message", containsString("control characters"));
    }

    @Test
    void shouldRefuseLatin1BytesNamingRowAndColumnAndStoreNothing() {
        String p = unique("L1");
        String orgs = ORGS_HEADER + p + "-s1,active,2026-08-01T00:00:00Z," + p + " Garc\u00eda Elementary,school,0042,\n";

        given().auth().oauth2(ADMIN).multiPart("orgs", "orgs.csv", orgs.getBytes(StandardCharsets.ISO_8859_1), "text/csv")
                .post("/imports/oneroster").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("orgs.csv"))
                .body("errors[0].message", containsString("row 2, column name is not UTF-8"));
        given().auth().oauth2(ADMIN).queryParam("name", p).get("/schools").then().body("total", equalTo(0));
    }

    @ParameterizedTest
    @ValueSource(strings = {"--xyz\r\nContent-Disposition: form-data; name=\"orgs\"; filename=\"orgs.csv\"\r\n\r\nsourcedId,na",
            "not multipart at all"})
    void shouldRefuseMalformedMultipartNamingTheBody(String body) {
        given().auth().oauth2(ADMIN).contentType("multipart/form-data; boundary=xyz").body(body.getBytes(StandardCharsets.UTF_8))
                .post("/imports/oneroster").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("body"));
    }

    @Test
    void shouldRefuseMultipartWithoutABoundary() {
        given().auth().oauth2(ADMIN).contentType("multipart/form-data").body("x".getBytes(StandardCharsets.UTF_8))
                .post("/imports/demographics").then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void shouldRefuseAZipWithTooManyEntries() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (int i = 0; i <= 64; i++) {
                zip.putNextEntry(new ZipEntry("export/file" + i + ".csv"));
                zip.write("a,b\n".getBytes(StandardCharsets.UTF_8));
            }
        }

        given().auth().oauth2(ADMIN).multiPart("bundle", "oneroster.zip", bytes.toByteArray(), "application/zip")
                .post("/imports/oneroster").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("bundle"))
                .body("errors[0].message", containsString("more than 64 files"));
    }

    @Test
    void shouldRefuseAZipThatExpandsBeyondTheTotalCapWhileEachEntryIsUnderItsOwn() throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        byte[] megabyte = new byte[1024 * 1024];
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (String name : new String[]{"academicSessions.csv", "classes.csv", "enrollments.csv"}) {
                zip.putNextEntry(new ZipEntry(name));
                for (int mb = 0; mb < 40; mb++) {
                    zip.write(megabyte);
                }
            }
        }

        given().auth().oauth2(ADMIN).multiPart("bundle", "oneroster.zip", bytes.toByteArray(), "application/zip")
                .post("/imports/oneroster").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("bundle"))
                .body("errors[0].message", containsString("expands to more than"));
    }

    @Test
    void shouldAnswerAnOversizedBodyWithAProblem() {
        byte[] body = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');

        given().auth().oauth2(ADMIN).contentType("application/json").body(body).post("/schools")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void shouldAnswerAnUnsupportedMediaTypeWithAProblem() {
        given().auth().oauth2(ADMIN).contentType("text/plain").body("hello").post("/schools")
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void shouldAnswerAMethodNotAllowedWithAProblem() {
        given().auth().oauth2(ADMIN).delete("/schools")
                .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void shouldAnswerANotAcceptableWithAProblem() {
        given().auth().oauth2(ADMIN).accept("text/csv").get("/schools")
                .then().statusCode(406).contentType("application/problem+json").body("status", equalTo(406));
    }
}
