package org.studioresidency.notification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.studioresidency.notification.service.DirectoryService;
import org.studioresidency.notification.service.SchoolYearService;

/**
 * Applies pairing-service's directory events. A failing event is retried with backoff, then goes to the
 * dead-letter topic (see application.properties) and the partition moves on.
 */
@ApplicationScoped
public class DirectoryEventsConsumer {

    private final ObjectMapper json;
    private final SchoolYearService schoolYears;
    private final DirectoryService directory;

    DirectoryEventsConsumer(ObjectMapper json, SchoolYearService schoolYears, DirectoryService directory) {
        this.json = json;
        this.schoolYears = schoolYears;
        this.directory = directory;
    }

    @Incoming("directory-in")
    @Blocking(ordered = true)
    @Retry(maxRetries = 4, delay = 200)
    @ExponentialBackoff(maxDelay = 5000)
    public void consume(String cloudEvent) throws JsonProcessingException {
        IncomingEvent event = IncomingEvent.parse(json, cloudEvent);
        switch (event.type()) {
            case DirectoryEvents.SCHOOL_YEAR_CREATED, DirectoryEvents.SCHOOL_YEAR_UPDATED ->
                    schoolYears.apply(event.id(), json.treeToValue(event.data(), SchoolYearService.SchoolYearCreated.class));
            case DirectoryEvents.SCHOOL_CREATED, DirectoryEvents.SCHOOL_UPDATED ->
                    directory.apply(event.id(), json.treeToValue(event.data(), DirectoryEvents.SchoolState.class));
            case DirectoryEvents.STAFF_CREATED, DirectoryEvents.STAFF_UPDATED ->
                    directory.apply(event.id(), json.treeToValue(event.data(), DirectoryEvents.StaffState.class));
            default -> {
                // other directory types do not concern notifications
            }
        }
    }
}
