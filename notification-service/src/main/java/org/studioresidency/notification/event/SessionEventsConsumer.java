package org.studioresidency.notification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.studioresidency.notification.service.CalendarLinks;
import org.studioresidency.notification.service.SessionNotifications;

import java.util.Set;

/** Applies session-service's session events: summaries, schedule changes and conflicts become deliveries. */
@ApplicationScoped
public class SessionEventsConsumer {

    private static final Set<String> TYPES = Set.of(SessionEvents.PUBLISHED, SessionEvents.RESCHEDULED,
            SessionEvents.CANCELLED, SessionEvents.HELD, SessionEvents.SUMMARISED, SessionEvents.NEXT_STEP_DUE_SOON,
            SessionEvents.NEXT_STEP_OVERDUE, SessionEvents.NEXT_STEP_STATUS_CHANGED, SessionEvents.TEAM_CHANGED,
            SessionEvents.CONFLICT_DETECTED, SessionEvents.CONFLICT_RESOLVED);

    private final ObjectMapper json;
    private final SessionNotifications notifications;
    private final CalendarLinks calendarLinks;

    SessionEventsConsumer(ObjectMapper json, SessionNotifications notifications, CalendarLinks calendarLinks) {
        this.json = json;
        this.notifications = notifications;
        this.calendarLinks = calendarLinks;
    }

    @Incoming("session-in")
    @Blocking(ordered = true)
    @Retry(maxRetries = 4, delay = 200)
    @ExponentialBackoff(maxDelay = 5000)
    public void consume(String cloudEvent) throws JsonProcessingException {
        IncomingEvent event = IncomingEvent.parse(json, cloudEvent);
        if (TYPES.contains(event.type())) {
            notifications.apply(event.id(), event.type(), event.time(), json.treeToValue(event.data(), SessionEvents.SessionEvent.class));
        } else if (SessionEvents.CALENDAR_SUBSCRIPTION_CREATED.equals(event.type())) {
            calendarLinks.created(event.id(), json.treeToValue(event.data(), SessionEvents.SubscriptionCreated.class));
        } else if (SessionEvents.CALENDAR_SUBSCRIPTION_REVOKED.equals(event.type())) {
            calendarLinks.revoked(event.id(), json.treeToValue(event.data(), SessionEvents.SubscriptionRevoked.class));
        }
    }
}
