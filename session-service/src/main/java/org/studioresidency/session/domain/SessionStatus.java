package org.studioresidency.session.domain;

/** Where a session is in its life. */
public enum SessionStatus {
    /** Proposed by a planning job; not yet in anyone's calendar. */
    PLANNED,
    PUBLISHED,
    HELD,
    SUMMARISED,
    CANCELLED;

    /** Whether the session holds its participants' half-day (published or later, not cancelled). */
    public boolean booksPeople() {
        return this == PUBLISHED || this == HELD || this == SUMMARISED;
    }
}
