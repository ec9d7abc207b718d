package org.studioresidency.session.event;

import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.local.TopicReader;
import org.studioresidency.local.TopicWriter;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class DirectoryEventsConsumerTest {

    private static final String VIEWER = TestInfrastructure.token("viewer");

    @Test
    void shouldBuildTheSchoolYearReadModelFromPairingServiceEvents() {
        UUID yearId = UUID.randomUUID();
        publish(yearId, UUID.randomUUID().toString(), "2026-27");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(VIEWER).get("/school-years/" + yearId)
                        .then().statusCode(200).body("name", equalTo("2026-27")));
    }

    @Test
    void shouldApplyARedeliveredEventOnlyOnce() {
        UUID yearId = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        publish(yearId, eventId, "2027-28");
        // The same event id again, carrying other data: an idempotent consumer must not apply it.
        publish(yearId, eventId, "1999-00");
        UUID marker = UUID.randomUUID();
        publish(marker, UUID.randomUUID().toString(), "2028-29");

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().auth().oauth2(VIEWER).get("/school-years/" + marker).then().statusCode(200));
        given().auth().oauth2(VIEWER).get("/school-years/" + yearId).then().statusCode(200).body("name", equalTo("2027-28"));
    }

    @Test
    void shouldParkAPoisonMessageOnTheDeadLetterTopicAndKeepConsuming() {
        String poisonKey = "poison-" + UUID.randomUUID();
        TopicWriter.send(TestInfrastructure.kafkaBootstrapServers(), Topics.DIRECTORY, poisonKey, "{this is not a cloud event");
        UUID after = UUID.randomUUID();
        publish(after, UUID.randomUUID().toString(), "2029-30");

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                given().auth().oauth2(VIEWER).get("/school-years/" + after).then().statusCode(200));
        List<ConsumerRecord<String, String>> parked = TopicReader.read(TestInfrastructure.kafkaBootstrapServers(),
                        "session-service.dead-letter", rs -> rs.stream().anyMatch(r -> poisonKey.equals(r.key())), Duration.ofSeconds(30))
                .stream().filter(r -> poisonKey.equals(r.key())).toList();
        assertThat(parked).hasSize(1);
        assertThat(parked.get(0).value()).isEqualTo("{this is not a cloud event");
        assertThat(new String(parked.get(0).headers().lastHeader("dead-letter-reason").value(), StandardCharsets.UTF_8))
                .isNotBlank();
    }

    private static void publish(UUID yearId, String eventId, String name) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"/district/pairing-service",
                 "type":"district.directory.school-year.created.v1","subject":"school-years/%s",
                 "time":"2026-11-22T08:00:00Z","datacontenttype":"application/json",
                 "data":{"schoolYearId":"%s","name":"%s","firstDay":"2026-08-31","lastDay":"2027-06-11"}}"""
                .formatted(eventId, yearId, yearId, name);
        TopicWriter.sendCloudEvent(TestInfrastructure.kafkaBootstrapServers(), Topics.DIRECTORY, yearId.toString(), event);
    }
}
