package org.studioresidency.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;

import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DeliveryResourceTest {

    @Test
    void shouldListDeliveriesForTheDistrictOffice() {
        given().auth().oauth2(TestInfrastructure.token("district-admin")).get("/deliveries").then().statusCode(200);
    }

    @Test
    void shouldLetAPrincipalListTheirSchoolsDeliveries() {
        given().auth().oauth2(TestInfrastructure.principalToken(UUID.randomUUID().toString())).get("/deliveries")
                .then().statusCode(200);
    }

    @Test
    void shouldRejectALimitAboveFiveHundred() {
        given().auth().oauth2(TestInfrastructure.token("district-admin")).get("/deliveries?limit=5000")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
    }
}
