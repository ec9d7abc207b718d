package org.studioresidency.session.solver;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * A pairing as the solver sees it: where its sessions are held, who attends them, how many of them need a
 * substitute, and how far apart its sessions must be.
 */
public record PairingTeam(UUID pairingId, String label, UUID hostSchoolId, List<Person> members,
                          int substitutesNeeded, int minDaysBetweenSessions) {

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
