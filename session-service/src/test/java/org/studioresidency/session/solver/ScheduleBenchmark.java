package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.solver.RecommendedAssignment;
import ai.timefold.solver.core.api.solver.SolutionManager;
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
    /**
     * With {@code -Dbenchmark.wideCollision=true}, the new coach's teams are any two pairs that meet at a half-day, so
     * the coach is double-booked wherever else their sessions coincide too (the benchmark's disruption before it was
     * held to the two half-days): a larger repair.
     */
    private static final boolean WIDE_COLLISION = Boolean.getBoolean("benchmark.wideCollision");

    @Test
    void printFigures() {
        if (!Boolean.getBoolean("benchmark.replanOnly")) {
            report("small", new GeneratedDistrict(6, 2, 180, 6, 6, 11), false);
        }
        report("forty", new GeneratedDistrict(40, 5, 180, 6, 6, 11), true);
        report("large", new GeneratedDistrict(260, 30, 180, 32, 6, 11), true);
    }

    private static void report(String name, GeneratedDistrict district, boolean replan) {
        int unplaced = greedyFirstFit(new GeneratedDistrict(district.pairings.size(), district.consultants.size(), 180,
                district.slots.get(0).day().substituteCap(), 6, 11));
        System.out.printf("%n[%s] %d pairings, %d sessions, %d consultants, %d slots, daily substitute cap %d%n", name,
                district.pairings.size(), district.sessions.size(), district.consultants.size(), district.slots.size(),
                district.slots.get(0).day().substituteCap());
        System.out.printf("[%s] greedy first-fit baseline: %d of %d sessions could not be placed%n", name, unplaced,
                district.sessions.size());
        if (replan) {
            // Baseline: the same district planned by the rules without district-wide leveling (as before it existed).
            GeneratedDistrict same = new GeneratedDistrict(district.pairings.size(), district.consultants.size(), 180,
                    district.slots.get(0).day().substituteCap(), 6, 11);
            SchedulePlan baseline = firstPlan(name + " without leveling", same,
                    SchedulingSolverConfig.create(BUDGET, BUDGET).withConstraintProviderClass(WithoutLeveling.class));
            spread(name + " without leveling", baseline);
        }
        SolverConfig config = SchedulingSolverConfig.create(BUDGET, BUDGET);
        SchedulePlan plan = firstPlan(name, district, config);
        spread(name, plan);
        if (replan) {
            SolutionManager<SchedulePlan, HardMediumSoftScore> scores = SolutionManager.create(SolverFactory.create(config));
            disruption(name, plan, scores, false);
            disruption(name, plan, scores, true);
        }
    }

    /** Plans the district for {@link #BUDGET} and prints when the plan first broke no hard rule and its final score. */
    private static SchedulePlan firstPlan(String name, GeneratedDistrict district, SolverConfig config) {
        AtomicLong firstFeasibleMillis = new AtomicLong(-1);
        Solver<SchedulePlan> solver = SolverFactory.<SchedulePlan>create(
                config.withTerminationConfig(new TerminationConfig().withSpentLimit(BUDGET))).buildSolver();
        solver.addEventListener(event -> {
            if (event.getNewBestScore().isFeasible() && firstFeasibleMillis.get() < 0) {
                firstFeasibleMillis.set(event.getTimeMillisSpent());
            }
        });
        SchedulePlan plan = solver.solve(district.plan());
        System.out.printf("[%s] first feasible plan after %s ms; score after %d s: %s%n", name,
                firstFeasibleMillis.get() < 0 ? "never" : firstFeasibleMillis.get(), BUDGET.toSeconds(), plan.getScore());
        return plan;
    }

    /** The district's rules without {@link ScheduleConstraints#DISTRICT_WIDE_LEVELING}: the baseline plans. */
    public static class WithoutLeveling extends ScheduleConstraints {
        @Override
        public Constraint[] defineConstraints(ConstraintFactory factory) {
            return java.util.Arrays.stream(super.defineConstraints(factory))
                    .filter(c -> !c.getConstraintRef().constraintName().equals(DISTRICT_WIDE_LEVELING))
                    .toArray(Constraint[]::new);
        }
    }

    /**
     * Publishes the plan, breaks it (one session: its consultant becomes unavailable on its date; three: that, plus a
     * district coach newly on four teams, double-booked at two half-days), then repairs it three ways: as a planning
     * job now does ({@link ReplanRepair}, then the solver with the published sessions pinned), the greedy baseline
     * (each broken session to its best alternative, as {@code /alternatives} ranks them, with nothing pinned
     * afterwards), and the solver with every session free (stopping at the first plan that breaks no hard rule).
     * The plan is restored afterwards.
     */
    private static void disruption(String name, SchedulePlan plan, SolutionManager<SchedulePlan, HardMediumSoftScore> scores,
                                   boolean three) {
        Map<UUID, Slot> before = new HashMap<>();
        plan.getSessions().forEach(s -> {
            before.put(s.getId(), s.getSlot());
            s.setPublishedSlot(s.getSlot());
        });
        List<Runnable> undo = new ArrayList<>();
        PlannedSession cancelled = plan.getSessions().get(plan.getSessions().size() / 2);
        LocalDate cancelledDate = cancelled.getSlot().date();
        if (cancelled.getConsultant().unavailableDates().add(cancelledDate)) {
            undo.add(() -> cancelled.getConsultant().unavailableDates().remove(cancelledDate));
        }
        if (three) {
            Person coach = new Person(UUID.randomUUID(), "District coach (new)");
            List<PairingTeam> joined = collidingTeams(plan, 2);
            for (PairingTeam team : joined) {
                team.members().add(coach);
                undo.add(() -> team.members().remove(coach));
            }
        }
        Set<UUID> broken = ReplanRepair.broken(plan, scores);
        String label = name + "/" + (three ? "three" : "one");

        long started = System.nanoTime();
        ReplanRepair.Result repaired = ReplanRepair.repair(plan, scores);
        long repairOnlyMillis = (System.nanoTime() - started) / 1_000_000;
        // Then as a planning job does (PlanningService.start): no solver when every session is pinned, otherwise the
        // solver, stopping as a re-plan job's does (PlanningService.termination).
        SchedulePlan repairedPlan = plan;
        boolean solverRan = !ReplanRepair.nothingLeftToPlan(plan);
        if (solverRan) {
            SolverConfig afterRepair = SchedulingSolverConfig.create(Duration.ofSeconds(20), Duration.ofMinutes(5))
                    .withTerminationConfig(SchedulingSolverConfig.afterRepair(scores.update(plan), Duration.ofSeconds(20), Duration.ofMinutes(5)));
            repairedPlan = SolverFactory.<SchedulePlan>create(afterRepair).buildSolver().solve(plan);
        } else {
            plan.setScore(scores.update(plan));
        }
        long repairMillis = (System.nanoTime() - started) / 1_000_000;
        long repairOthers = repairedPlan.getSessions().stream().filter(s -> !broken.contains(s.getId()))
                .filter(s -> !s.getSlot().equals(before.get(s.getId()))).count();
        long repairBroken = repairedPlan.getSessions().stream().filter(s -> broken.contains(s.getId()))
                .filter(s -> !s.getSlot().equals(before.get(s.getId()))).count();
        System.out.printf("[%s] re-plan as a planning job does (ReplanRepair %d ms, %s): %d ms, "
                        + "%d sessions broke a rule, moved %d of them and %d others, %d left unfixed, score %s%n",
                label, repairOnlyMillis, solverRan ? "then the solver with published sessions pinned" : "every session pinned: no solver run",
                repairMillis, broken.size(), repairBroken, repairOthers, repaired.unfixed().size(), repairedPlan.getScore());
        publishAndVerify(label, repairedPlan, before);
        plan.getSessions().forEach(s -> s.setPinned(false));
        restore(plan, before);

        started = System.nanoTime();
        int greedyMoves = greedyRepair(plan, scores, before);
        long greedyMillis = (System.nanoTime() - started) / 1_000_000;
        HardMediumSoftScore greedyScore = scores.update(plan);
        restore(plan, before);

        SolverConfig free = SchedulingSolverConfig.create(Duration.ofSeconds(1), Duration.ofSeconds(30))
                .withTerminationConfig(new TerminationConfig().withBestScoreLimit("0hard/*medium/*soft")
                        .withSpentLimit(Duration.ofSeconds(30)));
        long start = System.nanoTime();
        SchedulePlan replanned = SolverFactory.<SchedulePlan>create(free).buildSolver().solve(plan);
        long millis = (System.nanoTime() - start) / 1_000_000;
        long movedBroken = replanned.getSessions().stream().filter(s -> broken.contains(s.getId()))
                .filter(s -> !s.getSlot().equals(before.get(s.getId()))).count();
        long movedOthers = replanned.getSessions().stream().filter(s -> !broken.contains(s.getId()))
                .filter(s -> !s.getSlot().equals(before.get(s.getId()))).count();
        System.out.printf("[%s] re-plan with every session free (stops at the first plan breaking no hard rule): %d ms, "
                        + "moved %d broken and %d others, score %s%n", label, millis, movedBroken, movedOthers, replanned.getScore());
        restore(plan, before);
        System.out.printf("[%s] greedy repair: %d moves, %d ms, score %s%n", label, greedyMoves, greedyMillis, greedyScore);
        undo.forEach(Runnable::run);
        plan.getSessions().forEach(s -> s.setPublishedSlot(null));
    }

    /**
     * Publishes the re-plan as {@code POST /planning-jobs/{id}/publication} does, all moves at once (every session's
     * published slot becomes its new one), then scores it afresh: it must break no hard rule, owe no change to a published
     * session and leave no session breaking a rule. The publication itself (one transaction, rules checked again against
     * the year as it is now) is {@code PlanningJobTest}'s subject.
     */
    private static void publishAndVerify(String label, SchedulePlan replanned, Map<UUID, Slot> before) {
        Map<UUID, Slot> published = new HashMap<>();
        replanned.getSessions().forEach(s -> published.put(s.getId(), s.getPublishedSlot()));
        replanned.getSessions().forEach(s -> {
            s.setPublishedSlot(s.getSlot());
            s.setPinned(false);
        });
        SolutionManager<SchedulePlan, HardMediumSoftScore> fresh = SolutionManager.create(
                SolverFactory.create(SchedulingSolverConfig.create(BUDGET, BUDGET)));
        HardMediumSoftScore score = fresh.update(replanned);
        int stillBroken = ReplanRepair.broken(replanned, fresh).size();
        long moves = replanned.getSessions().stream().filter(s -> !s.getSlot().equals(before.get(s.getId()))).count();
        System.out.printf("[%s] published the re-plan (%d moves applied together) and verified it: score %s, %d sessions breaking a rule%n",
                label, moves, score, stillBroken);
        if (score.hardScore() != 0 || score.mediumScore() != 0 || stillBroken != 0) {
            throw new AssertionError(label + ": the published re-plan breaks a rule: " + score);
        }
        replanned.getSessions().forEach(s -> s.setPublishedSlot(published.get(s.getId())));
    }

    /**
     * For {@code collisions} half-days, the teams of two sessions held then by pairings that share nobody, chosen so that
     * a person joining all these teams is double-booked at exactly those half-days (the disruption: a team change
     * that double-books a district coach at two half-days), not at every other half-day where their sessions happen to
     * coincide.
     */
    private static List<PairingTeam> collidingTeams(SchedulePlan plan, int collisions) {
        Map<Slot, List<PlannedSession>> bySlot = new java.util.LinkedHashMap<>();
        plan.getSessions().forEach(s -> bySlot.computeIfAbsent(s.getSlot(), k -> new ArrayList<>()).add(s));
        Map<PairingTeam, Set<Slot>> slotsOf = new HashMap<>();
        plan.getSessions().forEach(s -> slotsOf.computeIfAbsent(s.getPairing(), k -> new HashSet<>()).add(s.getSlot()));
        List<PairingTeam> teams = new ArrayList<>();
        for (List<PlannedSession> together : bySlot.values()) {
            if (teams.size() >= 2 * collisions) {
                break;
            }
            pair:
            for (int i = 0; i < together.size(); i++) {
                for (int j = i + 1; j < together.size(); j++) {
                    PairingTeam a = together.get(i).getPairing();
                    PairingTeam b = together.get(j).getPairing();
                    if (!teams.contains(a) && !teams.contains(b) && a.sharedWith(b).isEmpty()
                            && (WIDE_COLLISION || sharedSlots(slotsOf, List.of(a, b)) == 1
                            && sharedSlots(slotsOf, concat(teams, a, b)) == teams.size() / 2 + 1)) {
                        teams.add(a);
                        teams.add(b);
                        break pair;
                    }
                }
            }
        }
        return teams;
    }

    /** How many half-days hold sessions of two or more of these teams. */
    private static long sharedSlots(Map<PairingTeam, Set<Slot>> slotsOf, List<PairingTeam> teams) {
        Map<Slot, Integer> count = new HashMap<>();
        teams.forEach(t -> slotsOf.get(t).forEach(slot -> count.merge(slot, 1, Integer::sum)));
        return count.values().stream().filter(c -> c > 1).count();
    }

    private static List<PairingTeam> concat(List<PairingTeam> teams, PairingTeam a, PairingTeam b) {
        List<PairingTeam> all = new ArrayList<>(teams);
        all.add(a);
        all.add(b);
        return all;
    }

    /** Moves each session that breaks a hard rule to its best-ranked slot, one at a time, until none breaks one. */
    private static int greedyRepair(SchedulePlan plan, SolutionManager<SchedulePlan, HardMediumSoftScore> scores,
                                    Map<UUID, Slot> before) {
        for (int round = 0; round < plan.getSessions().size(); round++) {
            Set<UUID> broken = ReplanRepair.broken(plan, scores);
            if (broken.isEmpty()) {
                break;
            }
            PlannedSession session = plan.getSessions().stream().filter(s -> broken.contains(s.getId())).findFirst().orElseThrow();
            Slot current = session.getSlot();
            session.setSlot(null);
            List<RecommendedAssignment<Slot, HardMediumSoftScore>> ranked =
                    scores.recommendAssignment(plan, session, PlannedSession::getSlot,
                            ai.timefold.solver.core.api.solver.ScoreAnalysisFetchPolicy.FETCH_SHALLOW);
            session.setSlot(ranked.stream().map(RecommendedAssignment::proposition).filter(java.util.Objects::nonNull)
                    .filter(p -> !p.equals(current)).findFirst().orElse(current));
        }
        return (int) plan.getSessions().stream().filter(s -> !s.getSlot().equals(before.get(s.getId()))).count();
    }

    private static void restore(SchedulePlan plan, Map<UUID, Slot> before) {
        plan.getSessions().forEach(s -> s.setSlot(before.get(s.getId())));
    }

    /** Sessions per month against the month's share of instructional days, and the median gap between a pairing's sessions. */
    private static void spread(String name, SchedulePlan plan) {
        Map<java.time.YearMonth, Integer> sessions = new java.util.TreeMap<>();
        Map<java.time.YearMonth, Integer> days = new java.util.TreeMap<>();
        plan.getSlots().stream().filter(s -> s.halfDay() == org.studioresidency.session.domain.HalfDay.AM && s.day().instructional())
                .forEach(s -> days.merge(java.time.YearMonth.from(s.date()), 1, Integer::sum));
        plan.getSessions().forEach(s -> sessions.merge(java.time.YearMonth.from(s.getSlot().date()), 1, Integer::sum));
        int totalDays = days.values().stream().mapToInt(Integer::intValue).sum();
        int total = plan.getSessions().size();
        double worst = 0;
        StringBuilder histogram = new StringBuilder();
        for (Map.Entry<java.time.YearMonth, Integer> month : days.entrySet()) {
            int count = sessions.getOrDefault(month.getKey(), 0);
            double share = (double) total * month.getValue() / totalDays;
            worst = Math.max(worst, count / share);
            histogram.append(String.format(" %s %d (share %.0f)", month.getKey().getMonth().toString().substring(0, 3), count, share));
        }
        List<Long> gaps = new ArrayList<>();
        Map<UUID, List<PlannedSession>> byPairing = new HashMap<>();
        plan.getSessions().forEach(s -> byPairing.computeIfAbsent(s.getPairing().pairingId(), k -> new ArrayList<>()).add(s));
        for (List<PlannedSession> own : byPairing.values()) {
            own.sort(Comparator.comparingInt(PlannedSession::getNumber));
            for (int i = 1; i < own.size(); i++) {
                gaps.add(java.time.temporal.ChronoUnit.DAYS.between(own.get(i - 1).getSlot().date(), own.get(i).getSlot().date()));
            }
        }
        gaps.sort(Comparator.naturalOrder());
        System.out.printf("[%s] sessions per month:%s; max/share %.2f; median gap between a pairing's sessions %d days%n",
                name, histogram, worst, gaps.get(gaps.size() / 2));
        // Weekly leveling: each week's load (sessions plus substitute half-days) against its share by open days.
        Map<LocalDate, Integer> load = new HashMap<>();
        plan.getSessions().forEach(s -> load.merge(ScheduleConstraints.weekOf(s.getSlot().date()), ScheduleConstraints.load(s), Integer::sum));
        double worstWeek = 0;
        int weeks = 0;
        int over = 0;
        StringBuilder weekly = new StringBuilder();
        for (InstructionalWeek week : plan.getWeeks()) {
            if (week.share() == 0) {
                continue;
            }
            double ratio = (double) load.getOrDefault(week.monday(), 0) / week.share();
            worstWeek = Math.max(worstWeek, ratio);
            weeks++;
            over += ratio > 1.25 ? 1 : 0;
            weekly.append(String.format(" %.2f", ratio));
        }
        System.out.printf("[%s] weekly load (sessions + substitute half-days) / share by open days: max %.2f, %d of %d weeks more than"
                + " 25%% over their share; by week:%s%n", name, worstWeek, over, weeks, weekly);
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
