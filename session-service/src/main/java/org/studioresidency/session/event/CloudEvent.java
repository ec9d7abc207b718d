package org.studioresidency.session.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;

/** A CloudEvents 1.0 envelope in structured JSON mode. */
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        String datacontenttype,
        JsonNode data) {

    public static final String CONTENT_TYPE = "application/cloudevents+json";
}
