package org.studioresidency.notification.event;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.UUID;

/** What this service reads of pairing-service's {@code district.directory} events (tolerant reader). */
public final class DirectoryEvents {

    public static final String SCHOOL_CREATED = "district.directory.school.created.v1";
    public static final String SCHOOL_UPDATED = "district.directory.school.updated.v1";
    public static final String STAFF_CREATED = "district.directory.staff.created.v1";
    public static final String STAFF_UPDATED = "district.directory.staff.updated.v1";
    public static final String SCHOOL_YEAR_CREATED = "district.directory.school-year.created.v1";
    public static final String SCHOOL_YEAR_UPDATED = "district.directory.school-year.updated.v1";

    private DirectoryEvents() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Person(UUID staffId, String name, String email) {
    }

    /** Full state of a school: {@code school.created.v1} and {@code school.updated.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SchoolState(UUID schoolId, String name, Person principal, Person supervisingLeader) {
    }

    /** Full state of a staff member: {@code staff.created.v1} and {@code staff.updated.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaffState(UUID staffId, String name, String email, String role, UUID schoolId, Boolean active) {
    }
}
