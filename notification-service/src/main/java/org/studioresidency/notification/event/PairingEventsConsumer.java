package org.studioresidency.notification.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.studioresidency.notification.service.PairingService;

/** Applies pairing-service's pairing events (teams and their central-office leader). */
@ApplicationScoped
public class PairingEventsConsumer {

    private final ObjectMapper json;
    private final PairingService pairings;

    PairingEventsConsumer(ObjectMapper json, PairingService pairings) {
        this.json = json;
        this.pairings = pairings;
    }

    @Incoming("pairing-in")
    @Blocking(ordered = true)
    @Retry(maxRetries = 4, delay = 200)
    @ExponentialBackoff(maxDelay = 5000)
    public void consume(String cloudEvent) throws JsonProcessingException {
        IncomingEvent event = IncomingEvent.parse(json, cloudEvent);
        switch (event.type()) {
            case PairingEvents.CONFIRMED, PairingEvents.TEAM_CHANGED ->
                    pairings.apply(event.id(), json.treeToValue(event.data(), PairingEvents.PairingState.class));
            case PairingEvents.DISSOLVED ->
                    pairings.apply(event.id(), json.treeToValue(event.data(), PairingEvents.PairingDissolved.class));
            default -> {
                // unknown pairing types are ignored (tolerant reader)
            }
        }
    }
}
