package org.studioresidency.pairing.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** District settings for pairings and their teams. */
@ConfigMapping(prefix = "pairing")
public interface PairingConfig {

    /** Team size rules; outside them a team is accepted with a warning. */
    Team team();

    interface Team {

        /** Fewest people a studio/residency team usually has (the model says about 11). */
        @WithDefault("11")
        int usualMinSize();

        /** Most people a studio/residency team usually has (the model says about 15). */
        @WithDefault("15")
        int usualMaxSize();
    }
}
