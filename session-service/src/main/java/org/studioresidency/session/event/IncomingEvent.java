package org.studioresidency.session.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A CloudEvent as this service reads it: only what it uses, anything else ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingEvent(String id, String type, String source, String subject, JsonNode data) {

    /** Reads a structured-mode CloudEvent; one without id or type cannot be applied and goes to the dead letters. */
    public static IncomingEvent parse(ObjectMapper json, String cloudEvent) throws JsonProcessingException {
        IncomingEvent event = json.readValue(cloudEvent, IncomingEvent.class);
        if (event == null || event.id() == null || event.id().isBlank() || event.type() == null) {
            throw new IllegalArgumentException("Not a CloudEvent: id and type are required");
        }
        return event;
    }
}
