package org.studioresidency.notification;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;

import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
class DeliveryResourceTest {

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Test
    void shouldListDeliveriesForTheDistrictOffice() {
        given().auth().oauth2(ADMIN).get("/deliveries").then().statusCode(200);
    }

    @Test
    void shouldRejectALimitAboveFiveHundred() {
        given().auth().oauth2(ADMIN).get("/deliveries?limit=5000")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("limit"));
    }

    @Test
    void shouldNameTheFieldOfAnUnknownStatusFilter() {
        given().auth().oauth2(ADMIN).get("/deliveries?status=LOST")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("status"));
        given().auth().oauth2(ADMIN).get("/deliveries?recipient=not-an-address")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("recipient"));
    }

    @Test
    void shouldShowAPrincipalOnlyTheirOwnDeliveriesAndLetTheDistrictOfficeResendOne() {
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);
        district.publishSession(district.sessionEvent("district.session.summarised.v1", LocalDate.now().minusDays(3), 0));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(SessionSummaryMailTest.summaries(district.studioPrincipal)).hasSize(1));
        String studioToken = TestInfrastructure.principalToken(district.studioSchool.toString());
        String residencyToken = TestInfrastructure.principalToken(district.residencySchool.toString());

        String id = given().auth().oauth2(studioToken).get("/deliveries")
                .then().statusCode(200)
                .body("recipientEmail", everyItem(equalTo(district.studioPrincipal)))
                .body("template", hasItem("session-summary"))
                .extract().path("[0].id");
        given().auth().oauth2(studioToken).get("/deliveries/" + id)
                .then().statusCode(200)
                .body("delivery.status", equalTo("SENT"))
                .body("textBody", containsString("Dear Maria Alvarez"));
        given().auth().oauth2(residencyToken).get("/deliveries/" + id)
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(studioToken).post("/deliveries/" + id + "/resend").then().statusCode(403);

        given().auth().oauth2(ADMIN).post("/deliveries/" + id + "/resend")
                .then().statusCode(202).body("status", equalTo("PENDING"));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(SessionSummaryMailTest.summaries(district.studioPrincipal)).hasSize(2));
        assertThat(SessionSummaryMailTest.summaries(district.residencyPrincipal)).hasSize(1);
        given().auth().oauth2(ADMIN).post("/deliveries/" + UUID.randomUUID() + "/resend")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void shouldPreviewAnyTemplateForAPrincipalAsHtmlForTheDistrictOfficeOnly() {
        DistrictFixture district = new DistrictFixture().withSchools();
        SessionSummaryMailTest.awaitSchoolsKnown(district);

        for (String template : new String[]{"session-summary", "planning-reminder", "schedule-change", "coverage-alert", "weekly-digest",
                "conflict-alert", "conflict-resolved"}) {
            given().auth().oauth2(ADMIN).queryParam("schoolId", district.residencySchool).get("/previews/" + template)
                    .then().statusCode(200).contentType(containsString("text/html"))
                    .body(containsString("Dear Tom Okafor"), containsString("Springfield Public Schools"));
        }
        given().auth().oauth2(ADMIN).queryParam("schoolId", district.residencySchool).get("/previews/birthday-card")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("template"));
        given().auth().oauth2(ADMIN).get("/previews/weekly-digest")
                .then().statusCode(400).contentType("application/problem+json").body("errors[0].field", equalTo("schoolId"));
        given().auth().oauth2(ADMIN).queryParam("schoolId", UUID.randomUUID()).get("/previews/weekly-digest")
                .then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(TestInfrastructure.principalToken(district.residencySchool.toString()))
                .queryParam("schoolId", district.residencySchool).get("/previews/weekly-digest")
                .then().statusCode(403);
    }

    @Test
    void shouldLetAPrincipalSetTheirOwnPreferences() {
        String school = UUID.randomUUID().toString();
        String token = TestInfrastructure.principalToken(school);
        given().auth().oauth2(token).get("/preferences/me")
                .then().statusCode(200).body("summariesInDigest", equalTo(false)).body("digestEnabled", equalTo(true));
        given().auth().oauth2(token).contentType("application/json").body("{\"summariesInDigest\": true, \"digestEnabled\": true}")
                .put("/preferences/me").then().statusCode(200).body("schoolId", equalTo(school)).body("summariesInDigest", equalTo(true));
        given().auth().oauth2(token).get("/preferences/me").then().statusCode(200).body("summariesInDigest", equalTo(true));
        given().auth().oauth2(token).contentType("application/json").body("{\"summariesInDigest\": true}")
                .put("/preferences/me").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("digestEnabled"));
        given().auth().oauth2(token).contentType("application/json").body("{\"summariesInDigest\": \"often\", \"digestEnabled\": true}")
                .put("/preferences/me").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("summariesInDigest"));
        given().auth().oauth2(ADMIN).get("/preferences/me").then().statusCode(403);
    }
}
