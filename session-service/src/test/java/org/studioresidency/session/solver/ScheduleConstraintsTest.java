package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.test.api.score.stream.ConstraintVerifier;
import org.junit.jupiter.api.Test;
import org.studioresidency.session.domain.HalfDay;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

import static org.assertj.core.api.Assertions.assertThat;

class ScheduleConstraintsTest {

    private static final ConstraintVerifier<ScheduleConstraints, SchedulePlan> VERIFIER =
            ConstraintVerifier.build(new ScheduleConstraints(), SchedulePlan.class, PlannedSession.class);

    private static final LocalDate TUESDAY = LocalDate.of(2026, 11, 3);
    private static final Person CONSULTANT = new Person(UUID.randomUUID(), "Dr. Helen Ward");
    private static final Person SHARED_LEADER = new Person(UUID.randomUUID(), "Robert Kim");
    private static final ConsultantCalendar HELEN = new ConsultantCalendar(CONSULTANT.staffId(), CONSULTANT.name(),
            Set.of(), Set.of(TUESDAY.plusDays(1)), 2);
    private static final PairingTeam GARFIELD = team("Garfield / Lincoln", 3, CONSULTANT, SHARED_LEADER);
    private static final PairingTeam ROOSEVELT = team("Roosevelt / Adams", 2, SHARED_LEADER);
    private static final PairingTeam HAWTHORNE = team("Hawthorne / Ellis", 2);

    @Test
    void shouldPenaliseASessionOnANonInstructionalDay() {
        SchoolDay holiday = new SchoolDay(TUESDAY, false, false, false, false, true, 10);
        VERIFIER.verifyThat(ScheduleConstraints::instructionalDay)
                .given(session(GARFIELD, 1, new Slot(holiday, HalfDay.AM)), session(GARFIELD, 2, am(TUESDAY)))
                .penalizesBy(1);
        scores(ScheduleConstraints::instructionalDay, HardMediumSoftScore.ofHard(-1),
                session(GARFIELD, 1, new Slot(holiday, HalfDay.AM)), session(GARFIELD, 2, am(TUESDAY)));
    }

    @Test
    void shouldPenaliseASessionInADistrictBlackout() {
        SchoolDay testing = new SchoolDay(TUESDAY, true, true, false, false, true, 10);
        VERIFIER.verifyThat(ScheduleConstraints::districtBlackout)
                .given(session(GARFIELD, 1, new Slot(testing, HalfDay.AM)), session(GARFIELD, 2, am(TUESDAY.plusDays(7))))
                .penalizesBy(1);
        scores(ScheduleConstraints::districtBlackout, HardMediumSoftScore.ofHard(-1),
                session(GARFIELD, 1, new Slot(testing, HalfDay.AM)), session(GARFIELD, 2, am(TUESDAY.plusDays(7))));
    }

    @Test
    void shouldPenaliseASessionOnTheHostSchoolsBlackout() {
        VERIFIER.verifyThat(ScheduleConstraints::schoolBlackout)
                .given(session(GARFIELD, 1, am(TUESDAY)), session(ROOSEVELT, 1, am(TUESDAY)),
                        new SchoolBlackout(GARFIELD.hostSchoolId(), TUESDAY, "state reading test"))
                .penalizesBy(1);
        scores(ScheduleConstraints::schoolBlackout, HardMediumSoftScore.ofHard(-1),
                session(GARFIELD, 1, am(TUESDAY)), session(ROOSEVELT, 1, am(TUESDAY)),
                new SchoolBlackout(GARFIELD.hostSchoolId(), TUESDAY, "state reading test"));
    }

