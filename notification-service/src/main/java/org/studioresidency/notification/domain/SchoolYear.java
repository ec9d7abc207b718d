package org.studioresidency.notification.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import java.time.LocalDate;
import java.util.UUID;

/** A school year such as 2026-27 as pairing-service announced it: the frame of a district calendar. */
@Entity
@Table(name = "school_year")
public class SchoolYear extends PanacheEntityBase {

    @Id
    public UUID id;

    public String name;

    @Column(name = "first_day")
    public LocalDate firstDay;

    @Column(name = "last_day")
    public LocalDate lastDay;

    @Version
    public long version;
}
