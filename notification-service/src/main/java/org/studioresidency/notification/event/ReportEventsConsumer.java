package org.studioresidency.notification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.studioresidency.notification.service.LearningLoopSnapshots;

/** Applies session-service's report events: each pairing's newest learning-loop snapshot is kept. */
@ApplicationScoped
public class ReportEventsConsumer {

    private final ObjectMapper json;
    private final LearningLoopSnapshots snapshots;

    ReportEventsConsumer(ObjectMapper json, LearningLoopSnapshots snapshots) {
        this.json = json;
        this.snapshots = snapshots;
    }

    @Incoming("report-in")
    @Blocking(ordered = true)
    @Retry(maxRetries = 4, delay = 200)
    @ExponentialBackoff(maxDelay = 5000)
    public void consume(String cloudEvent) throws JsonProcessingException {
        IncomingEvent event = IncomingEvent.parse(json, cloudEvent);
        if (ReportEvents.LEARNING_LOOP_SNAPSHOT.equals(event.type())) {
            snapshots.apply(event.id(), json.treeToValue(event.data(), ReportEvents.LearningLoopSnapshot.class), event.data().toString());
        }
    }
}
