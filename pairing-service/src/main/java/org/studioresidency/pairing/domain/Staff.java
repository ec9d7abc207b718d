package org.studioresidency.pairing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.util.ArrayList;
import java.util.List;
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

    /** Teachers only: the first of {@link #grades}, e.g. {@code 2}. */
    public String grade;

    /** Teachers only: every grade they teach in school order, e.g. {@code ["2", "3"]} for a combination class. */
    @JdbcTypeCode(SqlTypes.JSON)
    public List<String> grades = new ArrayList<>();

    public boolean active = true;

    @Version
    public long version;
}
