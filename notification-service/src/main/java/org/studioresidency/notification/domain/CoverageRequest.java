package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** A substitute request for one teacher's half-day at a session, in its latest state. */
@Entity
@Table(name = "coverage_request")
public class CoverageRequest extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    public LocalDate date;

    @Column(name = "half_day")
    public String halfDay;

    @Column(name = "teacher_staff_id")
    public UUID teacherStaffId;

    @Column(name = "teacher_name")
    public String teacherName;

    @Column(name = "teacher_school_id")
    public UUID teacherSchoolId;

    public String status;

    @Column(name = "substitute_name")
    public String substituteName;
}
