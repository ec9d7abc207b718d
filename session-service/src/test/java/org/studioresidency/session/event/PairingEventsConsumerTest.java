package org.studioresidency.session.event;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.local.TopicWriter;

import java.time.Duration;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

@QuarkusTest
class PairingEventsConsumerTest {

    private static final String VIEWER = TestInfrastructure.token("viewer");

    @Test
    void shouldKeepTheNewestTeamOfAPairingWhateverOrderTheEventsAreReplayedIn() {
        UUID year = UUID.randomUUID();
        UUID pairing = UUID.randomUUID();
        publish(pairing, "district.pairing.confirmed.v1", pairingData(pairing, year, 1, "Grace Chen"));
        publish(pairing, "district.pairing.team-changed.v1", pairingData(pairing, year, 2, "Luis Moreno"));
        // A replay of the first announcement (new event id) must not bring the old team back.
        publish(pairing, "district.pairing.confirmed.v1", pairingData(pairing, year, 1, "Grace Chen"));
        UUID marker = UUID.randomUUID();
        publish(marker, "district.pairing.confirmed.v1", pairingData(marker, year, 1, "Marker"));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(VIEWER).get("/pairings?schoolYearId=" + year).then().statusCode(200).body("$", hasSize(2)));
        given().auth().oauth2(VIEWER).get("/pairings?schoolYearId=" + year).then()
                .body("find { it.pairingId == '" + pairing + "' }.teamVersion", equalTo(2))
                .body("find { it.pairingId == '" + pairing + "' }.team.find { it.teamRole == 'STUDIO_TEACHER' }.name", equalTo("Luis Moreno"));

        publish(pairing, "district.pairing.dissolved.v1",
                "{\"pairingId\":\"%s\",\"schoolYearId\":\"%s\",\"reason\":\"Studio teacher left\"}".formatted(pairing, year));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(VIEWER).get("/pairings?schoolYearId=" + year).then().statusCode(200).body("$", hasSize(1)));
    }

    private static String pairingData(UUID pairing, UUID year, int teamVersion, String studioTeacher) {
        return """
                {"pairingId":"%s","schoolYearId":"%s","studioSchool":{"schoolId":"%s","name":"Garfield Elementary"},
                 "residencySchools":[{"schoolId":"%s","name":"Lincoln Elementary"}],
                 "team":[{"staffId":"%s","name":"%s","email":"t@district.example","role":"TEACHER","schoolId":null,"teamRole":"STUDIO_TEACHER"},
                         {"staffId":"%s","name":"Dr. Helen Ward","email":"h@partners.example","role":"EXTERNAL_CONSULTANT","schoolId":null,"teamRole":"CONSULTANT"}],
                 "teamVersion":%d}""".formatted(pairing, year, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), studioTeacher,
                UUID.randomUUID(), teamVersion);
    }

    private static void publish(UUID pairing, String type, String data) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/district/pairing-service","type":"%s","subject":"pairings/%s",
                 "time":"2026-11-22T08:00:00Z","datacontenttype":"application/json","data":%s}"""
                .formatted(UUID.randomUUID(), type, pairing, data);
        TopicWriter.sendCloudEvent(TestInfrastructure.kafkaBootstrapServers(), Topics.PAIRING, pairing.toString(), event);
    }
}
