package org.studioresidency.session.report;

import org.studioresidency.session.report.LearningLoopReport.ReleasePoint;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The data of {@code district.report.learning-loop-snapshot.v1} (deploy/EVENTS.md): one pairing's learning-loop figures at
 * a moment, for the monthly email to its central-office leader and its principals' weekly digests. The figures are the
 * report's ({@link LearningLoopFigures}, definitions in the session-service README, "Learning-loop snapshots").
 *
 * @param since the start of the follow-through window ({@code asOf} minus 7 days)
 */
public record LearningLoopSnapshot(UUID schoolYearId, String schoolYear, UUID pairingId, String label, OffsetDateTime asOf,
                                   OffsetDateTime since, Leader leader, String reportUrl, List<ReleasePoint> gradualRelease,
                                   List<SchoolSteps> schools, District district) {

    /** The pairing's central-office leader, who receives the monthly email; null when its team has none. */
    public record Leader(UUID staffId, String name, String email) {
    }

    /** {@code part}: STUDIO or RESIDENCY. */
    public record SchoolSteps(UUID schoolId, String name, String part, int open, int overdue, int closedSince) {
    }

    /** The district's figures to compare with: its gradual release and the medians over its schools. */
    public record District(int schools, Medians followThroughMedian, List<ReleasePoint> gradualRelease) {
    }

    /** Medians over the district's schools (null when it has none). */
    public record Medians(Double open, Double overdue, Double closedSince) {
    }
}