    @Test
    void shouldPenaliseASessionOnTheBlackoutOfEachTravellingResidencySchool() {
        TeamSchool studio = new TeamSchool(UUID.randomUUID(), "Jefferson Elementary", true);
        TeamSchool lincoln = new TeamSchool(UUID.randomUUID(), "Lincoln Elementary", false);
        TeamSchool adams = new TeamSchool(UUID.randomUUID(), "Adams Elementary", false);
        PairingTeam twoResidencies = new PairingTeam(UUID.randomUUID(), "Jefferson / Lincoln / Adams", studio.schoolId(),
                List.of(studio, lincoln, adams), GARFIELD.members(), 3, 14);
        PlannedSession onBothBlackouts = new PlannedSession(UUID.randomUUID(), twoResidencies, 1, null, TUESDAY, am(TUESDAY));
        PlannedSession elsewhere = session(ROOSEVELT, 1, am(TUESDAY));
        SchoolBlackout lincolnTesting = new SchoolBlackout(lincoln.schoolId(), TUESDAY, "Lincoln's state reading test");
        SchoolBlackout adamsConcert = new SchoolBlackout(adams.schoolId(), TUESDAY, "Adams spring concert");
        SchoolBlackout otherDay = new SchoolBlackout(studio.schoolId(), TUESDAY.plusDays(1), null);

        VERIFIER.verifyThat(ScheduleConstraints::schoolBlackout)
                .given(onBothBlackouts, elsewhere, lincolnTesting, adamsConcert, otherDay)
                .penalizesBy(2);
        scores(ScheduleConstraints::schoolBlackout, HardMediumSoftScore.ofHard(-2),
                onBothBlackouts, elsewhere, lincolnTesting, adamsConcert, otherDay);
    }

    @Test
    void shouldPenaliseAnAfternoonSessionOnAnEarlyReleaseDay() {
        SchoolDay earlyRelease = new SchoolDay(TUESDAY, true, false, true, false, true, 10);
        VERIFIER.verifyThat(ScheduleConstraints::noAfternoonOnEarlyRelease)
                .given(session(GARFIELD, 1, new Slot(earlyRelease, HalfDay.PM)),
                        session(ROOSEVELT, 1, new Slot(earlyRelease, HalfDay.AM)))
                .penalizesBy(1);
        scores(ScheduleConstraints::noAfternoonOnEarlyRelease, HardMediumSoftScore.ofHard(-1),
                session(GARFIELD, 1, new Slot(earlyRelease, HalfDay.PM)), session(ROOSEVELT, 1, new Slot(earlyRelease, HalfDay.AM)));
    }

    @Test
    void shouldPenaliseEachPersonInTwoSessionsInTheSameHalfDay() {
        Slot slot = am(TUESDAY);
        VERIFIER.verifyThat(ScheduleConstraints::nobodyInTwoSessions)
                .given(session(GARFIELD, 1, slot), session(ROOSEVELT, 1, slot), session(HAWTHORNE, 1, slot),
                        session(ROOSEVELT, 2, new Slot(slot.day(), HalfDay.PM)))
                .penalizesBy(1);
    }

    @Test
    void shouldPenaliseTwoSessionsSharingTwoPeopleOnceForEachOfThem() {
        Person coach = new Person(UUID.randomUUID(), "Dana Ortiz");
        PairingTeam alder = team("Alder / Birch", 2, CONSULTANT, coach);
        PairingTeam cedar = team("Cedar / Dogwood", 2, CONSULTANT, coach);
        Slot slot = am(TUESDAY);

        VERIFIER.verifyThat(ScheduleConstraints::nobodyInTwoSessions)
                .given(session(alder, 1, slot), session(cedar, 1, slot), session(HAWTHORNE, 1, slot))
                .penalizesBy(2);
        scores(ScheduleConstraints::nobodyInTwoSessions, HardMediumSoftScore.ofHard(-2),
                session(alder, 1, slot), session(cedar, 1, slot), session(HAWTHORNE, 1, slot));
    }

