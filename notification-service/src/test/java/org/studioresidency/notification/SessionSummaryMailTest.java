package org.studioresidency.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@QuarkusTest
class SessionSummaryMailTest {

    static final String ADMIN = TestInfrastructure.token("district-admin");

    @Test
    void shouldEmailTheSummaryToBothPrincipalsAndTheCentralOfficeLeader() {
        DistrictFixture district = new DistrictFixture().withSchools();
        awaitSchoolsKnown(district);

        district.publishSession(district.sessionEvent("district.session.summarised.v1", LocalDate.now().minusDays(1), 0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(summaries(district.studioPrincipal)).hasSize(1);
            assertThat(summaries(district.residencyPrincipal)).hasSize(1);
            assertThat(summaries(district.leader)).hasSize(1);
        });
        JsonNode mail = summaries(district.residencyPrincipal).get(0);
        assertThat(mail.get("to").toString()).contains(district.residencyPrincipal);
        assertThat(mail.get("subject").asText())
                .startsWith("Session 2 summary: " + district.studioName + " and " + district.residencyName);
        String text = Mailbox.part(mail, "text/plain").get("content").asText();
        assertThat(text).contains("Dear Tom Okafor", "Focus: Shared reading",
                "How do we move emergent readers from choral reading to independent decoding",
                "Try the shared-reading routine with small groups", "Priya Shah", "Absent: Ben Carter", "Next visit:");
        String html = Mailbox.part(mail, "text/html").get("content").asText();
        assertThat(html).contains("Springfield Public Schools", "<strong>Session 2 on", "style=\"",
                "Try the shared-reading routine with small groups").doesNotContain("<script");
    }

    @Test
    void shouldNotSendAnythingTwiceWhenKafkaRedeliversTheEvent() {
        DistrictFixture district = new DistrictFixture().withSchools();
        awaitSchoolsKnown(district);
        ObjectNode summarised = district.sessionEvent("district.session.summarised.v1", LocalDate.now().minusDays(1), 0);

        district.publishSession(summarised);
        district.publishSession(summarised);
        district.publishSession(summarised);
        DistrictFixture marker = new DistrictFixture().withSchools();
        awaitSchoolsKnown(marker);
        marker.publishSession(marker.sessionEvent("district.session.summarised.v1", LocalDate.now().minusDays(1), 0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(summaries(marker.leader)).hasSize(1));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(summaries(district.studioPrincipal)).hasSize(1));
        assertThat(summaries(district.residencyPrincipal)).hasSize(1);
        assertThat(summaries(district.leader)).hasSize(1);
        given().auth().oauth2(ADMIN).queryParam("recipient", district.studioPrincipal).get("/deliveries")
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void shouldWriteToThePrincipalsNewAddressAfterTheDirectoryChangesIt() {
        DistrictFixture district = new DistrictFixture().withSchools();
        awaitSchoolsKnown(district);
        String newAddress = "maria.alvarez-" + district.tag + "@test.district.example";
        ObjectNode staffUpdated = DistrictFixture.example(DistrictFixture.PAIRING_EXAMPLES, "district.directory.staff.updated.v1");
        ((ObjectNode) staffUpdated.get("data")).put("staffId", district.studioPrincipalStaffId.toString())
                .put("schoolId", district.studioSchool.toString()).put("email", newAddress);
        DistrictFixture.publish("district.directory", district.studioPrincipalStaffId.toString(), DistrictFixture.withNewId(staffUpdated));
        String marker = java.util.UUID.randomUUID().toString();
        ObjectNode year = DistrictFixture.example(DistrictFixture.PAIRING_EXAMPLES, "district.directory.school-year.created.v1");
        ((ObjectNode) year.get("data")).put("schoolYearId", marker);
        DistrictFixture.publish("district.directory", marker, DistrictFixture.withNewId(year));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get("/school-years/" + marker).then().statusCode(200));

        district.publishSession(district.sessionEvent("district.session.summarised.v1", LocalDate.now().minusDays(1), 0));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(summaries(newAddress)).hasSize(1));
        assertThat(summaries(district.studioPrincipal)).isEmpty();
    }

    static List<JsonNode> summaries(String address) {
        return Mailbox.to(address).stream().filter(m -> m.get("subject").asText().contains(" summary: ")).toList();
    }

    /** Principals' addresses come from the directory; wait until it has been applied. */
    static void awaitSchoolsKnown(DistrictFixture district) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            given().auth().oauth2(ADMIN).queryParam("schoolId", district.studioSchool).get("/previews/weekly-digest")
                    .then().statusCode(200);
            given().auth().oauth2(ADMIN).queryParam("schoolId", district.residencySchool).get("/previews/weekly-digest")
                    .then().statusCode(200);
        });
    }
}
