package org.studioresidency.pairing.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.pairing.domain.Pairing;
import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.domain.TeamMember;
import org.studioresidency.pairing.domain.TeamRole;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Writes the district.pairing events of deploy/EVENTS.md to the outbox, with the whole team so consumers need nothing else. */
@ApplicationScoped
public class PairingEvents {

    /** Data of {@code district.pairing.confirmed.v1} and {@code ...team-changed.v1}. */
    public record PairingState(UUID pairingId, UUID schoolYearId, SchoolRef studioSchool, List<SchoolRef> residencySchools,
                               List<Member> team, int teamVersion) {
    }

    public record SchoolRef(UUID schoolId, String name) {
    }

    public record Member(UUID staffId, String name, String email, StaffRole role, UUID schoolId, TeamRole teamRole) {
    }

    /** Data of {@code district.pairing.dissolved.v1}. */
    public record Dissolved(UUID pairingId, UUID schoolYearId, String reason) {
    }

    private final Outbox outbox;

    PairingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmed(Pairing pairing, School studio, List<School> residencies, List<TeamMember> team, Map<UUID, Staff> staff) {
        outbox.record(Topics.PAIRING, "district.pairing.confirmed.v1", "pairings/" + pairing.id, pairing.id,
                state(pairing, studio, residencies, team, staff));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void teamChanged(Pairing pairing, School studio, List<School> residencies, List<TeamMember> team, Map<UUID, Staff> staff) {
        outbox.record(Topics.PAIRING, "district.pairing.team-changed.v1", "pairings/" + pairing.id, pairing.id,
                state(pairing, studio, residencies, team, staff));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dissolved(Pairing pairing) {
        outbox.record(Topics.PAIRING, "district.pairing.dissolved.v1", "pairings/" + pairing.id, pairing.id,
                new Dissolved(pairing.id, pairing.schoolYearId, pairing.dissolvedReason));
    }

    public static PairingState state(Pairing pairing, School studio, List<School> residencies, List<TeamMember> team, Map<UUID, Staff> staff) {
        return new PairingState(pairing.id, pairing.schoolYearId, new SchoolRef(studio.id, studio.name),
                residencies.stream().map(s -> new SchoolRef(s.id, s.name)).toList(),
                team.stream().map(m -> {
                    Staff person = staff.get(m.staffId());
                    return new Member(person.id, person.name, person.email, person.role, person.schoolId, m.teamRole());
                }).toList(),
                pairing.teamVersion);
    }
}
