package org.studioresidency.session.service;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolutionManager;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.api.solver.SolverManager;
import ai.timefold.solver.core.config.solver.SolverManagerConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.session.config.PlanningConfig;
import org.studioresidency.session.solver.PlanExplanation;
import org.studioresidency.session.solver.SchedulePlan;
import org.studioresidency.session.solver.SchedulingSolverConfig;

import java.util.UUID;

/** The configured solver: runs planning jobs in the background and scores single plans on demand. */
@ApplicationScoped
public class SessionSolver {

    private final SolverManager<SchedulePlan, UUID> solverManager;
    private final SolutionManager<SchedulePlan, HardMediumSoftScore> solutionManager;

    SessionSolver(PlanningConfig config) {
        SolverFactory<SchedulePlan> factory = SolverFactory.create(
                SchedulingSolverConfig.create(config.unimprovedLimit(), config.timeLimit()));
        this.solverManager = SolverManager.create(factory,
                new SolverManagerConfig().withParallelSolverCount(String.valueOf(config.parallelJobs())));
        this.solutionManager = SolutionManager.create(factory);
    }

    public SolverManager<SchedulePlan, UUID> manager() {
        return solverManager;
    }

    public SolutionManager<SchedulePlan, HardMediumSoftScore> solutions() {
        return solutionManager;
    }

    public PlanExplanation explain(SchedulePlan plan) {
        return PlanExplanation.of(solutionManager.analyze(plan));
    }

    @PreDestroy
    void close() {
        solverManager.close();
    }
}
