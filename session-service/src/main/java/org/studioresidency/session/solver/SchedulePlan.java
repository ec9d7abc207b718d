package org.studioresidency.session.solver;

import ai.timefold.solver.core.api.domain.solution.PlanningEntityCollectionProperty;
import ai.timefold.solver.core.api.domain.solution.PlanningScore;
import ai.timefold.solver.core.api.domain.solution.PlanningSolution;
import ai.timefold.solver.core.api.domain.solution.ProblemFactCollectionProperty;
import ai.timefold.solver.core.api.domain.valuerange.ValueRangeProvider;
import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;

import java.util.List;

/**
 * A school year's sessions and everything that limits where they can go. Hard: the rules of the district;
 * medium: changes to sessions people already have in their calendars; soft: a good year.
 */
@PlanningSolution
public class SchedulePlan {

    @ValueRangeProvider
    @ProblemFactCollectionProperty
    private List<Slot> slots;

    @ProblemFactCollectionProperty
    private List<SchoolBlackout> schoolBlackouts;

    /** The weeks with their share of the district's load, derived from the slots and sessions. */
    @ProblemFactCollectionProperty
    private List<InstructionalWeek> weeks;

    @PlanningEntityCollectionProperty
    private List<PlannedSession> sessions;

    @PlanningScore
    private HardMediumSoftScore score;

    public SchedulePlan() {
    }

    public SchedulePlan(List<Slot> slots, List<SchoolBlackout> schoolBlackouts, List<PlannedSession> sessions) {
        this(slots, schoolBlackouts, sessions, InstructionalWeek.of(slots, sessions));
    }

    /** A plan (or part of one) whose weeks' shares were worked out for a whole year. */
    public SchedulePlan(List<Slot> slots, List<SchoolBlackout> schoolBlackouts, List<PlannedSession> sessions,
                        List<InstructionalWeek> weeks) {
        this.slots = slots;
        this.schoolBlackouts = schoolBlackouts;
        this.sessions = sessions;
        this.weeks = weeks;
    }

    public List<Slot> getSlots() {
        return slots;
    }

    public List<SchoolBlackout> getSchoolBlackouts() {
        return schoolBlackouts;
    }

    public List<InstructionalWeek> getWeeks() {
        return weeks;
    }

    public List<PlannedSession> getSessions() {
        return sessions;
    }

    public HardMediumSoftScore getScore() {
        return score;
    }

    public void setScore(HardMediumSoftScore score) {
        this.score = score;
    }
}
