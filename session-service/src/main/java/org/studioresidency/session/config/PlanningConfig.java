package org.studioresidency.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;

/** How long a planning job may search for a better plan. */
@ConfigMapping(prefix = "planning")
public interface PlanningConfig {

    /** A job stops when its best plan has not improved for this long. */
    @WithDefault("20s")
    Duration unimprovedLimit();

    /** A job stops after this long whatever happens. */
    @WithDefault("5m")
    Duration timeLimit();

    /** How many planning jobs solve at the same time (each uses one core). */
    @WithDefault("1")
    int parallelJobs();

    /**
     * How long starting a job may wait for pairing changes the caller has made (its {@code pairingRevision}) to arrive
     * from pairing-service before it answers 409 with Retry-After.
     */
    @WithDefault("10s")
    Duration consistencyWait();
}
