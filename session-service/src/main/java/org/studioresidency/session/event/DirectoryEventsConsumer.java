package org.studioresidency.session.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.studioresidency.session.service.DirectoryService;
import org.studioresidency.session.service.SchoolYearService;

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
        Class<?> reader = EventReaders.BY_TYPE.get(event.type());
        if (reader == null) {
            return;
        }
        Object data = json.treeToValue(event.data(), reader);
        switch (data) {
            case SchoolYearService.SchoolYearCreated created -> schoolYears.apply(event.id(), created);
            case DirectoryService.SchoolChanged school -> directory.apply(event.id(), school);
            case DirectoryService.StaffChanged staff -> directory.apply(event.id(), staff);
            default -> {
                // a pairing type on the directory topic: not ours to apply here
            }
        }
    }
}
