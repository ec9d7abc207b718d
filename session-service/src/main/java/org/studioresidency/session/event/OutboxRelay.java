package org.studioresidency.session.event;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.studioresidency.session.config.OutboxConfig;
import org.studioresidency.session.domain.OutboxEvent;
import org.studioresidency.session.repository.OutboxRepository;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Publishes outbox rows to Kafka and marks them sent, in one database transaction per batch.
 * A crash after publishing but before the commit leaves the rows unsent, so they are published again:
 * delivery is at least once, and consumers drop the repeat by the CloudEvent id.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final OutboxRepository repository;
    private final KafkaEventPublisher publisher;
    private final OutboxConfig config;
    private int consecutiveFailures;
    private Instant pausedUntil = Instant.MIN;

    OutboxRelay(OutboxRepository repository, KafkaEventPublisher publisher, OutboxConfig config, MeterRegistry metrics) {
        this.repository = repository;
        this.publisher = publisher;
        this.config = config;
        metrics.gauge("outbox.pending", repository, r -> QuarkusTransaction.requiringNew().call(r::countPending));
    }

    @Scheduled(every = "${outbox.interval:1s}", delayed = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void relayOnSchedule() {
        if (Instant.now().isBefore(pausedUntil)) {
            return;
        }
        try {
            int published;
            do {
                published = relayPending();
            } while (published == config.batchSize());
            consecutiveFailures = 0;
        } catch (Exception e) {
            consecutiveFailures++;
            Duration backoff = Duration.ofMillis(Math.min(MAX_BACKOFF.toMillis(), 250L << Math.min(consecutiveFailures, 7)));
            pausedUntil = Instant.now().plus(backoff);
            LOG.warnf("Publishing outbox events failed (%d in a row), next try in %d ms: %s",
                    consecutiveFailures, backoff.toMillis(), e.getMessage());
        }
    }

    /** Publishes one batch; returns how many events were published. */
    public int relayPending() {
        return QuarkusTransaction.requiringNew().call(() -> {
            List<OutboxEvent> batch = repository.lockPending(config.batchSize());
            if (batch.isEmpty()) {
                return 0;
            }
            publisher.publishAll(batch);
            repository.markPublished(batch, OffsetDateTime.now(ZoneOffset.UTC));
            return batch.size();
        });
    }
}
