package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.domain.School;
import org.studioresidency.notification.domain.Staff;
import org.studioresidency.notification.event.DirectoryEvents.SchoolState;
import org.studioresidency.notification.event.DirectoryEvents.StaffState;
import org.studioresidency.notification.event.ProcessedEvents;
import org.studioresidency.notification.repository.SchoolRepository;
import org.studioresidency.notification.repository.StaffRepository;

import java.util.Objects;

/** Schools and staff from pairing-service's directory: the names and addresses mail goes to. */
@ApplicationScoped
public class DirectoryService {

    private static final String CONSUMER = "directory.people";

    private final SchoolRepository schools;
    private final StaffRepository staff;
    private final ProcessedEvents processed;

    DirectoryService(SchoolRepository schools, StaffRepository staff, ProcessedEvents processed) {
        this.schools = schools;
        this.staff = staff;
        this.processed = processed;
    }

    @Transactional
    public void apply(String eventId, SchoolState state) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        Objects.requireNonNull(state.schoolId(), "schoolId");
        School school = schools.findByIdOptional(state.schoolId()).orElseGet(School::new);
        school.id = state.schoolId();
        school.name = Objects.requireNonNull(state.name(), "name");
        school.principalStaffId = state.principal() == null ? null : state.principal().staffId();
        school.principalName = state.principal() == null ? null : state.principal().name();
        school.principalEmail = state.principal() == null ? null : state.principal().email();
        school.leaderStaffId = state.supervisingLeader() == null ? null : state.supervisingLeader().staffId();
        school.leaderName = state.supervisingLeader() == null ? null : state.supervisingLeader().name();
        school.leaderEmail = state.supervisingLeader() == null ? null : state.supervisingLeader().email();
        schools.persist(school);
    }

    /** Keeps a principal's address current when only their staff record changes (e.g. a new email). */
    @Transactional
    public void apply(String eventId, StaffState state) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        Objects.requireNonNull(state.staffId(), "staffId");
        Staff member = staff.findByIdOptional(state.staffId()).orElseGet(Staff::new);
        member.id = state.staffId();
        member.name = Objects.requireNonNull(state.name(), "name");
        member.email = state.email();
        member.role = Objects.requireNonNull(state.role(), "role");
        member.schoolId = state.schoolId();
        member.active = state.active() == null || state.active();
        staff.persist(member);
        for (School school : schools.ledBy(member.id)) {
            school.principalName = member.name;
            school.principalEmail = member.active ? member.email : null;
        }
    }
}
