package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.FetchType;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.OffsetDateTime;
import java.util.UUID;

/** A solver run for a school year: its progress, its best score and, once done, the explained plan. */
@Entity
@Table(name = "planning_job")
public class PlanningJob extends PanacheEntityBase {

    public enum Status {
        /** Waiting for the solver: another year's job is using the planning capacity. */
        QUEUED,
        SOLVING,
        SOLVED,
        STOPPED,
        /** Ended without a plan; {@code error} says why and what to do. */
        FAILED,
        PUBLISHED,
        /** A newer plan of the year was made or published; this one can no longer be published. */
        SUPERSEDED;

        /** Still working towards a plan: waiting for the solver or solving. */
        public boolean isRunning() {
            return this == QUEUED || this == SOLVING;
        }

        /** Finished with a plan that may still be published. */
        public boolean hasPublishablePlan() {
            return this == SOLVED || this == STOPPED;
        }
    }

    @Id
    public UUID id;

    @Column(name = "school_year_id")
    public UUID schoolYearId;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "started_at")
    public OffsetDateTime startedAt;

    @Column(name = "finished_at")
    public OffsetDateTime finishedAt;

    @Column(name = "best_score")
    public String bestScore;

    /**
     * The plan's explanation as JSON (per-constraint scores and every penalised session, so it grows with the
     * district): it loads only when read (GET /planning-jobs/{id}/explanation, publication), not with every look at a job.
     */
    @Basic(fetch = FetchType.LAZY)
    public String explanation;

    /** Why a job failed or stopped without a plan, in words a district leader can act on. */
    public String error;

    /** The year's applied pairing revision the plan was built on (deploy/EVENTS.md, "Read-your-writes"). */
    @Column(name = "pairing_revision")
    public long pairingRevision;

    @Column(name = "superseded_by")
    public UUID supersededBy;

    @Version
    public long version;
}
