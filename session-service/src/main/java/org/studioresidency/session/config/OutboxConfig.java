package org.studioresidency.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How this service's outbox relay publishes events to Kafka. */
@ConfigMapping(prefix = "outbox")
public interface OutboxConfig {

    /** CloudEvents {@code source} of every event this service publishes. */
    @WithDefault("/district/session-service")
    String source();

    /** How often the relay looks for unpublished events (read by the relay's schedule). */
    @WithDefault("1s")
    String interval();

    /** Most events published in one relay transaction. */
    @WithDefault("200")
    int batchSize();
}
