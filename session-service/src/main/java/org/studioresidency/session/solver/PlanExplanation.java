package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.score.analysis.ConstraintAnalysis;
import ai.timefold.solver.core.api.score.analysis.MatchAnalysis;
import ai.timefold.solver.core.api.score.analysis.ScoreAnalysis;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Why a plan scores what it does: the score of each constraint, and each penalised session with the reasons. */
public record PlanExplanation(String score, List<ConstraintScore> constraints, Map<UUID, List<Penalty>> sessions) {

    public record ConstraintScore(String constraint, String score, int matches) {
    }

    public record Penalty(String constraint, String score, String reason) {
    }

    public static PlanExplanation of(ScoreAnalysis<HardMediumSoftScore> analysis) {
        List<ConstraintScore> constraints = new ArrayList<>();
        Map<UUID, List<Penalty>> sessions = new LinkedHashMap<>();
        for (ConstraintAnalysis<HardMediumSoftScore> constraint : analysis.constraintMap().values()) {
            List<MatchAnalysis<HardMediumSoftScore>> matches = constraint.matches() == null ? List.of() : constraint.matches();
            if (constraint.score().isZero()) {
                continue;
            }
            constraints.add(new ConstraintScore(constraint.constraintName(), constraint.score().toString(), matches.size()));
            for (MatchAnalysis<HardMediumSoftScore> match : matches) {
                if (match.justification() instanceof ScheduleJustification why) {
                    for (UUID sessionId : why.sessionIds()) {
                        sessions.computeIfAbsent(sessionId, id -> new ArrayList<>())
                                .add(new Penalty(constraint.constraintName(), match.score().toString(), why.reason()));
                    }
                }
            }
        }
        constraints.sort(Comparator.comparing(ConstraintScore::constraint));
        return new PlanExplanation(analysis.score().toString(), constraints, sessions);
    }

    public List<Penalty> penaltiesOf(UUID sessionId) {
        return sessions.getOrDefault(sessionId, List.of());
    }

    /** The hard-rule penalties that involve this session. */
    public List<Penalty> hardPenaltiesOf(UUID sessionId) {
        return penaltiesOf(sessionId).stream().filter(p -> HardMediumSoftScore.parseScore(p.score()).hardScore() < 0).toList();
    }
}
