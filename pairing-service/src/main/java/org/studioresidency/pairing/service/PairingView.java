package org.studioresidency.pairing.service;

import org.studioresidency.pairing.domain.Pairing;
import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.TeamVersion;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A pairing with what a reader needs alongside it: its schools, current team, the team's people and warnings. */
public record PairingView(Pairing pairing, School studio, List<School> residencies, TeamVersion team, Map<UUID, Staff> staff,
                          List<String> warnings) {
}
