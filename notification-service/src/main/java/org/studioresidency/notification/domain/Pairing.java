package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** A studio school with its residency school(s) for a school year, and the team that travels between them. */
@Entity
@Table(name = "pairing")
public class Pairing extends PanacheEntityBase {

    public static final String CENTRAL_OFFICE_LEADER = "CENTRAL_OFFICE_LEADER";

    @Id
    public UUID id;

    @Column(name = "school_year_id")
    public UUID schoolYearId;

    @Column(name = "studio_school_id")
    public UUID studioSchoolId;

    @Column(name = "team_version")
    public long teamVersion;

    public boolean dissolved;

    @ElementCollection
    @CollectionTable(name = "pairing_school", joinColumns = @JoinColumn(name = "pairing_id"))
    @Column(name = "school_id")
    public Set<UUID> schoolIds = new HashSet<>();

    @ElementCollection
    @CollectionTable(name = "pairing_member", joinColumns = @JoinColumn(name = "pairing_id"))
    public List<PairingMember> team = new ArrayList<>();

    public Optional<PairingMember> centralOfficeLeader() {
        return team.stream().filter(m -> CENTRAL_OFFICE_LEADER.equals(m.teamRole)).findFirst();
    }
}
