package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintCollectors;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import org.studioresidency.session.domain.HalfDay;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.stream.Collectors;

/** The district's scheduling rules: hard ones first, then what makes a good year. */
public class ScheduleConstraints implements ConstraintProvider {

    public static final String INSTRUCTIONAL_DAY = "Instructional day";
    public static final String DISTRICT_BLACKOUT = "Outside district blackouts";
    public static final String SCHOOL_BLACKOUT = "Outside every participating school's blackouts";
    public static final String NO_PM_ON_EARLY_RELEASE = "No afternoon on early-release days";
    public static final String NOBODY_IN_TWO_SESSIONS = "Nobody in two sessions in the same half-day";
    public static final String CONSULTANT_AVAILABLE = "Consultant available";
    public static final String CONSULTANT_WEEKLY_MAXIMUM = "Consultant within weekly maximum";
    public static final String SUBSTITUTE_CAP = "Daily substitute cap";
    public static final String ORDER_AND_MINIMUM_GAP = "Sessions in order and the minimum gap apart";
    public static final String UNCHANGED_PUBLISHED = "Few changes to published sessions";
    public static final String SPREAD_EVENLY = "Sessions spread evenly across the year";
    public static final String PREFERRED_WEEKDAYS = "Preferred weekdays";
    public static final String AVOID_BREAK_EDGES = "Avoid days next to breaks";
    public static final String BALANCED_CONSULTANT_LOAD = "Balanced consultant load";
    public static final String DISTRICT_WIDE_LEVELING = "District-wide load level across the weeks";

