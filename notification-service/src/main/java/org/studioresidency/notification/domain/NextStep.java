package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.util.UUID;

/** Something agreed at a session, with an owner and a due date before the next visit. */
@Entity
@Table(name = "next_step")
public class NextStep extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    public String description;

    @Column(name = "owner_staff_id")
    public UUID ownerStaffId;

    @Column(name = "owner_name")
    public String ownerName;

    @Column(name = "due_date")
    public LocalDate dueDate;

    public String status;
}
