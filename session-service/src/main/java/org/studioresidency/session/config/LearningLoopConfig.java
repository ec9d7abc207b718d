package org.studioresidency.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Learning-loop snapshots: when they are published and where their report link points. */
@ConfigMapping(prefix = "learning-loop")
public interface LearningLoopConfig {

    /**
     * The HTML report as its readers reach it (through the portal), without query: each snapshot links to it with
     * {@code ?schoolYearId=}.
     */
    @WithDefault("http://localhost:8082/reports/learning-loop/page")
    String reportUrl();

    /** Quartz cron of the weekly snapshot, before notification-service's digest run ("off" disables it). */
    @WithDefault("0 0 18 ? * SUN")
    String snapshotCron();

    /** Time zone the cron is read in. */
    @WithDefault("America/Los_Angeles")
    String snapshotTimeZone();
}
