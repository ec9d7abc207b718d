package org.studioresidency.session.rest;

import org.studioresidency.session.domain.PlanningJob;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

public record PlanningJobResponse(UUID jobId, UUID schoolYearId, String status, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                                  long elapsedSeconds, String bestScore, boolean feasible, String error, long version) {

    static PlanningJobResponse of(PlanningJob job) {
        OffsetDateTime until = job.finishedAt != null ? job.finishedAt : OffsetDateTime.now(ZoneOffset.UTC);
        boolean feasible = job.bestScore != null && job.bestScore.startsWith("0hard");
        return new PlanningJobResponse(job.id, job.schoolYearId, job.status.name(), job.startedAt, job.finishedAt,
                Duration.between(job.startedAt, until).toSeconds(), job.bestScore, feasible, job.error, job.version);
    }
}
