package org.studioresidency.session.solver;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * When a consultant can work: only on contracted days when the contract names them (none named: any weekday of the
 * school year), never on unavailable dates, and at most so many sessions in a week (Monday to Sunday). A consultant
 * with no terms at all may work any weekday, up to {@link #DEFAULT_MAX_SESSIONS_PER_WEEK} sessions a week.
 */
public record ConsultantCalendar(UUID staffId, String name, Set<LocalDate> contractedDays, Set<LocalDate> unavailableDates,
                                 int maxSessionsPerWeek) {

    /** The weekly maximum of a consultant whose terms were never entered. */
    public static final int DEFAULT_MAX_SESSIONS_PER_WEEK = 3;

    /** A consultant with no terms: any weekday, the default weekly maximum. */
    public static ConsultantCalendar withoutTerms(UUID staffId, String name) {
        return new ConsultantCalendar(staffId, name, Set.of(), Set.of(), DEFAULT_MAX_SESSIONS_PER_WEEK);
    }

    public boolean availableOn(LocalDate date) {
        return unavailability(date).isEmpty();
    }

    /** Why the consultant cannot work on this date, in words; empty when they can. */
    public Optional<String> unavailability(LocalDate date) {
        if (unavailableDates.contains(date)) {
            return Optional.of(date + " is one of " + name + "'s unavailable dates");
        }
        if (!contractedDays.isEmpty() && !contractedDays.contains(date)) {
            return Optional.of(date + " is outside " + name + "'s contract (not one of their " + contractedDays.size()
                    + " contracted days)");
        }
        return Optional.empty();
    }
}
