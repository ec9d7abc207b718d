package org.studioresidency.session.solver;

import java.time.LocalDate;
import java.util.UUID;

/** A date on which one school hosts no session (its own testing, events). */
public record SchoolBlackout(UUID schoolId, LocalDate date, String reason) {
}
