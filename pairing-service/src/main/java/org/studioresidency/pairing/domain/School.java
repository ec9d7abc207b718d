package org.studioresidency.pairing.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.math.BigDecimal;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/** An elementary school with the demographics matching compares. */
@Entity
@Table(name = "school")
public class School extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "external_id")
    public String externalId;

    public String name;

    public String address;

    public Double latitude;

    public Double longitude;

    @Column(name = "grade_span")
    public String gradeSpan;

    public Integer enrollment;

    @Column(name = "free_reduced_lunch_percent")
    public BigDecimal freeReducedLunchPercent;

    @Column(name = "english_learner_percent")
    public BigDecimal englishLearnerPercent;

    @Column(name = "reading_proficiency_percent")
    public BigDecimal readingProficiencyPercent;

    @Column(name = "home_languages")
    public Integer homeLanguages;

    /** Share of students per race/ethnicity group, in percent, summing to about 100. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "race_ethnicity")
    public Map<String, BigDecimal> raceEthnicity = new TreeMap<>();

    @Column(name = "supervising_leader_id")
    public UUID supervisingLeaderId;

    @Version
    public long version;
}
