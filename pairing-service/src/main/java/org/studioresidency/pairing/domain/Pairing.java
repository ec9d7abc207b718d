package org.studioresidency.pairing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

/** A studio school and its residency school(s) for a school year. */
@Entity
@Table(name = "pairing")
public class Pairing extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "school_year_id")
    public UUID schoolYearId;

    @Column(name = "studio_school_id")
    public UUID studioSchoolId;

    @Column(name = "proposal_id")
    public UUID proposalId;

    public boolean active = true;

    @Column(name = "dissolved_reason")
    public String dissolvedReason;

    @Column(name = "team_version")
    public int teamVersion = 1;

    /** The year's pairing revision of this pairing's last change: the consistency token its writes return. */
    @Column(name = "year_revision")
    public long yearRevision;

    @Version
    public long version;
}
