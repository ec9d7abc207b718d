package org.studioresidency.session.solver;

import java.util.UUID;

/** Someone who takes part in a pairing's sessions. */
public record Person(UUID staffId, String name) {
}
