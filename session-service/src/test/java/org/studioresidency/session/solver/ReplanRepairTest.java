package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ReplanRepairTest {

    private static final SolverConfig UNTIL_FEASIBLE = SchedulingSolverConfig.untilFeasible(Duration.ofMinutes(1));

    @Test
    void shouldMoveOnlyTheBrokenSessionAndPinEveryPublishedOne() {
        SchedulePlan plan = SolverFactory.<SchedulePlan>create(UNTIL_FEASIBLE).buildSolver()
                .solve(new GeneratedDistrict(6, 2, 180, 6, 6, 11).plan());
        SolutionManager<SchedulePlan, HardMediumSoftScore> scores = SolutionManager.create(SolverFactory.create(UNTIL_FEASIBLE));
        Map<UUID, Slot> published = new HashMap<>();
        plan.getSessions().forEach(s -> {
            s.setPublishedSlot(s.getSlot());
            published.put(s.getId(), s.getSlot());
        });
        PlannedSession disrupted = plan.getSessions().get(plan.getSessions().size() / 2);
        disrupted.getConsultant().unavailableDates().add(disrupted.getSlot().date());

        ReplanRepair.Result result = ReplanRepair.repair(plan, scores);

        assertThat(result.broken()).containsExactly(disrupted.getId());
        assertThat(result.moved()).containsExactly(disrupted.getId());
        assertThat(scores.update(plan).hardScore()).isZero();
        assertThat(plan.getSessions()).filteredOn(s -> !s.getId().equals(disrupted.getId()))
                .allSatisfy(s -> assertThat(s.getSlot()).isEqualTo(published.get(s.getId())));
        assertThat(plan.getSessions()).allSatisfy(s -> assertThat(s.isPinned()).isTrue());
    }

    @Test
    void shouldStopAReplanAtTheFirstPlanAsGoodAsTheRepairOnHardAndMediumWithoutWaitingOnTheSoftScore() {
        SchedulePlan plan = SolverFactory.<SchedulePlan>create(UNTIL_FEASIBLE).buildSolver()
                .solve(new GeneratedDistrict(6, 2, 180, 6, 6, 11).plan());
        SolutionManager<SchedulePlan, HardMediumSoftScore> scores = SolutionManager.create(SolverFactory.create(UNTIL_FEASIBLE));
        Map<UUID, Slot> published = new HashMap<>();
        plan.getSessions().forEach(s -> {
            s.setPublishedSlot(s.getSlot());
            published.put(s.getId(), s.getSlot());
        });
        PlannedSession disrupted = plan.getSessions().get(plan.getSessions().size() / 2);
        disrupted.getConsultant().unavailableDates().add(disrupted.getSlot().date());
        ReplanRepair.repair(plan, scores);
        HardMediumSoftScore repaired = scores.update(plan);

        // The no-improvement and time limits are an hour: the re-plan returns only because the score limit stops it.
        TerminationConfig termination = SchedulingSolverConfig.afterRepair(repaired, Duration.ofHours(1), Duration.ofHours(1));
        SchedulePlan replanned = SolverFactory.<SchedulePlan>create(SchedulingSolverConfig.create(Duration.ofHours(1), Duration.ofHours(1))
                .withTerminationConfig(termination)).buildSolver().solve(plan);

        assertThat(termination.getBestScoreLimit()).isEqualTo("0hard/" + repaired.mediumScore() + "medium/*soft");
        assertThat(repaired.mediumScore()).isEqualTo(-disrupted.getPairing().members().size());
        assertThat(replanned.getScore().hardScore()).isZero();
        assertThat(replanned.getScore().mediumScore()).isEqualTo(repaired.mediumScore());
        assertThat(replanned.getSessions()).filteredOn(s -> !s.getSlot().equals(published.get(s.getId())))
                .extracting(PlannedSession::getId).containsExactly(disrupted.getId());
    }

    @Test
    void shouldLeaveAPlanWithoutPublishedSessionsToTheSolver() {
        SchedulePlan plan = new GeneratedDistrict(6, 2, 180, 6, 6, 11).plan();
        SolutionManager<SchedulePlan, HardMediumSoftScore> scores = SolutionManager.create(SolverFactory.create(UNTIL_FEASIBLE));

        ReplanRepair.Result result = ReplanRepair.repair(plan, scores);

        assertThat(result.moved()).isEmpty();
        assertThat(plan.getSessions()).noneMatch(PlannedSession::isPinned);
    }
}
