package org.studioresidency.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class ProblemDetailsTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Test
    void shouldNameTheFieldOfMalformedJson() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"halfDay\": \"AM\", ")
                .post("/test-probe")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("title", notNullValue())
                .body("type", startsWith("https://"))
                .body("instance", equalTo("/test-probe"))
                .body("detail", containsString("not well-formed JSON"));
    }

    @Test
    void shouldNameTheFieldOfAnUnknownEnumValue() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"halfDay\": \"EVENING\", \"people\": 3}")
                .post("/test-probe")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("halfDay"))
                .body("errors[0].message", containsString("AM, PM"));
    }

    @Test
    void shouldNameTheFieldOfAWrongType() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"halfDay\": \"AM\", \"people\": \"many\"}")
                .post("/test-probe")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("people"));
    }

    @Test
    void shouldListEachInvalidFieldWithItsReason() {
        given().auth().oauth2(ADMIN).contentType("application/json").body("{\"halfDay\": \"AM\", \"people\": 40}")
                .post("/test-probe")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("people"))
                .body("errors[0].message", containsString("15"));
    }

    @Test
    void shouldHideInternalsOfUnexpectedErrorsBehindACorrelationId() {
        given().auth().oauth2(ADMIN).get("/test-probe/boom")
                .then().statusCode(500)
                .contentType("application/problem+json")
                .body("correlationId", notNullValue())
                .body("detail", not(containsString("postgres")))
                .body(not(containsString("IllegalStateException")))
                .body(not(containsString("at org.")));
    }

    @Test
    void shouldAnswerUnknownPathsWithProblemDetails() {
        given().auth().oauth2(ADMIN).get("/no-such-thing")
                .then().statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
    }
}
