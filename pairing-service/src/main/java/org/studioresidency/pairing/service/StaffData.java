package org.studioresidency.pairing.service;

import org.studioresidency.pairing.domain.StaffRole;

import java.util.UUID;

/** A staff member's full state as a caller (REST or import) gives it. */
public record StaffData(String externalId, String name, String email, StaffRole role, UUID schoolId, String grade, boolean active) {
}
