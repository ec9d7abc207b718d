package org.studioresidency.pairing.rest;

import org.studioresidency.pairing.domain.StaffRole;

import java.util.UUID;

public record StaffResponse(UUID id, String externalId, String name, String email, StaffRole role, UUID schoolId, String grade,
                            boolean active, long version) {
}
