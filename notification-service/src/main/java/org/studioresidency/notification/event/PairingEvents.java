package org.studioresidency.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;
import java.util.UUID;

/** What this service reads of pairing-service's {@code district.pairing} events (tolerant reader). */
public final class PairingEvents {

    public static final String CONFIRMED = "district.pairing.confirmed.v1";
    public static final String TEAM_CHANGED = "district.pairing.team-changed.v1";
    public static final String DISSOLVED = "district.pairing.dissolved.v1";

    private PairingEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SchoolRef(UUID schoolId, String name) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Member(UUID staffId, String name, String email, String role, UUID schoolId, String teamRole) {
    }

    /** Full state of a pairing: {@code confirmed.v1} and {@code team-changed.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PairingState(UUID pairingId, UUID schoolYearId, SchoolRef studioSchool, List<SchoolRef> residencySchools,
                               List<Member> team, long teamVersion) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PairingDissolved(UUID pairingId, UUID schoolYearId, String reason) {
    }
}
