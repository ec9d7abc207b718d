package org.studioresidency.session.event;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.KafkaBroker;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.local.TopicWriter;
import org.studioresidency.session.DistrictFixture;
import org.studioresidency.session.service.PairingService;
import org.studioresidency.session.service.SchoolYearService;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Every Kafka client of the service (the SmallRye consumers and the outbox relay's own producer) takes the standard
 * security settings from {@code kafka.*} configuration: here SASL SCRAM-SHA-512 against the local broker's SASL
 * listener, as production logs in with SCRAM over TLS.
 */
@QuarkusTest
@TestProfile(KafkaSaslTest.OverSasl.class)
class KafkaSaslTest {

    public static class OverSasl implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "kafka.bootstrap.servers", TestInfrastructure.kafkaSaslBootstrapServers(),
                    "kafka.security.protocol", "SASL_PLAINTEXT",
                    "kafka.sasl.mechanism", KafkaBroker.SASL_MECHANISM,
                    "kafka.sasl.jaas.config", KafkaBroker.SASL_JAAS_CONFIG);
        }
    }

    private static final String ADMIN = TestInfrastructure.token("district-admin");

    @Inject
    SchoolYearService schoolYears;
    @Inject
    PairingService pairings;

    @Test
    void shouldConsumeAndRelayEventsOverSaslScram() {
        assertThat(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))
                .isEqualTo(TestInfrastructure.kafkaSaslBootstrapServers());
        UUID yearId = UUID.randomUUID();
        TopicWriter.sendCloudEvent(TestInfrastructure.kafkaBootstrapServers(), Topics.DIRECTORY, yearId.toString(), """
                {"specversion":"1.0","id":"%s","source":"/district/pairing-service",
                 "type":"district.directory.school-year.created.v1","subject":"school-years/%s",
                 "time":"2026-11-22T08:00:00Z","datacontenttype":"application/json",
                 "data":{"schoolYearId":"%s","name":"SASL %s","firstDay":"2026-08-31","lastDay":"2027-06-11"}}"""
                .formatted(UUID.randomUUID(), yearId, yearId, yearId.toString().substring(0, 8)));

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(ADMIN).get("/school-years/" + yearId).then().statusCode(200));

        DistrictFixture.Pairing pairing = new DistrictFixture(schoolYears, pairings).pairing("Sasl Elementary", DistrictFixture.consultant("Dr. Sasha Lee"));
        String session = given().auth().oauth2(ADMIN).contentType(ContentType.JSON)
                .body("{\"pairingId\":\"" + pairing.pairingId() + "\",\"date\":\"2027-02-02\",\"halfDay\":\"AM\"}")
                .post("/sessions").then().statusCode(201).extract().path("sessionId");

        assertThat(EventShapes.published(session, "district.session.published.v1").path("subject").asText()).contains(session);
    }
}
