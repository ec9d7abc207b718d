package org.studioresidency.session.solver;

import java.time.LocalDate;

/**
 * One weekday of the school year as the solver sees it: what the district calendar says about it and how many
 * substitute half-days the district can release that day.
 */
public record SchoolDay(LocalDate date, boolean instructional, boolean districtBlackout, boolean earlyRelease,
                        boolean adjacentToBreak, boolean preferredWeekday, int substituteCap) {

    /** An ordinary instructional day on a preferred weekday. */
    public static SchoolDay instructional(LocalDate date, int substituteCap) {
        return new SchoolDay(date, true, false, false, false, true, substituteCap);
    }
}
