package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.OffsetDateTime;
import java.util.UUID;

/** What the principal of a school chose: summaries straight away or in the digest, and the digest on or off. */
@Entity
@Table(name = "recipient_preference")
public class RecipientPreference extends PanacheEntityBase {

    @Id
    @Column(name = "school_id")
    public UUID schoolId;

    @Column(name = "summaries_in_digest")
    public boolean summariesInDigest;

    @Column(name = "digest_enabled")
    public boolean digestEnabled = true;

    @Column(name = "updated_at")
    public OffsetDateTime updatedAt;

    public static RecipientPreference defaults(UUID schoolId) {
        RecipientPreference preference = new RecipientPreference();
        preference.schoolId = schoolId;
        preference.updatedAt = OffsetDateTime.now();
        return preference;
    }

    /** Summaries wait for the digest only while the principal still receives a digest. */
    public boolean holdsSummariesForDigest() {
        return summariesInDigest && digestEnabled;
    }
}
