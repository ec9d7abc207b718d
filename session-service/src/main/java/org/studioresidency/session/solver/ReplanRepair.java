package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.SolutionManager;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Re-planning a published year as a repair rather than a new plan: each session that breaks a hard rule moves to
 * its best-ranked slot (the ranking {@code /sessions/{id}/alternatives} shows), one at a time, until none breaks one;
 * then every published session is pinned where it now is, so the solver only places sessions that have no slot yet.
 * The sessions of a pairing that still has an unplaced session, or a broken session no slot could fix, stay free
 * (their order and gap may need them).
 */
public final class ReplanRepair {

    private ReplanRepair() {
    }

    /** What a repair did: the sessions it moved and those it could not fix. */
    public record Result(Set<UUID> broken, Set<UUID> moved, Set<UUID> unfixed) {
    }

    /** Repairs and pins; does nothing (and pins nothing) when no session is published. */
    public static Result repair(SchedulePlan plan, SolutionManager<SchedulePlan, HardMediumSoftScore> scores) {
        if (plan.getSessions().stream().noneMatch(s -> s.getPublishedSlot() != null)) {
            return new Result(Set.of(), Set.of(), Set.of());
        }
        Set<UUID> initiallyBroken = broken(plan, scores);
        Set<UUID> moved = new HashSet<>();
        Set<UUID> unfixed = new HashSet<>();
        for (int round = 0; round <= 2 * initiallyBroken.size(); round++) {
            Set<UUID> broken = broken(plan, scores);
            broken.removeAll(unfixed);
            PlannedSession session = plan.getSessions().stream()
                    .filter(s -> broken.contains(s.getId()) && !s.isPinned()).findFirst().orElse(null);
            if (session == null) {
                break;
            }
            Slot current = session.getSlot();
            session.setSlot(null);
            List<RecommendedAssignment<Slot, HardMediumSoftScore>> ranked =
                    scores.recommendAssignment(placed(plan, session), session, PlannedSession::getSlot);
            Slot best = ranked.stream()
                    .filter(r -> r.proposition() != null && !r.proposition().equals(current))
                    .filter(r -> r.scoreAnalysisDiff().score().hardScore() == 0)
                    .map(RecommendedAssignment::proposition).findFirst().orElse(null);
            if (best == null) {
                session.setSlot(current);
                unfixed.add(session.getId());
            } else {
                session.setSlot(best);
                moved.add(session.getId());
            }
        }
        Set<UUID> freePairings = new HashSet<>();
        for (PlannedSession session : plan.getSessions()) {
            if (session.getSlot() == null || unfixed.contains(session.getId())) {
                freePairings.add(session.getPairing().pairingId());
            }
        }
        for (PlannedSession session : plan.getSessions()) {
            if (session.getPublishedSlot() != null && session.getSlot() != null
                    && !freePairings.contains(session.getPairing().pairingId())) {
                session.setPinned(true);
            }
        }
        return new Result(initiallyBroken, moved, unfixed);
    }

    /** The ids of the placed sessions that break a hard rule as the plan stands. */
    public static Set<UUID> broken(SchedulePlan plan, SolutionManager<SchedulePlan, HardMediumSoftScore> scores) {
        PlanExplanation explanation = PlanExplanation.of(scores.analyze(placed(plan, null)));
        Set<UUID> broken = new HashSet<>();
        for (PlannedSession session : plan.getSessions()) {
            if (session.getSlot() != null && !explanation.hardPenaltiesOf(session.getId()).isEmpty()) {
                broken.add(session.getId());
            }
        }
        return broken;
    }

    /** The plan's placed sessions (and {@code also}, placed or not), sharing the plan's facts and session objects. */
    private static SchedulePlan placed(SchedulePlan plan, PlannedSession also) {
        List<PlannedSession> placed = new ArrayList<>();
        for (PlannedSession session : plan.getSessions()) {
            if (session.getSlot() != null || Objects.equals(session, also)) {
                placed.add(session);
            }
        }
        return new SchedulePlan(plan.getSlots(), plan.getSchoolBlackouts(), placed);
    }
}
