package org.studioresidency.session.service;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.School;
import org.studioresidency.session.domain.Staff;
import org.studioresidency.session.event.ProcessedEvents;

import java.util.Objects;
import java.util.UUID;

/** Schools and staff as pairing-service's directory announces them (full state each time: the last one wins). */
@ApplicationScoped
public class DirectoryService {

    /** What this service reads of {@code district.directory.school.created/updated.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SchoolChanged(UUID schoolId, String externalId, String name, PersonRef principal) {
    }

    /** What this service reads of {@code district.directory.staff.created/updated.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record StaffChanged(UUID staffId, String externalId, String name, String email, String role, UUID schoolId,
                               Boolean active) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record PersonRef(UUID staffId, String name, String email) {
    }

    private static final String CONSUMER = "directory.people";

    private final ProcessedEvents processed;
    private final CalendarSubscriptions subscriptions;

    DirectoryService(ProcessedEvents processed, CalendarSubscriptions subscriptions) {
        this.subscriptions = subscriptions;
        this.processed = processed;
    }

    @Transactional
    public void apply(String eventId, SchoolChanged changed) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        Objects.requireNonNull(changed.schoolId(), "schoolId");
        School school = School.<School>findByIdOptional(changed.schoolId()).orElseGet(School::new);
        school.id = changed.schoolId();
        school.externalId = changed.externalId();
        school.name = Objects.requireNonNull(changed.name(), "name");
        school.principalId = changed.principal() == null ? null : changed.principal().staffId();
        school.persist();
    }

    @Transactional
    public void apply(String eventId, StaffChanged changed) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        Objects.requireNonNull(changed.staffId(), "staffId");
        Staff staff = Staff.<Staff>findByIdOptional(changed.staffId()).orElseGet(Staff::new);
        staff.id = changed.staffId();
        staff.externalId = changed.externalId();
        staff.name = Objects.requireNonNull(changed.name(), "name");
        staff.email = changed.email();
        staff.role = Objects.requireNonNull(changed.role(), "role");
        staff.schoolId = changed.schoolId();
        staff.active = changed.active() == null || changed.active();
        staff.persist();
        if (!staff.active) {
            subscriptions.personLeft(staff.id);
        }
    }
}
