package org.studioresidency.session;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** What an unauthenticated caller can reach and what it can make the service record. */
@QuarkusTest
class PublicSurfaceTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Test
    void shouldAnswerAnUnauthenticatedCallerWith401BeforeTellingItTheMethodIsNotAllowed() {
        given().delete("/consultants/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer").body("status", equalTo(401));
        given().get("/no-such-thing").then().statusCode(401).contentType("application/problem+json");
        given().auth().oauth2("not-a-token").delete("/consultants/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
        given().header("Authorization", "Basic ZGlzdHJpY3Q6YWRtaW4=").delete("/consultants/" + UUID.randomUUID())
                .then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldKeepHealthMetricsAndTheWebhookReachableWithoutAToken() {
        given().get("/q/health/live").then().statusCode(200);
        given().get("/q/metrics").then().statusCode(200);
        given().contentType("application/json").body("{}").post("/hr/callbacks").then().statusCode(401).contentType("application/problem+json");
    }

    @Test
    void shouldRecordRouteTemplatesNeverRawPathsInMetrics() {
        String unmatched = UUID.randomUUID().toString();
        String unknown = UUID.randomUUID().toString();
        given().auth().oauth2(ADMIN).delete("/consultants/" + unmatched).then().statusCode(405);
        given().delete("/consultants/" + unmatched).then().statusCode(401);
        given().auth().oauth2(ADMIN).get("/no-such-thing/" + unknown).then().statusCode(404);
        given().auth().oauth2(ADMIN).get("/sessions/" + unknown + "/record").then().statusCode(404);

        String metrics = given().get("/q/metrics").then().statusCode(200).extract().asString();

        assertThat(metrics).doesNotContain(unmatched).doesNotContain(unknown).contains("uri=\"/sessions/{id}/record\"");
    }
}
