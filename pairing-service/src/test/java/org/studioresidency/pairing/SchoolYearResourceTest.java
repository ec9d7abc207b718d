package org.studioresidency.pairing;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class SchoolYearResourceTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Test
    void shouldCreateASchoolYearAndListIt() {
        String location = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"name\": \"2026-27\", \"firstDay\": \"2026-08-31\", \"lastDay\": \"2027-06-11\"}")
                .post("/school-years")
                .then().statusCode(201)
                .body("name", equalTo("2026-27"))
                .extract().header("Location");
        given().auth().oauth2(ADMIN).get(location).then().statusCode(200).body("firstDay", equalTo("2026-08-31"));
        given().auth().oauth2(TestInfrastructure.token("viewer")).get("/school-years")
                .then().statusCode(200).body("name", hasItem("2026-27"));
    }

    @Test
    void shouldRejectASchoolYearThatEndsBeforeItStarts() {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"name\": \"2027-28\", \"firstDay\": \"2028-06-01\", \"lastDay\": \"2027-08-30\"}")
                .post("/school-years")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("lastDay"));
    }

    @Test
    void shouldRejectASchoolYearNamedOutOfPattern() {
        given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"name\": \"next year\", \"firstDay\": \"2028-08-30\", \"lastDay\": \"2029-06-01\"}")
                .post("/school-years")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].message", containsString("2026-27"));
    }

    @Test
    void shouldRejectASecondSchoolYearOfTheSameName() {
        String body = "{\"name\": \"2029-30\", \"firstDay\": \"2029-08-30\", \"lastDay\": \"2030-06-01\"}";
        given().auth().oauth2(ADMIN).contentType("application/json").body(body).post("/school-years").then().statusCode(201);
        given().auth().oauth2(ADMIN).contentType("application/json").body(body).post("/school-years")
                .then().statusCode(409).contentType("application/problem+json");
    }

    @Test
    void shouldMoveASchoolYearsLastDayOnlyFromTheVersionLastRead() {
        String location = given().auth().oauth2(ADMIN).contentType("application/json")
                .body("{\"name\": \"2034-35\", \"firstDay\": \"2034-08-28\", \"lastDay\": \"2035-06-08\"}")
                .post("/school-years").then().statusCode(201).extract().header("Location");
        String etag = given().auth().oauth2(ADMIN).get(location).then().statusCode(200).extract().header("ETag");
        String moved = "{\"name\": \"2034-35\", \"firstDay\": \"2034-08-28\", \"lastDay\": \"2035-06-13\"}";

        given().auth().oauth2(ADMIN).contentType("application/json").body(moved).put(location)
                .then().statusCode(428).contentType("application/problem+json");
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag).body(moved).put(location)
                .then().statusCode(200).body("lastDay", equalTo("2035-06-13"));
        given().auth().oauth2(ADMIN).contentType("application/json").header("If-Match", etag).body(moved).put(location)
                .then().statusCode(412).contentType("application/problem+json");
        given().auth().oauth2(TestInfrastructure.token("viewer")).contentType("application/json").header("If-Match", etag)
                .body(moved).put(location).then().statusCode(403);
        given().auth().oauth2(ADMIN).get(location).then().body("lastDay", equalTo("2035-06-13"));
    }
}
