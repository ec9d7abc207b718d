package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.score.stream.ConstraintJustification;

import java.util.List;
import java.util.UUID;

/** Why a constraint penalised these sessions, in the district's words. */
public record ScheduleJustification(List<UUID> sessionIds, String reason) implements ConstraintJustification {

    public static ScheduleJustification of(PlannedSession session, String reason) {
        return new ScheduleJustification(List.of(session.getId()), reason);
    }
}
