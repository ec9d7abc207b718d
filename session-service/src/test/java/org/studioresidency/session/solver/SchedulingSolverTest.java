package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class SchedulingSolverTest {

    @Test
    void shouldPlanASmallDistrictWithoutBreakingAnyHardRule() {
        GeneratedDistrict district = new GeneratedDistrict(6, 2, 180, 6, 6, 7);
        SolverFactory<SchedulePlan> factory = SolverFactory.create(SchedulingSolverConfig.untilFeasible(Duration.ofSeconds(60)));
        Solver<SchedulePlan> solver = factory.buildSolver();

        SchedulePlan plan = solver.solve(district.plan());

        assertThat(plan.getScore().hardScore()).isZero();
        assertThat(plan.getSessions()).allSatisfy(s -> assertThat(s.getSlot()).isNotNull());
    }

    @Test
    void shouldExplainEachPenalisedSessionByConstraintAndReason() {
        GeneratedDistrict district = new GeneratedDistrict(2, 1, 180, 6, 6, 7);
        SchedulePlan plan = district.plan();
        // Everything on the first day: the order, gap and double-booking rules must say so.
        plan.getSessions().forEach(s -> s.setSlot(district.slots.get(0)));
        SolutionManager<SchedulePlan, ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore> manager = SolutionManager.create(
                SolverFactory.create(SchedulingSolverConfig.untilFeasible(Duration.ofSeconds(1))));

        PlanExplanation explanation = PlanExplanation.of(manager.analyze(plan));

        assertThat(explanation.constraints()).extracting(PlanExplanation.ConstraintScore::constraint)
                .contains(ScheduleConstraints.NOBODY_IN_TWO_SESSIONS, ScheduleConstraints.ORDER_AND_MINIMUM_GAP);
        PlannedSession second = plan.getSessions().get(1);
        assertThat(explanation.penaltiesOf(second.getId()))
                .anySatisfy(p -> {
                    assertThat(p.constraint()).isEqualTo(ScheduleConstraints.ORDER_AND_MINIMUM_GAP);
                    assertThat(p.reason()).contains("at least 14 days apart");
                });
    }
}
