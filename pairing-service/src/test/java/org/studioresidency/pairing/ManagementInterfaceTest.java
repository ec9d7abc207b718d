package org.studioresidency.pairing;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/** As in production: health (with its detail) and metrics on the management interface only, not on the API port. */
@QuarkusTest
@TestProfile(ManagementInterfaceTest.AsInProduction.class)
class ManagementInterfaceTest {

    public static class AsInProduction implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.management.enabled", "true", "quarkus.management.test-port", "0");
        }
    }

    @TestHTTPResource(value = "/", management = true)
    URL management;

    @Test
    void shouldServeHealthAndMetricsOnTheManagementInterface() {
        String base = management.getProtocol() + "://" + management.getHost() + ":" + management.getPort();
        given().get(base + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP")).body(containsString("Kafka"));
        given().get(base + "/q/metrics").then().statusCode(200).body(containsString("jvm_memory_used_bytes"));
    }

    @Test
    void shouldNotServeHealthOrMetricsOnTheApiPort() {
        given().get("/q/health/ready").then().statusCode(404);
        given().get("/q/metrics").then().statusCode(404);
    }
}
