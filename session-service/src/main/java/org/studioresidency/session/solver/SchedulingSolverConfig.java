package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.config.solver.EnvironmentMode;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationCompositionStyle;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;

import java.time.Duration;
import java.util.List;

/** The solver set up for session scheduling; the caller says when it should stop. */
public final class SchedulingSolverConfig {

    private SchedulingSolverConfig() {
    }

    /**
     * Once a plan breaks no hard rule, stops when it has not improved for {@code unimproved}; after {@code limit} at the
     * latest. A plan that still breaks a hard rule is never given up for a plateau: the soft rules (district-wide
     * leveling among them) can hold the search on one for seconds before it finds the way to a feasible plan.
     */
    public static SolverConfig create(Duration unimproved, Duration limit) {
        return new SolverConfig()
                .withSolutionClass(SchedulePlan.class)
                .withEntityClasses(PlannedSession.class)
                .withConstraintProviderClass(ScheduleConstraints.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withTerminationConfig(firstPlan(unimproved, limit));
    }

    /** How a first plan stops: see {@link #create}. */
    public static TerminationConfig firstPlan(Duration unimproved, Duration limit) {
        return new TerminationConfig()
                .withTerminationCompositionStyle(TerminationCompositionStyle.OR)
                .withSpentLimit(limit)
                .withTerminationConfigList(List.of(new TerminationConfig()
                        .withTerminationCompositionStyle(TerminationCompositionStyle.AND)
                        .withBestScoreFeasible(true)
                        .withUnimprovedSpentLimit(unimproved)));
    }

    /**
     * How a re-plan of a published year stops, once {@link ReplanRepair} has moved the broken sessions and pinned the
     * published ones: at the first plan that breaks no hard rule and changes people's calendars no more than the repair
     * did ({@code repaired}'s medium score: the pinned moves cannot be undone, so no better medium is to be had from
     * them), without waiting for {@code unimproved} on the soft score; {@code unimproved} and {@code limit} only stop a
     * re-plan that cannot get there (a session the repair could not fix).
     */
    public static TerminationConfig afterRepair(HardMediumSoftScore repaired, Duration unimproved, Duration limit) {
        return new TerminationConfig()
                .withBestScoreLimit("0hard/" + repaired.mediumScore() + "medium/*soft")
                .withUnimprovedSpentLimit(unimproved)
                .withSpentLimit(limit);
    }

    /** Stops as soon as a plan breaks no hard rule (for tests and the first feasible plan). */
    public static SolverConfig untilFeasible(Duration limit) {
        return new SolverConfig()
                .withSolutionClass(SchedulePlan.class)
                .withEntityClasses(PlannedSession.class)
                .withConstraintProviderClass(ScheduleConstraints.class)
                .withEnvironmentMode(EnvironmentMode.REPRODUCIBLE)
                .withTerminationConfig(new TerminationConfig()
                        .withBestScoreLimit("0hard/*medium/*soft")
                        .withSpentLimit(limit));
    }
}
