package org.studioresidency.session.solver;

import ai.timefold.solver.core.config.solver.termination.TerminationCompositionStyle;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class FirstPlanTerminationTest {

    /** A plateau while hard rules are broken (seen at 200 schools: -5hard after 4.7 s with a 3 s limit) is no reason to stop. */
    @Test
    void shouldNotGiveUpAFirstPlanOnAPlateauWhileItBreaksAHardRule() {
        TerminationConfig termination = SchedulingSolverConfig.firstPlan(Duration.ofSeconds(3), Duration.ofSeconds(90));

        assertThat(termination.getTerminationCompositionStyle()).isEqualTo(TerminationCompositionStyle.OR);
        assertThat(termination.getSpentLimit()).isEqualTo(Duration.ofSeconds(90));
        assertThat(termination.getUnimprovedSpentLimit()).isNull();
        TerminationConfig plateau = termination.getTerminationConfigList().get(0);
        assertThat(plateau.getTerminationCompositionStyle()).isEqualTo(TerminationCompositionStyle.AND);
        assertThat(plateau.getBestScoreFeasible()).isTrue();
        assertThat(plateau.getUnimprovedSpentLimit()).isEqualTo(Duration.ofSeconds(3));
    }
}
