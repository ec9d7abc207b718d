package org.studioresidency.session.solver;

import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

/**
 * When a consultant can work: only on contracted days when the contract names them (empty: any instructional day),
 * never on unavailable dates, and at most so many sessions in a week.
 */
public record ConsultantCalendar(UUID staffId, String name, Set<LocalDate> contractedDays, Set<LocalDate> unavailableDates,
                                 int maxSessionsPerWeek) {

    public boolean availableOn(LocalDate date) {
        return !unavailableDates.contains(date) && (contractedDays.isEmpty() || contractedDays.contains(date));
    }
}
