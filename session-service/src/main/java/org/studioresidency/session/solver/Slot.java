package org.studioresidency.session.solver;

import org.studioresidency.session.domain.HalfDay;

import java.time.LocalDate;

/** A half-day a session can take. */
public record Slot(SchoolDay day, HalfDay halfDay) {

    public LocalDate date() {
        return day.date();
    }

    @Override
    public String toString() {
        return day.date() + " " + halfDay;
    }
}
