package org.studioresidency.session;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
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
    void shouldRefuseAnUnknownFieldNamingIt() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"Dr. Helen Ward\",\"maxSessionsPerWeek\":2,\"contractedDays\":[],\"unavailableDates\":[],\"maxSesionsPerDay\":1}")
                .put("/consultants/" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("maxSesionsPerDay"))
                .body("errors[0].message", containsString("not a known field"));
    }

    @Test
    void shouldRefuseAKeyGivenTwiceNamingIt() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"Dr. Helen Ward\",\"maxSessionsPerWeek\":2,\"contractedDays\":[],\"unavailableDates\":[],\"maxSessionsPerWeek\":9}")
                .put("/consultants/" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("maxSessionsPerWeek"))
                .body("errors[0].message", containsString("more than once"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"[null]", "[\"\"]", "[\"2026-10-06\", null]"})
    void shouldRefuseAMissingDateInConsultantTermsNamingTheField(String dates) {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"Dr. Helen Ward\",\"maxSessionsPerWeek\":2,\"contractedDays\":" + dates + ",\"unavailableDates\":[]}")
                .put("/consultants/" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("contractedDays"));
    }

    @Test
    void shouldRefuseAConsultantNameWithALineBreak() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"name\":\"Dr. Helen\\rWard\",\"maxSessionsPerWeek\":2,\"contractedDays\":[],\"unavailableDates\":[]}")
                .put("/consultants/" + UUID.randomUUID())
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("name"));
    }

    @Test
    void shouldRefuseANullNextStepNamingItEvenForAnUnknownSession() {
        given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"focus\":\"READ_ALOUD\",\"nextSteps\":[null]}")
                .post("/sessions/" + UUID.randomUUID() + "/summary")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem("nextSteps[0]"));
    }

    @Test
    void shouldAnswerAnOversizedWebhookWithAProblem() {
        long limit = org.eclipse.microprofile.config.ConfigProvider.getConfig()
                .getValue("quarkus.http.limits.max-body-size", io.quarkus.runtime.configuration.MemorySize.class).asLongValue();
        byte[] body = new byte[(int) limit + 1024 * 1024];
        java.util.Arrays.fill(body, (byte) ' ');

        given().contentType(ContentType.JSON).body(body).post("/hr/callbacks")
                .then().statusCode(413).contentType("application/problem+json").body("status", equalTo(413));
    }

    @Test
    void shouldAnswerAnUnsupportedMediaTypeWithAProblem() {
        given().auth().oauth2(ADMIN).contentType("text/plain").body("hello").put("/consultants/" + UUID.randomUUID())
                .then().statusCode(415).contentType("application/problem+json").body("status", equalTo(415));
    }

    @Test
    void shouldAnswerAMethodNotAllowedWithAProblem() {
        given().auth().oauth2(ADMIN).delete("/consultants")
                .then().statusCode(405).contentType("application/problem+json").body("status", equalTo(405));
    }

    @Test
    void shouldAnswerANotAcceptableWithAProblem() {
        given().auth().oauth2(ADMIN).accept("text/csv").get("/consultants")
                .then().statusCode(406).contentType("application/problem+json").body("status", equalTo(406));
    }
}
