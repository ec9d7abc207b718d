package org.studioresidency.e2e;

import org.junit.jupiter.api.Test;
import org.studioresidency.local.LocalStack;

import java.time.Duration;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** A write in pairing-service reaches the other services' consumers through the real broker. */
class EventBackboneIT {

    @Test
    void shouldReportEveryServiceReady() {
        LocalStack stack = RunningSystem.get();
        for (String service : LocalStack.SERVICES) {
            given().get(stack.managementUrl(service) + "/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
        }
    }

    @Test
    void shouldCarryASchoolYearFromPairingServiceToSessionAndNotificationServices() {
        LocalStack stack = RunningSystem.get();
        String admin = stack.identity().token("e2e-admin", "district-admin", null);
        String id = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\": \"2026-27\", \"firstDay\": \"2026-08-31\", \"lastDay\": \"2027-06-11\"}")
                .post(stack.serviceUrl("pairing-service") + "/school-years")
                .then().statusCode(201).extract().path("id");

        for (String consumer : new String[]{"session-service", "notification-service"}) {
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                    given().auth().oauth2(admin).get(stack.serviceUrl(consumer) + "/school-years/" + id)
                            .then().statusCode(200).body("name", equalTo("2026-27")));
        }
    }
}
