package org.studioresidency.session.domain;

/** Who recorded a session's pre-visit plan: the school's own leadership or the central office. */
public enum PlanRecorder {
    PRINCIPAL, DISTRICT_OFFICE
}
