package org.studioresidency.pairing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.util.UUID;

/** A residency school in a pairing; the database keeps a school in one active pairing per year. */
@Entity
@Table(name = "pairing_residency")
public class PairingResidency extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "school_year_id")
    public UUID schoolYearId;

    public boolean active = true;
}
