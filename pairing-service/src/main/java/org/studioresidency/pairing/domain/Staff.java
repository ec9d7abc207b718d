package org.studioresidency.pairing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

/** A person on the district's staff or contracted by it. */
@Entity
@Table(name = "staff")
public class Staff extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "external_id")
    public String externalId;

    public String name;

    public String email;

    @Enumerated(EnumType.STRING)
    public StaffRole role;

    /** Null for central office and consultants. */
    @Column(name = "school_id")
    public UUID schoolId;

    /** Teachers only, e.g. {@code 3}. */
    public String grade;

    public boolean active = true;

    @Version
    public long version;
}
