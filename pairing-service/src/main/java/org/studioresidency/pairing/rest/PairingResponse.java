package org.studioresidency.pairing.rest;

import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.domain.TeamRole;

import java.util.List;
import java.util.UUID;

public record PairingResponse(UUID id, UUID schoolYearId, SchoolRef studioSchool, List<SchoolRef> residencySchools, boolean active,
                              String dissolvedReason, List<Member> team, int teamVersion, List<String> warnings, long version) {

    public record SchoolRef(UUID schoolId, String name) {
    }

    public record Member(UUID staffId, String name, String email, StaffRole role, UUID schoolId, TeamRole teamRole) {
    }
}