    @Test
    void shouldPenaliseASessionOnADayTheConsultantIsUnavailable() {
        VERIFIER.verifyThat(ScheduleConstraints::consultantAvailable)
                .given(session(GARFIELD, 1, am(TUESDAY.plusDays(1))), session(GARFIELD, 2, am(TUESDAY)))
                .penalizesBy(1);
        scores(ScheduleConstraints::consultantAvailable, HardMediumSoftScore.ofHard(-1),
                session(GARFIELD, 1, am(TUESDAY.plusDays(1))), session(GARFIELD, 2, am(TUESDAY)));
        assertThat(HELEN.unavailability(TUESDAY.plusDays(1))).hasValueSatisfying(why -> assertThat(why).contains("unavailable dates"));
    }

    @Test
    void shouldPenaliseASessionOutsideTheConsultantsContractedDays() {
        ConsultantCalendar contracted = new ConsultantCalendar(UUID.randomUUID(), "Ines Duarte", Set.of(TUESDAY), Set.of(), 3);
        VERIFIER.verifyThat(ScheduleConstraints::consultantAvailable)
                .given(new PlannedSession(UUID.randomUUID(), HAWTHORNE, 1, contracted, TUESDAY, am(TUESDAY)),
                        new PlannedSession(UUID.randomUUID(), HAWTHORNE, 2, contracted, TUESDAY, am(TUESDAY.plusDays(2))))
                .penalizesBy(1);
        scores(ScheduleConstraints::consultantAvailable, HardMediumSoftScore.ofHard(-1),
                new PlannedSession(UUID.randomUUID(), HAWTHORNE, 1, contracted, TUESDAY, am(TUESDAY)),
                new PlannedSession(UUID.randomUUID(), HAWTHORNE, 2, contracted, TUESDAY, am(TUESDAY.plusDays(2))));
        assertThat(contracted.unavailability(TUESDAY.plusDays(2))).hasValueSatisfying(why -> assertThat(why).contains("outside"));
    }

    @Test
    void shouldLetAConsultantWithoutTermsWorkAnyWeekdayUpToTheDefaultWeeklyMaximum() {
        ConsultantCalendar noTerms = ConsultantCalendar.withoutTerms(UUID.randomUUID(), "Sam Okafor");
        List<PlannedSession> week = new java.util.ArrayList<>();
        for (int i = 0; i <= ConsultantCalendar.DEFAULT_MAX_SESSIONS_PER_WEEK; i++) {
            week.add(new PlannedSession(UUID.randomUUID(), HAWTHORNE, i + 1, noTerms, TUESDAY, am(TUESDAY.minusDays(1).plusDays(i))));
        }

        scores(ScheduleConstraints::consultantAvailable, HardMediumSoftScore.ZERO, week.toArray());
        scores(ScheduleConstraints::consultantWeeklyMaximum, HardMediumSoftScore.ofHard(-1), week.toArray());
    }

    @Test
    void shouldPenaliseEachSessionOverTheConsultantsWeeklyMaximum() {
        VERIFIER.verifyThat(ScheduleConstraints::consultantWeeklyMaximum)
                .given(session(GARFIELD, 1, am(TUESDAY)), session(GARFIELD, 2, pm(TUESDAY)),
                        session(GARFIELD, 3, am(TUESDAY.plusDays(2))), session(GARFIELD, 4, am(TUESDAY.plusDays(3))),
                        session(GARFIELD, 5, am(TUESDAY.plusDays(7))))
                .penalizesBy(2);
        scores(ScheduleConstraints::consultantWeeklyMaximum, HardMediumSoftScore.ofHard(-2),
                session(GARFIELD, 1, am(TUESDAY)), session(GARFIELD, 2, pm(TUESDAY)),
                session(GARFIELD, 3, am(TUESDAY.plusDays(2))), session(GARFIELD, 4, am(TUESDAY.plusDays(3))),
                session(GARFIELD, 5, am(TUESDAY.plusDays(7))));
    }

