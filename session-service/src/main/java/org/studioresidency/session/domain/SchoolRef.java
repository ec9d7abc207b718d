package org.studioresidency.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.util.UUID;

/** A school as a pairing names it. */
@Embeddable
public class SchoolRef {

    @Column(name = "school_id")
    public UUID schoolId;

    public String name;

    public SchoolRef() {
    }

    public SchoolRef(UUID schoolId, String name) {
        this.schoolId = schoolId;
        this.name = name;
    }
}
