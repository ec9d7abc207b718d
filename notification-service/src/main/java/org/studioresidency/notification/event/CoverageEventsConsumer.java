package org.studioresidency.notification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.studioresidency.notification.service.CoverageNotifications;

import java.util.Set;

/** Applies session-service's substitute coverage events; an at-risk request becomes an alert. */
@ApplicationScoped
public class CoverageEventsConsumer {

    private static final Set<String> TYPES = Set.of(CoverageEvents.REQUESTED, CoverageEvents.FILLED,
            CoverageEvents.UNFILLED, CoverageEvents.CANCELLED, CoverageEvents.AT_RISK);

    private final ObjectMapper json;
    private final CoverageNotifications notifications;

    CoverageEventsConsumer(ObjectMapper json, CoverageNotifications notifications) {
        this.json = json;
        this.notifications = notifications;
    }

    @Incoming("coverage-in")
    @Blocking(ordered = true)
    @Retry(maxRetries = 4, delay = 200)
    @ExponentialBackoff(maxDelay = 5000)
    public void consume(String cloudEvent) throws JsonProcessingException {
        IncomingEvent event = IncomingEvent.parse(json, cloudEvent);
        if (TYPES.contains(event.type())) {
            notifications.apply(event.id(), event.type(), json.treeToValue(event.data(), CoverageEvents.CoverageEvent.class));
        }
    }
}
