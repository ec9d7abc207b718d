package org.studioresidency.session.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.config.OutboxConfig;
import org.studioresidency.session.domain.OutboxEvent;
import org.studioresidency.session.repository.OutboxRepository;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** Records an event in the same transaction as the change it describes; {@link OutboxRelay} publishes it. */
@ApplicationScoped
public class Outbox {

    private final OutboxRepository repository;
    private final ObjectMapper json;
    private final OutboxConfig config;

    Outbox(OutboxRepository repository, ObjectMapper json, OutboxConfig config) {
        this.repository = repository;
        this.json = json;
        this.config = config;
    }

    /**
     * @param type    e.g. {@code district.pairing.confirmed.v1}
     * @param subject e.g. {@code pairings/<id>}
     * @param key     the aggregate id: the Kafka key, so one aggregate's events stay in order
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID record(String topic, String type, String subject, UUID key, Object data) {
        UUID id = UUID.randomUUID();
        CloudEvent event = new CloudEvent("1.0", id.toString(), config.source(), type, subject,
                OffsetDateTime.now(ZoneOffset.UTC), "application/json", json.valueToTree(data));
        OutboxEvent row = new OutboxEvent();
        row.id = id;
        row.topic = topic;
        row.aggregateId = key.toString();
        row.type = type;
        try {
            row.payload = json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + type + " could not be written as JSON", e);
        }
        repository.persist(row);
        return id;
    }
}
