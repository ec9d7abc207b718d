package org.studioresidency.notification;

import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.notification.security.VerifiedTokens;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class AuthorizationTest {

    @Inject
    JWTParser tokenCheck;

    @Test
    void shouldCheckBearerTokensThroughTheVerifiedTokenCache() {
        // Each request's token goes through this parser (the security layer injects it); a token verified once is reused.
        assertThat(tokenCheck).isInstanceOf(VerifiedTokens.class);
        String token = TestInfrastructure.token("viewer");
        given().auth().oauth2(token).get("/school-years").then().statusCode(200);
        given().auth().oauth2(token).get("/school-years").then().statusCode(200);
    }

    private static final String PROBE = "{\"halfDay\": \"AM\", \"people\": 12}";

    @Test
    void shouldRejectRequestsWithoutAToken() {
        given().get("/school-years")
                .then().statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("status", equalTo(401));
    }

    @Test
    void shouldRejectATokenSignedByAnotherKey() {
        String forged = org.studioresidency.local.DevIdentity.in(newTempDir()).token("mallory", "district-admin", null);
        given().auth().oauth2(forged).get("/school-years")
                .then().statusCode(401)
                .contentType("application/problem+json");
    }

    @Test
    void shouldForbidViewersToWrite() {
        given().auth().oauth2(TestInfrastructure.token("viewer")).contentType("application/json").body(PROBE)
                .post("/test-probe")
                .then().statusCode(403)
                .contentType("application/problem+json")
                .body("status", equalTo(403));
    }

    @Test
    void shouldForbidTheHrSystemToReadTheDirectory() {
        given().auth().oauth2(TestInfrastructure.token("hr-system")).get("/school-years")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void shouldLetViewersRead() {
        given().auth().oauth2(TestInfrastructure.token("viewer")).get("/school-years").then().statusCode(200);
    }

    @Test
    void shouldKeepHealthMetricsAndOpenApiPublic() {
        given().get("/q/health/ready").then().statusCode(200);
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/openapi").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
    }

    private static java.nio.file.Path newTempDir() {
        try {
            return java.nio.file.Files.createTempDirectory("other-idp");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