    @Test
    void shouldCountAConsultantsWeekFromMondayToSunday() {
        LocalDate monday = TUESDAY.minusDays(1);
        scores(ScheduleConstraints::consultantWeeklyMaximum, HardMediumSoftScore.ZERO,
                session(GARFIELD, 1, am(monday.minusDays(3))), session(GARFIELD, 2, am(monday.minusDays(1))),
                session(GARFIELD, 3, am(monday)), session(GARFIELD, 4, am(monday.plusDays(6))));
        scores(ScheduleConstraints::consultantWeeklyMaximum, HardMediumSoftScore.ofHard(-1),
                session(GARFIELD, 1, am(monday)), session(GARFIELD, 2, am(monday.plusDays(4))),
                session(GARFIELD, 3, am(monday.plusDays(6))));
    }

    @Test
    void shouldPenaliseEachSubstituteHalfDayOverTheDailyCap() {
        SchoolDay tight = SchoolDay.instructional(TUESDAY, 4);
        VERIFIER.verifyThat(ScheduleConstraints::substituteCap)
                .given(session(GARFIELD, 1, new Slot(tight, HalfDay.AM)), session(HAWTHORNE, 1, new Slot(tight, HalfDay.PM)),
                        session(ROOSEVELT, 1, am(TUESDAY.plusDays(1))))
                .penalizesBy(1);
    }

    @Test
    void shouldPenaliseTheDailySubstituteCapOncePerSubstituteHalfDayOverIt() {
        SchoolDay tighter = SchoolDay.instructional(TUESDAY, GARFIELD.substitutesNeeded());
        scores(ScheduleConstraints::substituteCap, HardMediumSoftScore.ofHard(-HAWTHORNE.substitutesNeeded()),
                session(GARFIELD, 1, new Slot(tighter, HalfDay.AM)), session(HAWTHORNE, 1, new Slot(tighter, HalfDay.PM)),
                session(ROOSEVELT, 1, am(TUESDAY.plusDays(1))));
    }

    @Test
    void shouldPenaliseSessionsOfAPairingOutOfOrderOrCloserThanTheMinimumGap() {
        VERIFIER.verifyThat(ScheduleConstraints::orderAndMinimumGap)
                .given(session(GARFIELD, 1, am(TUESDAY)), session(GARFIELD, 2, am(TUESDAY.plusDays(10))),
                        session(GARFIELD, 3, am(TUESDAY.plusDays(30))),
                        session(ROOSEVELT, 1, am(TUESDAY.plusDays(14))), session(ROOSEVELT, 2, am(TUESDAY)))
                .penalizesBy(4 + 28);
        scores(ScheduleConstraints::orderAndMinimumGap, HardMediumSoftScore.ofHard(-(4 + 28)),
                session(GARFIELD, 1, am(TUESDAY)), session(GARFIELD, 2, am(TUESDAY.plusDays(10))),
                session(GARFIELD, 3, am(TUESDAY.plusDays(30))),
                session(ROOSEVELT, 1, am(TUESDAY.plusDays(14))), session(ROOSEVELT, 2, am(TUESDAY)));
    }

    @Test
    void shouldCountTheMinimumGapInCalendarDaysWeekendsIncluded() {
        LocalDate friday = TUESDAY.plusDays(3);
        scores(ScheduleConstraints::orderAndMinimumGap, HardMediumSoftScore.ZERO,
                session(GARFIELD, 1, am(friday)), session(GARFIELD, 2, am(friday.plusDays(GARFIELD.minDaysBetweenSessions()))));
        scores(ScheduleConstraints::orderAndMinimumGap, HardMediumSoftScore.ofHard(-1),
                session(GARFIELD, 1, am(friday)), session(GARFIELD, 2, am(friday.plusDays(GARFIELD.minDaysBetweenSessions() - 1))));
    }

