package org.studioresidency.pairing.event;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.repository.StaffRepository;

import java.util.List;
import java.util.UUID;

/** Writes the district.directory events of deploy/EVENTS.md to the outbox, with full state so consumers need nothing else. */
@ApplicationScoped
public class DirectoryEvents {

    /** Data of {@code district.directory.school.created.v1} and {@code ...updated.v1}. */
    public record SchoolState(UUID schoolId, String externalId, String name, String address, String gradeSpan, Integer enrollment,
                              Person principal, Person supervisingLeader) {
    }

    /** A person embedded in a school event. */
    public record Person(UUID staffId, String name, String email) {
    }

    /**
     * Data of {@code district.directory.staff.created.v1} and {@code ...updated.v1}. {@code grade} is the first of
     * {@code grades}, kept for readers written before a teacher could have several.
     */
    public record StaffState(UUID staffId, String externalId, String name, String email, StaffRole role, UUID schoolId,
                             String grade, List<String> grades, boolean active) {
    }

    private final Outbox outbox;
    private final StaffRepository staff;

    DirectoryEvents(Outbox outbox, StaffRepository staff) {
        this.outbox = outbox;
        this.staff = staff;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void school(School school, boolean created) {
        outbox.record(Topics.DIRECTORY, "district.directory.school." + (created ? "created" : "updated") + ".v1",
                "schools/" + school.id, school.id, schoolState(school));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void staff(Staff member, boolean created) {
        outbox.record(Topics.DIRECTORY, "district.directory.staff." + (created ? "created" : "updated") + ".v1",
                "staff/" + member.id, member.id, staffState(member));
    }

    public SchoolState schoolState(School school) {
        Person principal = staff.principalOf(school.id).map(DirectoryEvents::person).orElse(null);
        Person leader = school.supervisingLeaderId == null ? null
                : staff.findByIdOptional(school.supervisingLeaderId).map(DirectoryEvents::person).orElse(null);
        return new SchoolState(school.id, school.externalId, school.name, school.address, school.gradeSpan, school.enrollment,
                principal, leader);
    }

    public static StaffState staffState(Staff member) {
        return new StaffState(member.id, member.externalId, member.name, member.email, member.role, member.schoolId,
                member.grade, List.copyOf(member.grades), member.active);
    }

    private static Person person(Staff member) {
        return new Person(member.id, member.name, member.email);
    }
}
