package org.studioresidency.pairing;

import io.restassured.response.ValidatableResponse;
import org.studioresidency.local.TestInfrastructure;

import java.util.UUID;

import static io.restassured.RestAssured.given;

/** Creates directory records through the API with unique external ids and emails, so tests never share data. */
public final class DistrictFixtures {

    public static final String ADMIN = TestInfrastructure.token("district-admin");

    private DistrictFixtures() {
    }

    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    public static String schoolJson(String externalId, String name, double ell, Double latitude, Double longitude, String leaderId) {
        return """
                {"externalId": "%s", "name": "%s", "address": "1 Main St", "gradeSpan": "K-5", "enrollment": 500,
                 "latitude": %s, "longitude": %s,
                 "freeReducedLunchPercent": 55, "englishLearnerPercent": %s, "readingProficiencyPercent": 50, "homeLanguages": 10,
                 "raceEthnicity": {"latino": 40, "asian": 24, "black": 16, "white": 20},
                 "supervisingLeaderId": %s}""".formatted(externalId, name, latitude, longitude, ell,
                leaderId == null ? "null" : "\"" + leaderId + "\"");
    }

    public static ValidatableResponse postSchool(String json) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(json).post("/schools").then();
    }

    public static UUID school(String name, double ell, Double latitude, Double longitude, UUID leaderId) {
        return UUID.fromString(postSchool(schoolJson(unique("SIS"), name, ell, latitude, longitude, leaderId == null ? null : leaderId.toString()))
                .statusCode(201).extract().path("id"));
    }

    public static UUID school(String name) {
        return school(name, 30, null, null, null);
    }

    public static String staffJson(String externalId, String name, String email, String role, UUID schoolId, String grade) {
        return """
                {"externalId": "%s", "name": "%s", "email": "%s", "role": "%s", "schoolId": %s, "grade": %s, "active": true}"""
                .formatted(externalId, name, email, role, schoolId == null ? "null" : "\"" + schoolId + "\"",
                        grade == null ? "null" : "\"" + grade + "\"");
    }

    public static ValidatableResponse postStaff(String json) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(json).post("/staff").then();
    }

    public static UUID staff(String name, String role, UUID schoolId) {
        String id = unique("T");
        return UUID.fromString(postStaff(staffJson(id, name, id.toLowerCase() + "@district.example", role, schoolId,
                "TEACHER".equals(role) ? "3" : null)).statusCode(201).extract().path("id"));
    }

    private static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger(
            3000 + new java.util.Random().nextInt(5000));

    /** A school year with a name no other test uses. */
    public static UUID schoolYear() {
        int start = YEARS.incrementAndGet();
        String body = "{\"name\": \"%d-%02d\", \"firstDay\": \"2026-08-31\", \"lastDay\": \"2027-06-11\"}".formatted(start, (start + 1) % 100);
        return UUID.fromString(given().auth().oauth2(ADMIN).contentType("application/json").body(body).post("/school-years")
                .then().statusCode(201).extract().path("id"));
    }

    public static ValidatableResponse designate(UUID year, UUID school, String json) {
        return given().auth().oauth2(ADMIN).contentType("application/json").body(json)
                .put("/school-years/" + year + "/designations/" + school).then();
    }
}
