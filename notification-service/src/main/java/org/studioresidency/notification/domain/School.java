package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A school as pairing-service's directory describes it: who leads it and who supervises it. */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "principal_staff_id")
    public UUID principalStaffId;

    @Column(name = "principal_name")
    public String principalName;

    @Column(name = "principal_email")
    public String principalEmail;

    @Column(name = "leader_staff_id")
    public UUID leaderStaffId;

    @Column(name = "leader_name")
    public String leaderName;

    @Column(name = "leader_email")
    public String leaderEmail;

    public boolean hasPrincipalEmail() {
        return principalEmail != null && !principalEmail.isBlank();
    }
}
