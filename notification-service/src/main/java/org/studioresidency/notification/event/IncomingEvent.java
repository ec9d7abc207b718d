package org.studioresidency.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.time.OffsetDateTime;

/**
 * A CloudEvent as this service reads it: only what it uses, anything else ignored. {@code time} is when the producer
 * wrote the event (its outbox row, in the transaction of the change); it dates snapshots such as a next step's state.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingEvent(String id, String type, String source, String subject, OffsetDateTime time, JsonNode data) {

    /** Reads a structured-mode CloudEvent; one without id, type or data cannot be applied and goes to the dead letters. */
    public static IncomingEvent parse(ObjectMapper json, String cloudEvent) throws JsonProcessingException {
        IncomingEvent event = json.readValue(cloudEvent, IncomingEvent.class);
        if (event == null || event.id() == null || event.id().isBlank() || event.type() == null) {
            throw new IllegalArgumentException("Not a CloudEvent: id and type are required");
        }
        if (event.data() == null || event.data().isNull()) {
            throw new IllegalArgumentException("CloudEvent " + event.id() + " has no data");
        }
        return event;
    }
}
