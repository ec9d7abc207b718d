package org.studioresidency.session.event;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.mockito.InjectSpy;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.studioresidency.local.TestInfrastructure;
import org.studioresidency.local.TopicReader;
import org.studioresidency.session.repository.OutboxRepository;
import java.util.Map;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

@QuarkusTest
@TestProfile(ManualRelayProfile.class)
class OutboxRelayTest {

    @Inject
    OutboxRelay relay;
    @Inject
    Outbox writer;
    @InjectSpy
    OutboxRepository outbox;
    @Inject
    ObjectMapper json;

    @Test
    void shouldPublishACommittedChangeAsACloudEventKeyedByItsAggregate() throws Exception {
        UUID sessionId = QuarkusTransaction.requiringNew().call(this::recordSessionEvent);

        drain();

        List<ConsumerRecord<String, String>> records = recordsAbout(sessionId, 1);
        assertThat(records).hasSize(1);
        ConsumerRecord<String, String> record = records.get(0);
        assertThat(record.key()).isEqualTo(sessionId.toString());
        JsonNode event = json.readTree(record.value());
        assertThat(event.get("specversion").asText()).isEqualTo("1.0");
        assertThat(event.get("type").asText()).isEqualTo("district.session.published.v1");
        assertThat(event.get("source").asText()).isEqualTo("/district/session-service");
        assertThat(event.get("subject").asText()).isEqualTo("sessions/" + sessionId);
        assertThat(event.get("time").asText()).isNotBlank();
        assertThat(event.at("/data/sessionId").asText()).isEqualTo(sessionId.toString());
        assertThat(outbox.countPending()).isZero();
    }

    @Test
    void shouldPublishAgainWithTheSameIdAfterACrashBetweenPublishAndMarkSent() throws Exception {
        UUID sessionId = QuarkusTransaction.requiringNew().call(this::recordSessionEvent);
        doThrow(new IllegalStateException("process died before commit")).doCallRealMethod()
                .when(outbox).markPublished(any(), any());

        assertThatThrownBy(relay::relayPending).hasMessageContaining("process died before commit");
        drain();

        List<ConsumerRecord<String, String>> records = recordsAbout(sessionId, 2);
        assertThat(records).hasSize(2);
        assertThat(json.readTree(records.get(0).value()).get("id"))
                .isEqualTo(json.readTree(records.get(1).value()).get("id"));
        assertThat(outbox.countPending()).isZero();
    }

    @Test
    void shouldPublishEachEventOnceWhenTwoRelaysRunAtOnce() throws Exception {
        drain();
        List<UUID> ids = new java.util.ArrayList<>();
        for (int i = 0; i < 30; i++) {
            ids.add(QuarkusTransaction.requiringNew().call(this::recordSessionEvent));
        }

        CompletableFuture<Void> first = CompletableFuture.runAsync(this::drain);
        CompletableFuture<Void> second = CompletableFuture.runAsync(this::drain);
        CompletableFuture.allOf(first, second).get();

        for (UUID id : ids) {
            assertThat(recordsAbout(id, 1)).as("events about %s", id).hasSize(1);
        }
    }

    private void drain() {
        while (relay.relayPending() > 0) {
            // keep going until the outbox is empty
        }
    }

    private static List<ConsumerRecord<String, String>> recordsAbout(UUID key, int expected) {
        return TopicReader.read(TestInfrastructure.kafkaBootstrapServers(), Topics.SESSION,
                        rs -> rs.stream().filter(r -> key.toString().equals(r.key())).count() >= expected, Duration.ofSeconds(20))
                .stream().filter(r -> key.toString().equals(r.key())).toList();
    }

    private UUID recordSessionEvent() {
        UUID sessionId = UUID.randomUUID();
        writer.record(Topics.SESSION, "district.session.published.v1", "sessions/" + sessionId, sessionId,
                Map.of("sessionId", sessionId));
        return sessionId;
    }
}
