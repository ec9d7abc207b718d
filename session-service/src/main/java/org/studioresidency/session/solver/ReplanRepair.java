package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy;
import ai.timefold.solver.core.api.solver.SolutionManager;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
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

    /**
     * Repairs and pins; does nothing (and pins nothing) when no session is published.
     * <p>
     * Why it is fast on a district of 1,560 sessions: the plan is analysed once. A move never adds a hard penalty (only
     * a slot whose placement adds none is taken) and taking a session away from a slot never creates one, so the
     * sessions breaking a rule can only become fewer: each is looked at once, in plan order; whether it still breaks one
     * is read from a ranking of its current week (the entry for its current slot), and only then are its open weeks
     * ranked for a new slot. The rankings are
     * computed with scores only ({@link ScoreAnalysisFetchPolicy#FETCH_SHALLOW}: no justifications, about 4x
     * cheaper) on the weeks the pairing's order and minimum gap leave open between its previous and next session (every
     * other slot would break that hard rule, so it could never be chosen), with only the sessions of those weeks
     * ({@link #neighbourhood}).
     */
    public static Result repair(SchedulePlan plan, SolutionManager<SchedulePlan, HardMediumSoftScore> scores) {
        if (plan.getSessions().stream().noneMatch(s -> s.getPublishedSlot() != null)) {
            return new Result(Set.of(), Set.of(), Set.of());
        }
        Set<UUID> initiallyBroken = broken(plan, scores);
        Map<PlannedSession.SessionKey, PlannedSession> byKey = new HashMap<>();
        plan.getSessions().forEach(s -> byKey.put(s.key(), s));
        Set<UUID> moved = new HashSet<>();
        Set<UUID> unfixed = new HashSet<>();
        for (PlannedSession session : List.copyOf(plan.getSessions())) {
            if (!initiallyBroken.contains(session.getId()) || session.isPinned()) {
                continue;
            }
            Slot current = session.getSlot();
            session.setSlot(null);
            // Whether it still breaks a rule where it is (an earlier move may have fixed it): its current week alone says.
            boolean stillBroken = scores.recommendAssignment(neighbourhood(plan, session, current, byKey, true), session,
                            PlannedSession::getSlot, ScoreAnalysisFetchPolicy.FETCH_SHALLOW).stream()
                    .filter(r -> current.equals(r.proposition()))
                    .anyMatch(r -> r.scoreAnalysisDiff().score().hardScore() < 0);
            Slot best = !stillBroken ? null : scores.recommendAssignment(neighbourhood(plan, session, current, byKey, false),
                            session, PlannedSession::getSlot, ScoreAnalysisFetchPolicy.FETCH_SHALLOW).stream()
                    .filter(r -> r.proposition() != null && !r.proposition().equals(current))
                    .filter(r -> r.scoreAnalysisDiff().score().hardScore() == 0)
                    .map(RecommendedAssignment::proposition).findFirst().orElse(null);
            if (!stillBroken) {
                session.setSlot(current);
            } else if (best == null) {
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

    /** True when the repair left no session for the solver to place or move: every one is pinned. */
    public static boolean nothingLeftToPlan(SchedulePlan plan) {
        return plan.getSessions().stream().allMatch(s -> s.isPinned() && s.getSlot() != null);
    }

    /** The ids of the placed sessions that break a hard rule as the plan stands. */
    public static Set<UUID> broken(SchedulePlan plan, SolutionManager<SchedulePlan, HardMediumSoftScore> scores) {
        PlanExplanation explanation = PlanExplanation.of(scores.analyze(placed(plan)));
        Set<UUID> broken = new HashSet<>();
        for (PlannedSession session : plan.getSessions()) {
            if (session.getSlot() != null && !explanation.hardPenaltiesOf(session.getId()).isEmpty()) {
                broken.add(session.getId());
            }
        }
        return broken;
    }

    /**
     * The part of the plan that decides where the session can go: the weeks from the first day its pairing's order and
     * minimum gap leave open (its previous session's date plus the gap) to the last (its next session's date minus the
     * gap), and the week of its current slot, with every placed session in those weeks and the pairing's own sessions.
     * Every rule that involves the session looks only at sessions in the same half-day, day or Monday-to-Sunday week,
     * or at its pairing's sessions, so placing it scores the same here as in the whole plan; the slots ranked are those
     * weeks' slots (and those of the pairing's sessions, which the solver requires in the value range). With
     * {@code currentWeekOnly}, only the week of its current slot: enough to tell whether it breaks a rule there.
     */
    private static SchedulePlan neighbourhood(SchedulePlan plan, PlannedSession session, Slot current,
                                              Map<PlannedSession.SessionKey, PlannedSession> byKey, boolean currentWeekOnly) {
        int gap = session.getPairing().minDaysBetweenSessions();
        PlannedSession previous = byKey.get(new PlannedSession.SessionKey(session.getPairing().pairingId(), session.getNumber() - 1));
        PlannedSession next = byKey.get(session.nextKey());
        LocalDate from = previous == null || previous.getSlot() == null ? LocalDate.MIN
                : ScheduleConstraints.weekOf(previous.getSlot().date().plusDays(gap));
        LocalDate to = next == null || next.getSlot() == null ? LocalDate.MAX
                : ScheduleConstraints.weekOf(next.getSlot().date().minusDays(gap)).plusDays(6);
        LocalDate currentWeek = ScheduleConstraints.weekOf(current.date());
        java.util.function.Predicate<LocalDate> inside = date -> ScheduleConstraints.weekOf(date).equals(currentWeek)
                || (!currentWeekOnly && !date.isBefore(from) && !date.isAfter(to));
        List<PlannedSession> sessions = new ArrayList<>();
        Set<Slot> slots = new java.util.LinkedHashSet<>();
        for (Slot slot : plan.getSlots()) {
            if (inside.test(slot.date())) {
                slots.add(slot);
            }
        }
        for (PlannedSession other : plan.getSessions()) {
            if (other == session) {
                sessions.add(other);
            } else if (other.getSlot() != null
                    && (inside.test(other.getSlot().date()) || other.getPairing().pairingId().equals(session.getPairing().pairingId()))) {
                sessions.add(other);
                slots.add(other.getSlot());
            }
        }
        return new SchedulePlan(List.copyOf(slots), plan.getSchoolBlackouts(), sessions, plan.getWeeks());
    }

    /** The plan's placed sessions, sharing the plan's facts and session objects. */
    private static SchedulePlan placed(SchedulePlan plan) {
        List<PlannedSession> placed = plan.getSessions().stream().filter(s -> s.getSlot() != null).toList();
        return new SchedulePlan(plan.getSlots(), plan.getSchoolBlackouts(), placed, plan.getWeeks());
    }
}
