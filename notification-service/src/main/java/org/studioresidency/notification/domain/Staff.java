package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A staff member from the directory; their email is what mail is addressed to. */
@Entity
@Table(name = "staff")
public class Staff extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    public String email;

    public String role;

    @Column(name = "school_id")
    public UUID schoolId;

    public boolean active;
}
