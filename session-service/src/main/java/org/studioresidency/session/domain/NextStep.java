package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.UUID;

/** Something a participant agreed to do before the next visit. */
@Entity
@Table(name = "next_step")
public class NextStep extends PanacheEntityBase {

    public enum Status { OPEN, IN_PROGRESS, DONE }

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    public String description;

    @Column(name = "owner_staff_id")
    public UUID ownerStaffId;

    @Column(name = "owner_name")
    public String ownerName;

    @Column(name = "owner_school_id")
    public UUID ownerSchoolId;

    @Column(name = "due_date")
    public LocalDate dueDate;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "due_soon_announced")
    public boolean dueSoonAnnounced;

    @Column(name = "overdue_announced")
    public boolean overdueAnnounced;

    @Version
    public long version;
}
