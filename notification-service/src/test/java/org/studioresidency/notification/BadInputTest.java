package org.studioresidency.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** Input the API must refuse with a problem naming the field, changing nothing. */
@QuarkusTest
class BadInputTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Test
    void shouldRefuseAnUnknownFieldNamingItAndKeepThePreferences() {
        String token = TestInfrastructure.principalToken(UUID.randomUUID().toString());

        given().auth().oauth2(token).contentType("application/json").body("{\"summariesInDigest\": true, \"digestEnabled\": true, \"digestEnabeld\": false}")
                .put("/preferences/me").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("digestEnabeld"))
                .body("errors[0].message", containsString("not a known field"));
        given().auth().oauth2(token).get("/preferences/me").then().statusCode(200).body("summariesInDigest", equalTo(false));
    }

    @Test
    void shouldRefuseAKeyGivenTwiceNamingIt() {
        String token = TestInfrastructure.principalToken(UUID.randomUUID().toString());

        given().auth().oauth2(token).contentType("application/json").body("{\"summariesInDigest\": true, \"digestEnabled\": true, \"summariesInDigest\": false}")
                .put("/preferences/me").then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("summariesInDigest"))
                .body("errors[0].message", containsString("more than once"));
    }

    @Test
    void shouldAnswerAnOversizedBodyWithAProblem() {
        byte[] body = new byte[11 * 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');

        given().auth().oauth2(TestInfrastructure.principalToken(UUID.randomUUID().toString())).contentType("application/json").body(body)
                .put("/preferences/me").then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void shouldAnswerAnUnsupportedMediaTypeWithAProblem() {
        given().auth().oauth2(TestInfrastructure.principalToken(UUID.randomUUID().toString())).contentType("text/plain").body("x")
                .put("/preferences/me").then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void shouldAnswerAMethodNotAllowedWithAProblem() {
        given().auth().oauth2(ADMIN).delete("/deliveries")
                .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void shouldAnswerANotAcceptableWithAProblem() {
        given().auth().oauth2(ADMIN).accept("text/csv").get("/deliveries")
                .then().statusCode(406).contentType("application/problem+json").body("status", equalTo(406));
    }
}
