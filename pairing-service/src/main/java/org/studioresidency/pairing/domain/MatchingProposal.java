package org.studioresidency.pairing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** The result of one matching run, reviewed and edited by district leaders until they confirm it. */
@Entity
@Table(name = "matching_proposal")
public class MatchingProposal extends PanacheEntityBase {

    public enum Status { DRAFT, CONFIRMED }

    @Id
    public UUID id;

    @Column(name = "school_year_id")
    public UUID schoolYearId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public Status status = Status.DRAFT;

    /** The matching request as sent, so a proposal can be explained later. */
    @JdbcTypeCode(SqlTypes.JSON)
    public MatchingCriteria request;

    @JdbcTypeCode(SqlTypes.JSON)
    public List<ProposedPair> pairs = new ArrayList<>();

    @JdbcTypeCode(SqlTypes.JSON)
    public List<UnmatchedSchool> unmatched = new ArrayList<>();

    @Column(name = "total_score")
    public double totalScore;

    @Column(name = "created_at", insertable = false, updatable = false)
    public OffsetDateTime createdAt;

    @Version
    public long version;
}
