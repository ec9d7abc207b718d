package org.studioresidency.session.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.studioresidency.session.service.PairingService;

/** Applies pairing-service's pairing events: confirmed, team changed, dissolved. */
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
        Class<?> reader = EventReaders.BY_TYPE.get(event.type());
        if (reader == null) {
            return;
        }
        Object data = json.treeToValue(event.data(), reader);
        switch (data) {
            case PairingService.PairingTeamAnnounced announced -> pairings.apply(event.id(), announced);
            case PairingService.PairingDissolved dissolved -> pairings.apply(event.id(), dissolved);
            default -> {
                // a directory type on the pairing topic: not ours to apply here
            }
        }
    }
}
