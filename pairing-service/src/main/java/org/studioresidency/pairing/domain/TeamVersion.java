package org.studioresidency.pairing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** One version of a pairing's team; the highest is the current team. */
@Entity
@Table(name = "pairing_team_version")
public class TeamVersion extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "pairing_id")
    public UUID pairingId;

    @Column(name = "team_version")
    public int teamVersion;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<TeamMember> members;

    @Column(name = "changed_by")
    public String changedBy;

    public String note;

    @Column(name = "changed_at", insertable = false, updatable = false)
    public OffsetDateTime changedAt;
}
