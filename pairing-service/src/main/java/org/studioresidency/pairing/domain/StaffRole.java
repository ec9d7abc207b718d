package org.studioresidency.pairing.domain;

/** A staff member's job, as the event catalog names it. */
public enum StaffRole {
    PRINCIPAL, ASSISTANT_PRINCIPAL, LITERACY_COACH_PRIMARY, LITERACY_COACH_INTERMEDIATE, TEACHER,
    CENTRAL_OFFICE_LEADER, DISTRICT_LITERACY_COACH, EXTERNAL_CONSULTANT;

    /** Central-office staff and consultants belong to no school. */
    public boolean worksAtASchool() {
        return this != CENTRAL_OFFICE_LEADER && this != DISTRICT_LITERACY_COACH && this != EXTERNAL_CONSULTANT;
    }

    public boolean isLiteracyCoach() {
        return this == LITERACY_COACH_PRIMARY || this == LITERACY_COACH_INTERMEDIATE;
    }
}