    @Test
    void shouldPenaliseMovingAPublishedSessionOncePerPersonWhoseCalendarChanges() {
        PlannedSession moved = session(GARFIELD, 1, am(TUESDAY));
        moved.setPublishedSlot(pm(TUESDAY));
        PlannedSession kept = session(GARFIELD, 2, am(TUESDAY.plusDays(20)));
        kept.setPublishedSlot(am(TUESDAY.plusDays(20)));
        VERIFIER.verifyThat(ScheduleConstraints::unchangedPublished)
                .given(moved, kept, session(ROOSEVELT, 1, am(TUESDAY)))
                .penalizesBy(GARFIELD.members().size());
        scores(ScheduleConstraints::unchangedPublished, HardMediumSoftScore.ofMedium(-GARFIELD.members().size()),
                moved, kept, session(ROOSEVELT, 1, am(TUESDAY)));
    }

    @Test
    void shouldPenaliseEachDayAwayFromTheEvenlySpacedDate() {
        VERIFIER.verifyThat(ScheduleConstraints::spreadEvenly)
                .given(new PlannedSession(UUID.randomUUID(), GARFIELD, 1, HELEN, TUESDAY.minusDays(5), am(TUESDAY)),
                        new PlannedSession(UUID.randomUUID(), GARFIELD, 2, HELEN, TUESDAY, am(TUESDAY)))
                .penalizesBy(5);
        scores(ScheduleConstraints::spreadEvenly, HardMediumSoftScore.ofSoft(-5),
                new PlannedSession(UUID.randomUUID(), GARFIELD, 1, HELEN, TUESDAY.minusDays(5), am(TUESDAY)),
                new PlannedSession(UUID.randomUUID(), GARFIELD, 2, HELEN, TUESDAY, am(TUESDAY)));
    }

    @Test
    void shouldPenaliseASessionOnAWeekdayTheDistrictDoesNotPrefer() {
        SchoolDay friday = new SchoolDay(TUESDAY.plusDays(3), true, false, false, false, false, 10);
        VERIFIER.verifyThat(ScheduleConstraints::preferredWeekdays)
                .given(session(GARFIELD, 1, new Slot(friday, HalfDay.AM)), session(GARFIELD, 2, am(TUESDAY)))
                .penalizesBy(1);
        scores(ScheduleConstraints::preferredWeekdays, HardMediumSoftScore.ofSoft(-5),
                session(GARFIELD, 1, new Slot(friday, HalfDay.AM)), session(GARFIELD, 2, am(TUESDAY)));
    }

    @Test
    void shouldPenaliseASessionNextToABreak() {
        SchoolDay beforeThanksgiving = new SchoolDay(TUESDAY.plusDays(21), true, false, false, true, true, 10);
        VERIFIER.verifyThat(ScheduleConstraints::avoidBreakEdges)
                .given(session(GARFIELD, 1, new Slot(beforeThanksgiving, HalfDay.AM)), session(GARFIELD, 2, am(TUESDAY)))
                .penalizesBy(1);
        scores(ScheduleConstraints::avoidBreakEdges, HardMediumSoftScore.ofSoft(-5),
                session(GARFIELD, 1, new Slot(beforeThanksgiving, HalfDay.AM)), session(GARFIELD, 2, am(TUESDAY)));
    }

    @Test
    void shouldPenaliseAConsultantsSessionsPilingUpInOneWeek() {
        VERIFIER.verifyThat(ScheduleConstraints::balancedConsultantLoad)
                .given(session(GARFIELD, 1, am(TUESDAY)), session(GARFIELD, 2, pm(TUESDAY)),
                        session(GARFIELD, 3, am(TUESDAY.plusDays(2))), session(GARFIELD, 4, am(TUESDAY.plusDays(7))))
                .penalizesBy(4);
        scores(ScheduleConstraints::balancedConsultantLoad, HardMediumSoftScore.ofSoft(-4),
                session(GARFIELD, 1, am(TUESDAY)), session(GARFIELD, 2, pm(TUESDAY)),
                session(GARFIELD, 3, am(TUESDAY.plusDays(2))), session(GARFIELD, 4, am(TUESDAY.plusDays(7))));
    }

