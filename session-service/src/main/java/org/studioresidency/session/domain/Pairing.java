package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.AttributeOverrides;
import jakarta.persistence.Column;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A studio school and its residency school(s) for a school year, with the team that attends their sessions. */
@Entity
@Table(name = "pairing")
public class Pairing extends PanacheEntityBase {

    public static final String CONSULTANT = "CONSULTANT";

    @Id
    public UUID id;

    @Column(name = "school_year_id")
    public UUID schoolYearId;

    @Column(name = "studio_school_id")
    public UUID studioSchoolId;

    @Column(name = "studio_school_name")
    public String studioSchoolName;

    // Lists of pairings (a page of sessions names up to 50) load both collections for the whole list in one
    // statement each: quarkus.hibernate-orm.fetch.batch-size is 64. Not @BatchSize here: a collection whose batch
    // size differs from the session's builds its loader afresh on every load (Hibernate 7's Loadable.isAffectedByBatchSize).
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pairing_residency_school", joinColumns = @JoinColumn(name = "pairing_id"))
    @OrderColumn(name = "position")
    public List<SchoolRef> residencySchools = new ArrayList<>();

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "pairing_member", joinColumns = @JoinColumn(name = "pairing_id"))
    @OrderColumn(name = "position")
    public List<TeamMember> team = new ArrayList<>();

    @Column(name = "team_version")
    public int teamVersion;

    public boolean dissolved;

    @Column(name = "dissolved_reason")
    public String dissolvedReason;

    @Version
    public long version;

    /** The pairing's consultant: its team member with team role CONSULTANT. */
    public Optional<TeamMember> consultant() {
        return team.stream().filter(m -> CONSULTANT.equals(m.teamRole)).findFirst();
    }

    /** e.g. "Garfield Elementary / Lincoln Elementary". */
    public String label() {
        StringBuilder label = new StringBuilder(studioSchoolName);
        residencySchools.forEach(s -> label.append(" / ").append(s.name));
        return label.toString();
    }

    public boolean concernsSchool(UUID schoolId) {
        return studioSchoolId.equals(schoolId) || residencySchools.stream().anyMatch(s -> s.schoolId.equals(schoolId));
    }
}
