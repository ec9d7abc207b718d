package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/** A half-day session of a pairing in its latest announced state; summaries add focus and problem of practice. */
@Entity
@Table(name = "session")
public class Session extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "school_year_id")
    public UUID schoolYearId;

    public int number;

    public LocalDate date;

    @Column(name = "half_day")
    public String halfDay;

    @Column(name = "starts_at")
    public OffsetDateTime startsAt;

    @Column(name = "ends_at")
    public OffsetDateTime endsAt;

    public String status;

    @Column(name = "host_school_id")
    public UUID hostSchoolId;

    @Column(name = "host_school_name")
    public String hostSchoolName;

    @Column(name = "residency_names")
    public String residencyNames;

    @Column(name = "consultant_name")
    public String consultantName;

    @Column(name = "ics_uid")
    public String icsUid;

    @Column(name = "ics_sequence")
    public int icsSequence;

    public String focus;

    @Column(name = "problem_of_practice")
    public String problemOfPractice;

    @Column(name = "summarised_at")
    public OffsetDateTime summarisedAt;

    /** The pairing's team version of the last team change applied to this session; 0 before any. */
    @Column(name = "team_version")
    public long teamVersion;

    /** How far a session has come; a relayed older event of the same schedule version must not move it back. */
    public static int progress(String status) {
        return switch (status) {
            case "PUBLISHED" -> 1;
            case "HELD" -> 2;
            case "SUMMARISED" -> 3;
            case "CANCELLED" -> 4;
            default -> 0;
        };
    }

    /** Host and residency schools: every school whose principal this session concerns. */
    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "session_school", joinColumns = @JoinColumn(name = "session_id"))
    @Column(name = "school_id")
    public Set<UUID> schoolIds = new HashSet<>();

    /** Who takes part, as session-service last announced it (the new team after a team change). */
    @ElementCollection
    @CollectionTable(name = "session_participant", joinColumns = @JoinColumn(name = "session_id"))
    public List<PairingMember> participants = new ArrayList<>();
}
