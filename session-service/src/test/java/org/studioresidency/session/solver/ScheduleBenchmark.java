package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.solver.Solver;
import ai.timefold.solver.core.api.solver.SolverFactory;
import ai.timefold.solver.core.config.solver.SolverConfig;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: prints how the solver does on generated districts. Run with
 * {@code ./mvnw -q -pl session-service test -Dtest=ScheduleBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class ScheduleBenchmark {

    private static final Duration BUDGET = Duration.ofSeconds(30);

    @Test
    void printFigures() {
        report("small", new GeneratedDistrict(6, 2, 180, 6, 6, 11), false);
        report("large", new GeneratedDistrict(260, 30, 180, 32, 6, 11), true);
    }

    private static void report(String name, GeneratedDistrict district, boolean replan) {
        int unplaced = greedyFirstFit(new GeneratedDistrict(district.pairings.size(), district.consultants.size(), 180,
                district.slots.get(0).day().substituteCap(), 6, 11));
        AtomicLong firstFeasibleMillis = new AtomicLong(-1);
        SolverConfig config = SchedulingSolverConfig.create(BUDGET, BUDGET)
                .withTerminationConfig(new TerminationConfig().withSpentLimit(BUDGET));
        Solver<SchedulePlan> solver = SolverFactory.<SchedulePlan>create(config).buildSolver();
        solver.addEventListener(event -> {
            if (event.getNewBestScore().isFeasible() && firstFeasibleMillis.get() < 0) {
                firstFeasibleMillis.set(event.getTimeMillisSpent());
            }
        });
        SchedulePlan plan = solver.solve(district.plan());
        System.out.printf("%n[%s] %d pairings, %d sessions, %d consultants, %d slots, daily substitute cap %d%n", name,
                district.pairings.size(), district.sessions.size(), district.consultants.size(), district.slots.size(),
                district.slots.get(0).day().substituteCap());
        System.out.printf("[%s] first feasible plan after %s ms; score after %d s: %s%n", name,
                firstFeasibleMillis.get() < 0 ? "never" : firstFeasibleMillis.get(), BUDGET.toSeconds(), plan.getScore());
        System.out.printf("[%s] greedy first-fit baseline: %d of %d sessions could not be placed%n", name, unplaced,
                district.sessions.size());
        if (replan) {
            replanAfterCancellation(name, plan);
        }
    }

    /** The consultant of one published session cancels that day; the session is re-placed with everything else published. */
    private static void replanAfterCancellation(String name, SchedulePlan plan) {
        PlannedSession cancelled = plan.getSessions().get(plan.getSessions().size() / 2);
        cancelled.getConsultant().unavailableDates().add(cancelled.getSlot().date());
        for (PlannedSession session : plan.getSessions()) {
            session.setPublishedSlot(session.getSlot());
        }
        cancelled.setPublishedSlot(null);
        cancelled.setSlot(null);
        Map<UUID, Slot> before = new HashMap<>();
        plan.getSessions().forEach(s -> before.put(s.getId(), s.getSlot()));
        SolverConfig config = SchedulingSolverConfig.create(Duration.ofSeconds(1), Duration.ofSeconds(10))
                .withTerminationConfig(new TerminationConfig()
                        .withBestScoreLimit("0hard/0medium/*soft")
                        .withSpentLimit(Duration.ofSeconds(10)));
        long start = System.nanoTime();
        SchedulePlan replanned = SolverFactory.<SchedulePlan>create(config).buildSolver().solve(plan);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long moved = replanned.getSessions().stream()
                .filter(s -> !s.getId().equals(cancelled.getId()))
                .filter(s -> !s.getSlot().equals(before.get(s.getId())))
                .count();
        Slot newSlot = replanned.getSessions().stream().filter(s -> s.getId().equals(cancelled.getId())).findFirst()
                .map(PlannedSession::getSlot).orElse(null);
        System.out.printf("[%s] re-plan after one cancellation: %d ms, %d other sessions moved, score %s, session moved to %s%n",
                name, millis, moved, replanned.getScore(), newSlot);
    }

    /** Places each session in the first slot (from its evenly spaced date on) that breaks no hard rule; returns how many it cannot place. */
    static int greedyFirstFit(GeneratedDistrict district) {
        Set<String> booked = new HashSet<>();
        Map<String, Integer> consultantWeek = new HashMap<>();
        Map<LocalDate, Integer> substitutes = new HashMap<>();
        Map<UUID, LocalDate> previous = new HashMap<>();
        Set<String> blackouts = new HashSet<>();
        district.schoolBlackouts.forEach(b -> blackouts.add(b.schoolId() + "/" + b.date()));
        List<PlannedSession> order = new ArrayList<>(district.sessions);
        order.sort(Comparator.comparingInt(PlannedSession::getNumber));
        int unplaced = 0;
        for (PlannedSession session : order) {
            PairingTeam team = session.getPairing();
            LocalDate earliest = previous.containsKey(team.pairingId())
                    ? previous.get(team.pairingId()).plusDays(team.minDaysBetweenSessions()) : GeneratedDistrict.FIRST_DAY;
            Slot chosen = null;
            for (Slot slot : district.slots) {
                SchoolDay day = slot.day();
                if (slot.date().isBefore(earliest) || slot.date().isBefore(session.getIdealDate().minusDays(10))
                        || !day.instructional() || day.districtBlackout()
                        || (day.earlyRelease() && slot.halfDay() == org.studioresidency.session.domain.HalfDay.PM)
                        || blackouts.contains(team.hostSchoolId() + "/" + slot.date())
                        || !session.getConsultant().availableOn(slot.date())
                        || consultantWeek.getOrDefault(session.getConsultant().staffId() + "/" + week(slot.date()), 0)
                        >= session.getConsultant().maxSessionsPerWeek()
                        || substitutes.getOrDefault(slot.date(), 0) + team.substitutesNeeded() > day.substituteCap()
                        || team.members().stream().anyMatch(p -> booked.contains(p.staffId() + "/" + slot))) {
                    continue;
                }
                chosen = slot;
                break;
            }
            if (chosen == null) {
                unplaced++;
                continue;
            }
            Slot slot = chosen;
            team.members().forEach(p -> booked.add(p.staffId() + "/" + slot));
            consultantWeek.merge(session.getConsultant().staffId() + "/" + week(slot.date()), 1, Integer::sum);
            substitutes.merge(slot.date(), team.substitutesNeeded(), Integer::sum);
            previous.put(team.pairingId(), slot.date());
        }
        return unplaced;
    }

    private static LocalDate week(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

}
