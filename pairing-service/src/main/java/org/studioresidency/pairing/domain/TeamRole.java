package org.studioresidency.pairing.domain;

/** What a person does in a pairing's team. */
public enum TeamRole {
    PRINCIPAL, ASSISTANT_PRINCIPAL, LITERACY_COACH, STUDIO_TEACHER, RESIDENCY_TEACHER, CONSULTANT,
    CENTRAL_OFFICE_LEADER, DISTRICT_LITERACY_COACH
}
