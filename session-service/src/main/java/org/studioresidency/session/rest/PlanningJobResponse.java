package org.studioresidency.session.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.studioresidency.session.domain.PlanningJob;
import org.studioresidency.session.service.PlanningService;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

public record PlanningJobResponse(UUID jobId, UUID schoolYearId,
                                  @Schema(description = "QUEUED (waiting for another job), SOLVING, SOLVED, STOPPED, FAILED (see error),"
                                          + " PUBLISHED or SUPERSEDED (a newer plan replaced it)") String status,
                                  OffsetDateTime startedAt, OffsetDateTime finishedAt, long elapsedSeconds, String bestScore, boolean feasible,
                                  @Schema(description = "Why the job failed or stopped without a plan, and what to do") String error,
                                  @Schema(description = "The pairing revision (consistency token) the plan is based on") long pairingRevision,
                                  @Schema(description = "While QUEUED: the jobs it waits for") List<UUID> queuedBehind,
                                  UUID supersededBy, long version) {

    static PlanningJobResponse of(PlanningService.JobView view) {
        PlanningJob job = view.job();
        OffsetDateTime until = job.finishedAt != null ? job.finishedAt : OffsetDateTime.now(ZoneOffset.UTC);
        boolean feasible = job.bestScore != null && job.bestScore.startsWith("0hard");
        return new PlanningJobResponse(job.id, job.schoolYearId, job.status.name(), job.startedAt, job.finishedAt,
                Duration.between(job.startedAt, until).toSeconds(), job.bestScore, feasible, job.error, job.pairingRevision,
                view.queuedBehind().stream().map(j -> j.id).toList(), job.supersededBy, job.version);
    }
}
