package org.studioresidency.pairing.service;

import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.domain.TeamMember;
import org.studioresidency.pairing.domain.TeamRole;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/** Who may hold which role in a pairing's team, and when a team deserves a warning rather than a refusal. */
public final class TeamPolicy {

    private TeamPolicy() {
    }

    /** Refuses a team whose members do not exist, hold the wrong role, or work at a school outside the pairing. */
    public static void check(List<TeamMember> members, Map<UUID, Staff> staff, UUID studioSchoolId, Set<UUID> residencySchoolIds) {
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            TeamMember member = members.get(i);
            String field = "members[" + i + "]";
            if (!seen.add(member.staffId())) {
                throw new PairingException.InvalidField(field + ".staffId", "is already in the team");
            }
            Staff person = staff.get(member.staffId());
            if (person == null || !person.active) {
                throw new PairingException.InvalidField(field + ".staffId", "names no active staff member");
            }
            if (!fits(member.teamRole(), person.role)) {
                throw new PairingException.InvalidField(field + ".teamRole",
                        "cannot be " + member.teamRole() + " for a staff member whose role is " + person.role);
            }
            if (person.schoolId != null && !person.schoolId.equals(studioSchoolId) && !residencySchoolIds.contains(person.schoolId)) {
                throw new PairingException.InvalidField(field + ".staffId", "works at a school outside this pairing");
            }
            if (member.teamRole() == TeamRole.STUDIO_TEACHER && !Objects.equals(person.schoolId, studioSchoolId)) {
                throw new PairingException.InvalidField(field + ".teamRole", "the studio teacher must teach at the studio school");
            }
        }
    }

    /** Warnings, not refusals: the district may run a smaller or larger team on purpose. */
    public static List<String> warnings(List<TeamMember> members, int usualMin, int usualMax) {
        List<String> warnings = new ArrayList<>();
        if (members.size() < usualMin || members.size() > usualMax) {
            warnings.add("The team has " + members.size() + " people; studio/residency teams usually have "
                    + usualMin + " to " + usualMax + ".");
        }
        for (TeamRole needed : List.of(TeamRole.CONSULTANT, TeamRole.CENTRAL_OFFICE_LEADER, TeamRole.STUDIO_TEACHER)) {
            if (members.stream().noneMatch(m -> m.teamRole() == needed)) {
                warnings.add("The team has no " + needed.name().toLowerCase().replace('_', ' ') + " yet.");
            }
        }
        return warnings;
    }

    static boolean fits(TeamRole teamRole, StaffRole role) {
        return switch (teamRole) {
            case PRINCIPAL -> role == StaffRole.PRINCIPAL;
            case ASSISTANT_PRINCIPAL -> role == StaffRole.ASSISTANT_PRINCIPAL;
            case LITERACY_COACH -> role.isLiteracyCoach();
            case STUDIO_TEACHER, RESIDENCY_TEACHER -> role == StaffRole.TEACHER;
            case CONSULTANT -> role == StaffRole.EXTERNAL_CONSULTANT;
            case CENTRAL_OFFICE_LEADER -> role == StaffRole.CENTRAL_OFFICE_LEADER;
            case DISTRICT_LITERACY_COACH -> role == StaffRole.DISTRICT_LITERACY_COACH;
        };
    }
}
