package org.studioresidency.notification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.reactive.messaging.annotations.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.studioresidency.notification.service.SchoolYearService;

/**
 * Applies pairing-service's directory events. A failing event is retried with backoff, then goes to the
 * dead-letter topic (see application.properties) and the partition moves on.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    static final String CONSUMER = "directory";

    private final ObjectMapper json;
    private final SchoolYearService schoolYears;

    DirectoryEventsConsumer(ObjectMapper json, SchoolYearService schoolYears) {
        this.json = json;
        this.schoolYears = schoolYears;
    }

    @Incoming("directory-in")
    @Blocking(ordered = true)
    @Retry(maxRetries = 4, delay = 200)
    @ExponentialBackoff(maxDelay = 5000)
    public void consume(String cloudEvent) throws JsonProcessingException {
        IncomingEvent event = json.readValue(cloudEvent, IncomingEvent.class);
        if (event.id() == null || event.type() == null) {
            throw new IllegalArgumentException("Not a CloudEvent: id and type are required");
        }
        if ("district.directory.school-year.created.v1".equals(event.type())) {
            schoolYears.apply(event.id(), json.treeToValue(event.data(), SchoolYearService.SchoolYearCreated.class));
        }
    }
}
