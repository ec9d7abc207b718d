package org.studioresidency.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Bounds on one iCalendar import, so a huge or hostile file cannot hold a thread (or a transaction) for long. */
@ConfigMapping(prefix = "calendar-import")
public interface CalendarImportConfig {

    /** Largest accepted file, in bytes; a larger one answers 413. */
    @WithDefault("16777216")
    long maxBytes();

    /** Most VEVENTs in one file; more answers 400. */
    @WithDefault("100000")
    int maxEvents();

    /** Most occurrences (after expanding RRULE and RDATE within the school year) in one file; more answers 400. */
    @WithDefault("1000000")
    int maxOccurrences();
}
