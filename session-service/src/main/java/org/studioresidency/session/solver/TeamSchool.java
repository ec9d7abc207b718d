package org.studioresidency.session.solver;

import java.util.UUID;

/** A school whose people take part in a pairing's sessions: the studio school (host) or a residency school (travels). */
public record TeamSchool(UUID schoolId, String name, boolean studio) {

    public String describe() {
        return name + (studio ? " (studio school)" : " (residency school)");
    }
}
