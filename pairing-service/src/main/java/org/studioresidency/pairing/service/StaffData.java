package org.studioresidency.pairing.service;

import org.studioresidency.pairing.domain.StaffRole;

import java.util.List;
import java.util.UUID;

/**
 * A staff member's full state as a caller (REST or import) gives it. {@code grades} are a teacher's grades in school order
 * (PK, TK, K, 1..12); {@code grade()} is the first of them.
 */
public record StaffData(String externalId, String name, String email, StaffRole role, UUID schoolId, List<String> grades,
                        boolean active) {

    public StaffData {
        grades = Grades.ordered(grades == null ? List.of() : grades);
    }

    public String grade() {
        return grades.isEmpty() ? null : grades.get(0);
    }
}