    /**
     * Weight of {@link #DISTRICT_WIDE_LEVELING} per squared unit over a week's share. Chosen so that a week well over its
     * share (the district bunched around the same evenly spaced dates) costs more than moving a session a few weeks
     * from its evenly spaced date, while a week a unit or two over costs less than a day's move: see the README's
     * Benchmark for the median gap it keeps.
     */
    public static final HardMediumSoftScore LEVELING_WEIGHT = HardMediumSoftScore.ofSoft(1);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory factory) {
        return new Constraint[]{
                instructionalDay(factory),
                districtBlackout(factory),
                schoolBlackout(factory),
                noAfternoonOnEarlyRelease(factory),
                nobodyInTwoSessions(factory),
                consultantAvailable(factory),
                consultantWeeklyMaximum(factory),
                substituteCap(factory),
                orderAndMinimumGap(factory),
                unchangedPublished(factory),
                spreadEvenly(factory),
                preferredWeekdays(factory),
                avoidBreakEdges(factory),
                balancedConsultantLoad(factory),
                districtWideLeveling(factory)
        };
    }

    /** Sessions happen only on days students are in school. */
    Constraint instructionalDay(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(s -> !s.getSlot().day().instructional())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((s, score) -> ScheduleJustification.of(s, s.getSlot().date() + " is not an instructional day"))
                .asConstraint(INSTRUCTIONAL_DAY);
    }

    /** No session during a district-wide blackout such as a testing window. */
    Constraint districtBlackout(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(s -> s.getSlot().day().districtBlackout())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((s, score) -> ScheduleJustification.of(s, s.getSlot().date() + " is a district blackout date"))
                .asConstraint(DISTRICT_BLACKOUT);
    }

    /**
     * No session on a date any participating school has blacked out: the studio school hosts, and the residency
     * schools' teams travel to it, so each school's blackouts count; one penalty per school blacked out.
     */
    Constraint schoolBlackout(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .join(SchoolBlackout.class,
                        Joiners.equal(s -> s.getSlot().date(), SchoolBlackout::date),
                        Joiners.filtering((s, b) -> s.getPairing().takesPart(b.schoolId())))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((s, b, score) -> ScheduleJustification.of(s,
                        s.getPairing().school(b.schoolId()).map(TeamSchool::describe).orElse("a participating school")
                                + " has blacked out " + b.date() + (b.reason() == null ? "" : " (" + b.reason() + ")")))
                .asConstraint(SCHOOL_BLACKOUT);
    }

    /** Early-release days have no afternoon with students. */
    Constraint noAfternoonOnEarlyRelease(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(s -> s.getSlot().halfDay() == HalfDay.PM && s.getSlot().day().earlyRelease())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((s, score) -> ScheduleJustification.of(s,
                        s.getSlot().date() + " is an early-release day: no afternoon session"))
                .asConstraint(NO_PM_ON_EARLY_RELEASE);
    }

    /**
     * A person (consultant, leader, principal, coach, teacher) can be in one session per half-day; one penalty per
     * person in both sessions.
     */
    Constraint nobodyInTwoSessions(ConstraintFactory factory) {
        return factory.forEachUniquePair(PlannedSession.class, Joiners.equal(PlannedSession::getSlot))
                .filter((a, b) -> !a.getPairing().sharedWith(b.getPairing()).isEmpty())
                .penalize(HardMediumSoftScore.ONE_HARD, (a, b) -> a.getPairing().sharedWith(b.getPairing()).size())
                .justifyWith((a, b, score) -> new ScheduleJustification(List.of(a.getId(), b.getId()),
                        names(a.getPairing().sharedWith(b.getPairing())) + " would be in " + a.describe()
                                + " and in " + b.describe() + " at the same time"))
                .asConstraint(NOBODY_IN_TWO_SESSIONS);
    }

    /** A consultant works only on contracted days and never on their unavailable dates. */
    Constraint consultantAvailable(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(s -> s.getConsultant() != null && !s.getConsultant().availableOn(s.getSlot().date()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((s, score) -> ScheduleJustification.of(s,
                        s.getConsultant().name() + " is not available on " + s.getSlot().date() + ": "
                                + s.getConsultant().unavailability(s.getSlot().date()).orElse("")))
                .asConstraint(CONSULTANT_AVAILABLE);
    }

    /**
     * A consultant leads at most their contracted number of sessions in a week, Monday to Sunday (without terms: the
     * default maximum); one penalty per session over.
     */
    Constraint consultantWeeklyMaximum(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(s -> s.getConsultant() != null)
                .groupBy(PlannedSession::getConsultant, s -> weekOf(s.getSlot().date()), ConstraintCollectors.toList())
                .filter((consultant, week, sessions) -> sessions.size() > consultant.maxSessionsPerWeek())
                .penalize(HardMediumSoftScore.ONE_HARD,
                        (consultant, week, sessions) -> sessions.size() - consultant.maxSessionsPerWeek())
                .justifyWith((consultant, week, sessions, score) -> new ScheduleJustification(
                        sessions.stream().map(PlannedSession::getId).toList(),
                        consultant.name() + " would lead " + sessions.size() + " sessions in the week of Monday " + week
                                + " to Sunday " + week.plusDays(6) + ", more than their weekly maximum of "
                                + consultant.maxSessionsPerWeek()))
                .asConstraint(CONSULTANT_WEEKLY_MAXIMUM);
    }

    /**
     * The teachers released on one day never need more substitute half-days than the district has for the programme
     * that day; one penalty per substitute half-day over the cap.
     */
    Constraint substituteCap(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(s -> s.getPairing().substitutesNeeded() > 0)
                .groupBy(s -> s.getSlot().day(), ConstraintCollectors.toList())
                .filter((day, sessions) -> substitutes(sessions) > day.substituteCap())
                .penalize(HardMediumSoftScore.ONE_HARD, (day, sessions) -> substitutes(sessions) - day.substituteCap())
                .justifyWith((day, sessions, score) -> new ScheduleJustification(
                        sessions.stream().map(PlannedSession::getId).toList(),
                        substitutes(sessions) + " substitute half-days would be needed on " + day.date()
                                + ", more than the cap of " + day.substituteCap()))
                .asConstraint(SUBSTITUTE_CAP);
    }

    /**
     * A pairing's next session comes after the previous one, at least the minimum gap later, counted in calendar days
     * (weekends and breaks count: 14 means two weeks from one visit's date to the next); one penalty per day short.
     */
    Constraint orderAndMinimumGap(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .join(PlannedSession.class, Joiners.equal(PlannedSession::nextKey, PlannedSession::key))
                .filter((previous, next) -> daysBetween(previous, next) < previous.getPairing().minDaysBetweenSessions())
                .penalize(HardMediumSoftScore.ONE_HARD,
                        (previous, next) -> (int) (previous.getPairing().minDaysBetweenSessions() - daysBetween(previous, next)))
                .justifyWith((previous, next, score) -> new ScheduleJustification(List.of(previous.getId(), next.getId()),
                        next.describe() + " would be " + daysBetween(previous, next) + " calendar days after "
                                + previous.describe() + "; a pairing's sessions must be in order and at least "
                                + previous.getPairing().minDaysBetweenSessions()
                                + " days apart (calendar days: weekends and breaks count)"))
                .asConstraint(ORDER_AND_MINIMUM_GAP);
    }

    /**
     * On re-planning, a session people already have in their calendars stays where it is if at all possible; one
     * penalty per person whose calendar the move changes (a published session of 15 people costs 15, a planned one 0).
     */
    Constraint unchangedPublished(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(PlannedSession::movedFromPublishedSlot)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, s -> Math.max(1, s.getPairing().members().size()))
                .justifyWith((s, score) -> ScheduleJustification.of(s,
                        s.describe() + " was published for " + s.getPublishedSlot() + "; moving it changes the calendars of "
                                + s.getPairing().members().size() + " people"))
                .asConstraint(UNCHANGED_PUBLISHED);
    }

    /** Sessions are spread through the year rather than bunched; one point per day away from the even spacing. */
    Constraint spreadEvenly(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(s -> s.daysFromIdeal() > 0)
                .penalize(HardMediumSoftScore.ONE_SOFT, s -> (int) s.daysFromIdeal())
                .justifyWith((s, score) -> ScheduleJustification.of(s,
                        s.describe() + " is " + s.daysFromIdeal() + " days from its evenly spaced date " + s.getIdealDate()))
                .asConstraint(SPREAD_EVENLY);
    }

    /** Schools prefer some weekdays for visits (a district setting). */
    Constraint preferredWeekdays(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(s -> !s.getSlot().day().preferredWeekday())
                .penalize(HardMediumSoftScore.ofSoft(5))
                .justifyWith((s, score) -> ScheduleJustification.of(s,
                        s.getSlot().date().getDayOfWeek() + " is not a preferred weekday"))
                .asConstraint(PREFERRED_WEEKDAYS);
    }

    /** Days right before or after a break see absences and distracted classes. */
    Constraint avoidBreakEdges(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(s -> s.getSlot().day().adjacentToBreak())
                .penalize(HardMediumSoftScore.ofSoft(5))
                .justifyWith((s, score) -> ScheduleJustification.of(s, s.getSlot().date() + " is next to a break"))
                .asConstraint(AVOID_BREAK_EDGES);
    }

    /** A consultant's sessions are spread over the weeks instead of piling up in some (squared extra sessions per week). */
    Constraint balancedConsultantLoad(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .filter(s -> s.getConsultant() != null)
                .groupBy(PlannedSession::getConsultant, s -> weekOf(s.getSlot().date()), ConstraintCollectors.toList())
                .filter((consultant, week, sessions) -> sessions.size() > 1)
                .penalize(HardMediumSoftScore.ONE_SOFT,
                        (consultant, week, sessions) -> (sessions.size() - 1) * (sessions.size() - 1))
                .justifyWith((consultant, week, sessions, score) -> new ScheduleJustification(
                        sessions.stream().map(PlannedSession::getId).toList(),
                        consultant.name() + " has " + sessions.size() + " sessions in the week of " + week))
                .asConstraint(BALANCED_CONSULTANT_LOAD);
    }

    /**
     * The district's load (each session one, plus one per substitute half-day it needs) is spread over the weeks in
     * proportion to their days that can hold a session, so consultants, directors and the substitute pool are not idle
     * for weeks and at their cap on others; each pairing's own spacing is {@link #SPREAD_EVENLY}'s. Penalty: the square
     * of the load over the week's share (a week under its share costs nothing), times {@link #LEVELING_WEIGHT}.
     */
    Constraint districtWideLeveling(ConstraintFactory factory) {
        return factory.forEach(PlannedSession.class)
                .groupBy(s -> weekOf(s.getSlot().date()), ConstraintCollectors.sum(ScheduleConstraints::load))
                .join(InstructionalWeek.class, Joiners.equal((week, load) -> week, InstructionalWeek::monday))
                .filter((week, load, share) -> load > share.share())
                .penalize(LEVELING_WEIGHT, (week, load, share) -> (load - share.share()) * (load - share.share()))
                .justifyWith((week, load, share, score) -> new ScheduleJustification(List.of(),
                        "the week of Monday " + week + " would carry " + load + " sessions and substitute half-days, more than its"
                                + " share of " + share.share() + " (" + share.openDays() + " days that can hold a session)"))
                .asConstraint(DISTRICT_WIDE_LEVELING);
    }

    /** A session's weight in the district's weekly load: itself and each substitute half-day it needs. */
    static int load(PlannedSession session) {
        return 1 + session.getPairing().substitutesNeeded();
    }

    static LocalDate weekOf(LocalDate date) {
        return date.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    private static long daysBetween(PlannedSession previous, PlannedSession next) {
        return ChronoUnit.DAYS.between(previous.getSlot().date(), next.getSlot().date());
    }

    private static int substitutes(List<PlannedSession> sessions) {
        return sessions.stream().mapToInt(s -> s.getPairing().substitutesNeeded()).sum();
    }

    private static String names(List<Person> people) {
        return people.stream().map(Person::name).collect(Collectors.joining(", "));
    }
}
