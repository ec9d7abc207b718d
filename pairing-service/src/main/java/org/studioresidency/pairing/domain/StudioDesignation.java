package org.studioresidency.pairing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The central office's readiness rating of a school for a year and, if chosen, its studio designation. */
@Entity
@Table(name = "studio_designation")
public class StudioDesignation extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "school_year_id")
    public UUID schoolYearId;

    @Column(name = "school_id")
    public UUID schoolId;

    /** 1 (not ready) to 4 (ready to lead the work). */
    public Integer readiness;

    @Column(name = "readiness_note")
    public String readinessNote;

    public boolean studio;

    @Column(name = "focus_teacher_id")
    public UUID focusTeacherId;

    @Column(name = "literacy_coach_id")
    public UUID literacyCoachId;

    /** How many residency schools the studio hosts. */
    public int capacity = 1;

    /** The school's teachers who take part in its pairing as residency teachers. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "residency_teacher_ids")
    public List<UUID> residencyTeacherIds = new ArrayList<>();

    @Version
    public long version;
}
