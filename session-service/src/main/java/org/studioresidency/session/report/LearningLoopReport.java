package org.studioresidency.session.report;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * The district's learning loop for a school year: the same figures for the district, each pairing and each school. Each
 * figure's definition is in the session-service README ("The learning-loop report"); shares and averages are plain
 * fractions (not rounded), null when there is nothing to divide by.
 */
public record LearningLoopReport(UUID schoolYearId, String schoolYear, Figures district, List<PairingFigures> pairings,
                                 List<SchoolFigures> schools) {

    public record PairingFigures(UUID pairingId, String label, Figures figures) {
    }

    public record SchoolFigures(UUID schoolId, String name, Figures figures) {
    }

    public record Figures(GradualRelease gradualRelease, FollowThrough followThrough, List<FocusFigure> focus, Attendance attendance,
                          Evaluations evaluations, Ownership buildingOwnership) {
    }

    /** 1. Gradual release. */
    public record GradualRelease(List<ReleasePoint> bySessionNumber, List<Mover> movedToDemonstrating) {
    }

    public record ReleasePoint(int sessionNumber, int sessions, int demonstrations, int bySchoolStaff, int byConsultant,
                               Double schoolStaffShare) {
    }

    /** A person's first public demonstration of the year, after observing at least one session. */
    public record Mover(UUID staffId, String name, UUID schoolId, String role, String form, SessionRef session, int sessionsObservedBefore) {
    }

    /** 2. Follow-through between visits. */
    public record FollowThrough(StepCounts all, List<StepGroup> byOwnerRole, List<StepGroup> bySchool) {
    }

    public record StepCounts(int opened, int closedByNextVisit, int closedLate, int stillOpen, int dropped, int evidenceBroughtBack,
                             Double medianDaysToClose) {
    }

    public record StepGroup(String key, String name, StepCounts counts) {
    }

    /** 3. What the district keeps working on. */
    public record FocusFigure(String focus, int sessions, int schools, List<ProblemOfPractice> problemsOfPractice) {
    }

    public record ProblemOfPractice(String problemOfPractice, int sessions, int schools, List<SessionRef> sessionsBehind) {
    }

    /** 4. Whether people could come. */
    public record Attendance(AttendanceCounts all, List<AttendanceGroup> byRole, List<AttendanceGroup> bySchool) {
    }

    public record AttendanceCounts(int expected, int present, int absent, int absentWithUnfilledSubstitute, Double attendanceRate) {
    }

    public record AttendanceGroup(String key, String name, AttendanceCounts counts) {
    }

    /** 5. How it felt. */
    public record Evaluations(List<RatingPoint> bySessionNumber, RatingPoint endOfYear) {
    }

    /** {@code sessionNumber} is null for the end-of-year ratings. */
    public record RatingPoint(Integer sessionNumber, int ratings, Double averageRating) {
    }

    /** 6. Building ownership. */
    public record Ownership(int sessions, int planRecordedByPrincipal, int planRecordedByDistrictOffice, int planRecordedByUnknown,
                            int noPlan, Double principalShare) {
    }

    /** A session behind a figure, with the path of its record. */
    public record SessionRef(UUID sessionId, UUID pairingId, int number, LocalDate date, UUID hostSchoolId, String record) {
    }
}
