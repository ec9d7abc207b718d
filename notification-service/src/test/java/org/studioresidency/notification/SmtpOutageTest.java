package org.studioresidency.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;

import java.time.Duration;
import java.time.LocalDate;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class SmtpOutageTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Test
    void shouldDeliverEachEmailExactlyOnceAfterAnSmtpOutage() {
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);

        Mailbox.stopSmtp();
        try {
            district.publishSession(district.sessionEvent("district.session.summarised.v1", LocalDate.now().minusDays(2), 0));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().auth().oauth2(ADMIN).queryParam("recipient", district.studioPrincipal).get("/deliveries")
                            .then().statusCode(200)
                            .body("size()", equalTo(1))
                            .body("[0].status", equalTo("PENDING"))
                            .body("[0].attempts", greaterThanOrEqualTo(2))
                            .body("[0].lastError", notNullValue()));
        } finally {
            Mailbox.startSmtp();
        }

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(SessionSummaryMailTest.summaries(district.studioPrincipal)).hasSize(1);
            assertThat(SessionSummaryMailTest.summaries(district.residencyPrincipal)).hasSize(1);
            assertThat(SessionSummaryMailTest.summaries(district.leader)).hasSize(1);
        });
        // Later sender rounds must not send any of them again.
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(6)).untilAsserted(() -> {
            assertThat(SessionSummaryMailTest.summaries(district.studioPrincipal)).hasSize(1);
            assertThat(SessionSummaryMailTest.summaries(district.residencyPrincipal)).hasSize(1);
            assertThat(SessionSummaryMailTest.summaries(district.leader)).hasSize(1);
        });
        given().auth().oauth2(ADMIN).queryParam("recipient", district.leader).get("/deliveries")
                .then().statusCode(200).body("status", everyItem(equalTo("SENT"))).body("[0].lastError", equalTo(null));
    }
}
