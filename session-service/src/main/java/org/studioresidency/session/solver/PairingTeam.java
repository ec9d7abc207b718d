package org.studioresidency.session.solver;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A pairing as the solver sees it: where its sessions are held, which schools take part (the studio school hosts,
 * residency schools travel to it), who attends them, how many of them need a substitute, and how many calendar days
 * apart its sessions must be.
 */
public record PairingTeam(UUID pairingId, String label, UUID hostSchoolId, List<TeamSchool> schools, List<Person> members,
                          int substitutesNeeded, int minDaysBetweenSessions) {

    /** A pairing known only by its host school (the studio school is then the only participating school). */
    public PairingTeam(UUID pairingId, String label, UUID hostSchoolId, List<Person> members, int substitutesNeeded,
                       int minDaysBetweenSessions) {
        this(pairingId, label, hostSchoolId, List.of(new TeamSchool(hostSchoolId, label, true)), members, substitutesNeeded,
                minDaysBetweenSessions);
    }

    /** The participating school with this id, if it is one. */
    public Optional<TeamSchool> school(UUID schoolId) {
        for (TeamSchool school : schools) {
            if (school.schoolId().equals(schoolId)) {
                return Optional.of(school);
            }
        }
        return Optional.empty();
    }

    public boolean takesPart(UUID schoolId) {
        return school(schoolId).isPresent();
    }

    public Set<UUID> memberIds() {
        return members.stream().map(Person::staffId).collect(Collectors.toSet());
    }

    /** The people who are in both teams. */
    public List<Person> sharedWith(PairingTeam other) {
        if (other == this) {
            return members;
        }
        Set<UUID> theirs = other.memberIds();
        return members.stream().filter(p -> theirs.contains(p.staffId())).toList();
    }
}
