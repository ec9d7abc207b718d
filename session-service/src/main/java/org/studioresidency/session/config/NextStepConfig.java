package org.studioresidency.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** When next steps are announced as due soon or overdue. */
@ConfigMapping(prefix = "next-steps")
public interface NextStepConfig {

    /** A step is "due soon" this many days before its due date. */
    @WithDefault("3")
    int dueSoonDays();

    /** How often open steps are checked (read by the scheduled check). */
    @WithDefault("1h")
    String checkEvery();
}
