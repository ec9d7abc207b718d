package org.studioresidency.pairing;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.studioresidency.pairing.DistrictFixtures.ADMIN;

@QuarkusTest
class DesignationBulkTest {

    private static ValidatableResponse putAll(UUID year, String json) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(json).put("/school-years/" + year + "/designations").then();
    }

    private static ValidatableResponse importCsv(UUID year, String csv) {
        return given().auth().oauth2(ADMIN).multiPart("file", "designations.csv", csv.getBytes(), "text/csv")
                .post("/school-years/" + year + "/designations/import").then();
    }

    private static String read(String path, String field) {
        return given().auth().oauth2(ADMIN).get(path).then().statusCode(200).extract().path(field);
    }

    @Test
    void shouldSetTheDesignationsOfManySchoolsInOneCallAllOrNothingWithARowLevelReport() {
        UUID year = DistrictFixtures.schoolYear();
        UUID studio = DistrictFixtures.school("Bulk Studio");
        UUID teacher = DistrictFixtures.staff("Bulk Focus Teacher", "TEACHER", studio);
        UUID coach = DistrictFixtures.staff("Bulk Coach", "LITERACY_COACH_PRIMARY", studio);
        UUID plain = DistrictFixtures.school("Bulk Plain");
        UUID residency = DistrictFixtures.school("Bulk Residency");
        UUID traveller = DistrictFixtures.staff("Bulk Residency Teacher", "TEACHER", residency);
        String body = """
                [{"schoolId": "%s", "readiness": 4, "studio": true, "focusTeacherId": "%s", "literacyCoachId": "%s", "capacity": 2},
                 {"schoolId": "%s", "readiness": 2, "studio": false},
                 {"schoolId": "%s", "readiness": 3, "studio": false, "residencyTeacherIds": ["%s"]}]"""
                .formatted(studio, teacher, coach, plain, residency, traveller);

        putAll(year, body).statusCode(200).body("created", equalTo(3), "rows.id", contains(studio.toString(), plain.toString(), residency.toString()));
        given().auth().oauth2(ADMIN).get("/school-years/" + year + "/designations").then()
                .body("", hasSize(3), "find { it.schoolId == '" + residency + "' }.residencyTeacherIds", contains(traveller.toString()),
                        "find { it.schoolId == '" + studio + "' }.capacity", equalTo(2));
        putAll(year, body).statusCode(200).body("unchanged", equalTo(3), "created", equalTo(0));

        String stale = body.replace("\"readiness\": 2", "\"readiness\": 1").replace("\"focusTeacherId\": \"" + teacher, "\"focusTeacherId\": \"" + traveller);
        putAll(year, stale).statusCode(422).contentType("application/problem+json")
                .body("errors.field", contains("[0]", "[1]"),
                        "errors[0].message", containsString("focusTeacherId must be a teacher working at this school"),
                        "errors[1].message", containsString("version is required"));
        String version = given().auth().oauth2(ADMIN).get("/school-years/" + year + "/designations/" + plain).then()
                .body("readiness", equalTo(2)).extract().header("ETag").replace("\"", "");
        String changed = body.replace("\"readiness\": 2, \"studio\": false", "\"readiness\": 1, \"studio\": false, \"version\": " + version);
        putAll(year, changed).statusCode(200).body("updated", equalTo(1), "unchanged", equalTo(2));
        putAll(year, changed.replace("\"readiness\": 1,", "\"readiness\": 2,")).statusCode(422)
                .body("errors[0].field", equalTo("[1]"), "errors[0].message", containsString("is stale"));
    }

    @Test
    void shouldImportDesignationsFromACsvNamingSchoolsByExternalIdAndPeopleByExternalIdOrEmail() {
        UUID year = DistrictFixtures.schoolYear();
        UUID studio = DistrictFixtures.school("Csv Studio");
        UUID teacher = DistrictFixtures.staff("Csv Focus Teacher", "TEACHER", studio);
        UUID coach = DistrictFixtures.staff("Csv Coach", "LITERACY_COACH_INTERMEDIATE", studio);
        UUID second = DistrictFixtures.staff("Csv Second Teacher", "TEACHER", studio);
        UUID third = DistrictFixtures.staff("Csv Third Teacher", "TEACHER", studio);
        UUID residency = DistrictFixtures.school("Csv Residency");
        String csv = """
                externalId,readiness,readinessNote,studio,focusTeacher,literacyCoach,capacity,residencyTeachers
                %s,4,"Strong, steady coaching",true,%s,%s,2,%s; %s
                %s,2,,false,,,,
                """.formatted(read("/schools/" + studio, "externalId"), read("/staff/" + teacher, "externalId"), read("/staff/" + coach, "email"),
                read("/staff/" + second, "externalId"), read("/staff/" + third, "email"), read("/schools/" + residency, "externalId"));

        importCsv(year, csv).statusCode(200).body("created", equalTo(2), "rows.id", contains(studio.toString(), residency.toString()));
        given().auth().oauth2(ADMIN).get("/school-years/" + year + "/designations/" + studio).then()
                .body("focusTeacherId", equalTo(teacher.toString()), "literacyCoachId", equalTo(coach.toString()),
                        "readinessNote", equalTo("Strong, steady coaching"),
                        "residencyTeacherIds", containsInAnyOrder(second.toString(), third.toString()));

        String bad = "externalId,readiness,studio\nNO-SUCH-SCHOOL,3,false\n%s,high,false\n%s,3,maybe\n"
                .formatted(read("/schools/" + residency, "externalId"), read("/schools/" + studio, "externalId"));
        importCsv(year, bad).statusCode(422)
                .body("errors.field", contains("designations.csv row 2", "designations.csv row 3", "designations.csv row 4"),
                        "errors[0].message", containsString("externalId names no school"),
                        "errors[1].message", containsString("readiness must be a whole number"),
                        "errors[2].message", containsString("studio must be true or false"));
        given().auth().oauth2(ADMIN).get("/school-years/" + year + "/designations/" + residency).then().body("readiness", equalTo(2));
    }
}
