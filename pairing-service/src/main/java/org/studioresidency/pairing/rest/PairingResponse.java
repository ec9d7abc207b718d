package org.studioresidency.pairing.rest;

import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.domain.TeamRole;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/**
 * A pairing. {@code yearRevision} is the consistency token of its last change: pass it to session-service's
 * {@code POST /planning-jobs} as {@code pairingRevision} to plan on exactly the pairings as they are after that change.
 */
public record PairingResponse(UUID id, UUID schoolYearId, SchoolRef studioSchool, List<SchoolRef> residencySchools, boolean active,
                              String dissolvedReason, List<Member> team, int teamVersion, List<String> warnings, long version,
                              @Schema(description = "Consistency token: the school year's pairing revision of this pairing's last change."
                                      + " Give it to session-service's POST /planning-jobs as pairingRevision.")
                              long yearRevision,
                              @Schema(description = "The pairing's ETag, as GET /pairings/{id} gives it: send it as If-Match to change"
                                      + " the team or participants without reading the pairing first", examples = "\"1\"")
                              String etag) {

    /** Named apart from the proposal's school reference, so a generated client has no SchoolRef1. */
    @Schema(name = "PairingSchool")
    public record SchoolRef(UUID schoolId, String name) {
    }

    public record Member(UUID staffId, String name, String email, StaffRole role, UUID schoolId, TeamRole teamRole) {
    }
}
