package org.studioresidency.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;

/** A CloudEvent as this service reads it: only what it uses, anything else ignored. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record IncomingEvent(String id, String type, String source, String subject, JsonNode data) {
}
