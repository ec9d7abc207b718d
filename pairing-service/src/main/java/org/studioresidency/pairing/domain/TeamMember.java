package org.studioresidency.pairing.domain;

import java.util.UUID;

/** One person in a pairing's team, as the team's history keeps it. */
public record TeamMember(UUID staffId, TeamRole teamRole) {
}
