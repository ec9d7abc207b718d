package org.studioresidency.e2e;

import org.junit.jupiter.api.Test;
import org.studioresidency.local.LocalStack;
import org.studioresidency.local.TopicWriter;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * The substitute coverage loop in the running local stack: a session published in session-service becomes absence
 * jobs in the HR sandbox, which fills them and calls back, and the requests end FILLED.
 */
class CoverageLoopIT {

    @Test
    void shouldHaveTheSandboxFillTheSubstituteRequestsOfAPublishedSession() {
        LocalStack stack = RunningSystem.get();
        stack.hr().fillRate(1.0, 1_000);
        String admin = stack.identity().token("e2e-admin", "district-admin", null);
        String session = stack.serviceUrl("session-service");

        io.restassured.response.Response created = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"name\": \"2026-27\", \"firstDay\": \"2026-08-31\", \"lastDay\": \"2027-06-11\"}")
                .post(stack.serviceUrl("pairing-service") + "/school-years");
        // Another end-to-end test may have created the year already in this running stack.
        String yearId = created.statusCode() == 201 ? created.path("id")
                : given().auth().oauth2(admin).get(stack.serviceUrl("pairing-service") + "/school-years").then().statusCode(200)
                        .extract().path("find { it.name == '2026-27' }.id");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(admin).get(session + "/school-years/" + yearId).then().statusCode(200));

        // The pairing as pairing-service announces a confirmed one (its confirmation needs a full matching run).
        String pairingId = UUID.randomUUID().toString();
        String studio = UUID.randomUUID().toString();
        String residency = UUID.randomUUID().toString();
        String event = """
                {"specversion":"1.0","id":"%s","source":"/district/pairing-service","type":"district.pairing.confirmed.v1",
                 "subject":"pairings/%s","time":"2026-11-22T08:15:00Z","datacontenttype":"application/json",
                 "data":{"pairingId":"%s","schoolYearId":"%s","teamVersion":1,
                   "studioSchool":{"schoolId":"%s","name":"Garfield Elementary"},
                   "residencySchools":[{"schoolId":"%s","name":"Lincoln Elementary"}],
                   "team":[
                     {"staffId":"%s","name":"Maria Alvarez","email":"malvarez@district.example","role":"PRINCIPAL","schoolId":"%s","teamRole":"PRINCIPAL"},
                     {"staffId":"%s","name":"Grace Chen","email":"gchen@district.example","role":"TEACHER","schoolId":"%s","teamRole":"STUDIO_TEACHER"},
                     {"staffId":"%s","name":"Priya Shah","email":"pshah@district.example","role":"TEACHER","schoolId":"%s","teamRole":"RESIDENCY_TEACHER"},
                     {"staffId":"%s","name":"Dr. Helen Ward","email":"hward@consult.example","role":"EXTERNAL_CONSULTANT","schoolId":null,"teamRole":"CONSULTANT"}]}}
                """.formatted(UUID.randomUUID(), pairingId, pairingId, yearId, studio, residency, UUID.randomUUID(), studio,
                UUID.randomUUID(), studio, UUID.randomUUID(), residency, UUID.randomUUID());
        TopicWriter.sendCloudEvent(stack.kafka().bootstrapServers(), "district.pairing", pairingId, event);
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(admin).get(session + "/pairings?schoolYearId=" + yearId).then().statusCode(200)
                        .body("pairingId", org.hamcrest.Matchers.hasItem(pairingId)));

        String sessionId = given().auth().oauth2(admin).contentType("application/json")
                .body("{\"pairingId\":\"" + pairingId + "\",\"date\":\"2027-03-16\",\"halfDay\":\"AM\"}")
                .post(session + "/sessions").then().statusCode(201).extract().path("sessionId");

        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            List<Map<String, Object>> requests = given().auth().oauth2(admin)
                    .get(session + "/coverage/requests?from=2027-03-16&to=2027-03-16&sessionId=" + sessionId)
                    .then().statusCode(200).extract().jsonPath().getList("$");
            assertThat(requests).hasSize(2);
            assertThat(requests).extracting(r -> r.get("status")).containsOnly("FILLED");
            assertThat(requests).allSatisfy(r -> assertThat(r.get("substitute")).isNotNull());
        });
        assertThat(stack.hr().jobs().values()).filteredOn(j -> "2027-03-16".equals(j.path("date").asText())
                && j.path("notes").asText().contains("Garfield")).hasSizeGreaterThanOrEqualTo(2);
    }
}
