package org.studioresidency.session.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.util.UUID;

/** An external consultant's contract terms; their days live in consultant_day. */
@Entity
@Table(name = "consultant")
public class Consultant extends PanacheEntityBase {

    @Id
    @Column(name = "staff_id")
    public UUID staffId;

    public String name;

    @Column(name = "max_sessions_per_week")
    public int maxSessionsPerWeek;

    @Version
    public long version;
}