    @Test
    void shouldPenaliseTheSquareOfEachWeeksDistrictLoadOverItsShare() {
        // Garfield's sessions weigh 4 (the session and 3 substitute half-days), Roosevelt's 3: the week of TUESDAY carries
        // 4 + 4 + 3 = 11 against a share of 9 (2 over: 4 points); the next week's 4 is under its share of 9.
        InstructionalWeek thisWeek = new InstructionalWeek(ScheduleConstraints.weekOf(TUESDAY), 5, 9);
        InstructionalWeek nextWeek = new InstructionalWeek(ScheduleConstraints.weekOf(TUESDAY.plusDays(7)), 5, 9);
        Object[] facts = {session(GARFIELD, 1, am(TUESDAY)), session(GARFIELD, 2, pm(TUESDAY.plusDays(1))),
                session(ROOSEVELT, 1, am(TUESDAY.plusDays(2))), session(GARFIELD, 3, am(TUESDAY.plusDays(7))), thisWeek, nextWeek};
        VERIFIER.verifyThat(ScheduleConstraints::districtWideLeveling).given(facts).penalizesBy(4);
        scores(ScheduleConstraints::districtWideLeveling, HardMediumSoftScore.ofSoft(-4), facts);
    }

    @Test
    void shouldShareTheDistrictsLoadOutOverTheWeeksByTheirDaysThatCanHoldASession() {
        // A week of 5 open days and a week with 2 (a testing Wednesday, Thursday and Friday off): 14 units of load shared 10 and 4.
        LocalDate monday = ScheduleConstraints.weekOf(TUESDAY);
        List<Slot> slots = new java.util.ArrayList<>();
        for (int d = 0; d < 12; d++) {
            LocalDate date = monday.plusDays(d);
            if (date.getDayOfWeek().getValue() <= 5) {
                boolean off = d == 10 || d == 11;
                slots.add(new Slot(new SchoolDay(date, !off, d == 9, false, false, true, 10), HalfDay.AM));
            }
        }
        List<PlannedSession> sessions = List.of(session(GARFIELD, 1, am(TUESDAY)), session(GARFIELD, 2, am(TUESDAY.plusDays(7))),
                session(ROOSEVELT, 1, am(TUESDAY)), session(ROOSEVELT, 2, am(TUESDAY.plusDays(7))));

        assertThat(InstructionalWeek.of(slots, sessions)).containsExactly(
                new InstructionalWeek(monday, 5, 10), new InstructionalWeek(monday.plusDays(7), 2, 4));
    }

    /** Checks the score the one rule gives, so that a change of the rule's weight (not only of its matches) fails. */
    private static void scores(BiFunction<ScheduleConstraints, ConstraintFactory, Constraint> rule, HardMediumSoftScore expected,
                               Object... facts) {
        ScheduleConstraints constraints = new ScheduleConstraints();
        ConstraintVerifier.build((ConstraintProvider) factory -> new Constraint[]{rule.apply(constraints, factory)},
                        SchedulePlan.class, PlannedSession.class)
                .verifyThat().given(facts).scores(expected);
    }

    private static PairingTeam team(String label, int teachers, Person... alsoOnTheTeam) {
        List<Person> members = new java.util.ArrayList<>(List.of(alsoOnTheTeam));
        for (int i = 0; i < teachers + 3; i++) {
            members.add(new Person(UUID.randomUUID(), label + " member " + i));
        }
        return new PairingTeam(UUID.randomUUID(), label, UUID.randomUUID(), members, teachers, 14);
    }

    private static PlannedSession session(PairingTeam team, int number, Slot slot) {
        ConsultantCalendar consultant = team == GARFIELD ? HELEN : null;
        return new PlannedSession(UUID.randomUUID(), team, number, consultant, slot.date(), slot);
    }

    private static Slot am(LocalDate date) {
        return new Slot(SchoolDay.instructional(date, 10), HalfDay.AM);
    }

    private static Slot pm(LocalDate date) {
        return new Slot(SchoolDay.instructional(date, 10), HalfDay.PM);
    }
}
