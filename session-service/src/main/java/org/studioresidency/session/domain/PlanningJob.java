package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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

    public enum Status { SOLVING, SOLVED, STOPPED, FAILED, PUBLISHED }

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

    /** The plan's explanation as JSON (per-constraint scores and penalised sessions). */
    public String explanation;

    public String error;

    @Version
    public long version;
}
