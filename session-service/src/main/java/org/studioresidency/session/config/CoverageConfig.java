package org.studioresidency.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Substitute coverage follow-up and flat-file export. */
@ConfigMapping(prefix = "coverage")
public interface CoverageConfig {

    /** A request still not filled this many days before its session is announced at risk. */
    @WithDefault("3")
    int atRiskDays();

    /** How often requests are checked for being at risk ({@code off} disables the scheduled check). */
    @WithDefault("1h")
    String checkEvery();

    /** Absence reason code the HR system knows professional-development absences by. */
    @WithDefault("PD-STUDIO")
    String reasonCode();
}
