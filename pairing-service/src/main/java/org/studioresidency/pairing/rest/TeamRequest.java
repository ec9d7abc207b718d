package org.studioresidency.pairing.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.pairing.domain.TeamMember;
import org.studioresidency.pairing.domain.TeamRole;

import java.util.List;
import java.util.UUID;

@Schema(description = "The pairing's whole new team; outside 11-15 people the answer carries a warning", example = """
        {"members": [{"staffId": "5d0c0000-0000-4000-8000-000000000010", "teamRole": "CONSULTANT"}],
         "note": "Consultant contracted for the year"}""")
public record TeamRequest(@NotNull @Size(max = 60) List<@Valid @NotNull MemberRequest> members, @Size(max = 2000) String note) {

    public record MemberRequest(@NotNull UUID staffId, @NotNull TeamRole teamRole) {
    }

    List<TeamMember> toMembers() {
        return members.stream().map(m -> new TeamMember(m.staffId(), m.teamRole())).toList();
    }
}
