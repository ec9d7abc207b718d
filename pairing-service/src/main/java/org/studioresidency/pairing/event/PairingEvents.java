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

    /**
     * Data of {@code district.pairing.confirmed.v1} and {@code ...team-changed.v1}. {@code yearRevision} numbers the
     * change among the year's pairing changes; {@code changesInRevision} says how many pairing events that change wrote,
     * so a consumer knows when it has all of them (see deploy/EVENTS.md, "Read-your-writes").
     */
    public record PairingState(UUID pairingId, UUID schoolYearId, SchoolRef studioSchool, List<SchoolRef> residencySchools,
                               List<Member> team, int teamVersion, long yearRevision, int changesInRevision) {
    }

    public record SchoolRef(UUID schoolId, String name) {
    }

    public record Member(UUID staffId, String name, String email, StaffRole role, UUID schoolId, TeamRole teamRole) {
    }

    /** Data of {@code district.pairing.dissolved.v1}. */
    public record Dissolved(UUID pairingId, UUID schoolYearId, String reason, long yearRevision, int changesInRevision) {
    }

    private final Outbox outbox;

    PairingEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void confirmed(Pairing pairing, School studio, List<School> residencies, List<TeamMember> team, Map<UUID, Staff> staff,
                          int changesInRevision) {
        outbox.record(Topics.PAIRING, "district.pairing.confirmed.v1", "pairings/" + pairing.id, pairing.id,
                state(pairing, studio, residencies, team, staff, changesInRevision));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void teamChanged(Pairing pairing, School studio, List<School> residencies, List<TeamMember> team, Map<UUID, Staff> staff) {
        outbox.record(Topics.PAIRING, "district.pairing.team-changed.v1", "pairings/" + pairing.id, pairing.id,
                state(pairing, studio, residencies, team, staff, 1));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void dissolved(Pairing pairing) {
        outbox.record(Topics.PAIRING, "district.pairing.dissolved.v1", "pairings/" + pairing.id, pairing.id,
                new Dissolved(pairing.id, pairing.schoolYearId, pairing.dissolvedReason, pairing.yearRevision, 1));
    }

    private static PairingState state(Pairing pairing, School studio, List<School> residencies, List<TeamMember> team, Map<UUID, Staff> staff,
                                      int changesInRevision) {
        return new PairingState(pairing.id, pairing.schoolYearId, new SchoolRef(studio.id, studio.name),
                residencies.stream().map(s -> new SchoolRef(s.id, s.name)).toList(),
                team.stream().map(m -> {
                    Staff person = staff.get(m.staffId());
                    return new Member(person.id, person.name, person.email, person.role, person.schoolId, m.teamRole());
                }).toList(),
                pairing.teamVersion, pairing.yearRevision, changesInRevision);
    }
}
