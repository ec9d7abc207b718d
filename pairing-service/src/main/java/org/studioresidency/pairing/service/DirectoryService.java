package org.studioresidency.pairing.service;

import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Page;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.event.DirectoryEvents;
import org.studioresidency.pairing.repository.SchoolRepository;
import org.studioresidency.pairing.repository.StaffRepository;
import org.studioresidency.pairing.security.Scope;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/** Schools and staff: the district directory. Every change publishes its directory event; a change to nothing publishes none. */
@ApplicationScoped
public class DirectoryService {

    static final Map<String, String> SCHOOL_SORTS = Map.of("name", "name", "externalId", "externalId", "enrollment", "enrollment",
            "gradeSpan", "gradeSpan", "freeReducedLunchPercent", "freeReducedLunchPercent",
            "englishLearnerPercent", "englishLearnerPercent", "readingProficiencyPercent", "readingProficiencyPercent");
    static final Map<String, String> STAFF_SORTS = Map.of("name", "name", "externalId", "externalId", "email", "email", "role", "role");

    private final SchoolRepository schools;
    private final StaffRepository staff;
    private final DirectoryEvents events;

    DirectoryService(SchoolRepository schools, StaffRepository staff, DirectoryEvents events) {
        this.schools = schools;
        this.staff = staff;
        this.events = events;
    }

    public Paged<School> listSchools(SchoolRepository.Filter filter, int page, int size, String sort, Scope scope) {
        SchoolRepository.Filter scoped = new SchoolRepository.Filter(filter.name(), filter.gradeSpan(), filter.supervisingLeaderId(),
                filter.externalIds(), scope.onlySchool());
        return page(schools.search(scoped, Paged.sort(sort, SCHOOL_SORTS, "name")), page, size);
    }

    public School school(UUID id, Scope scope) {
        return schools.findByIdOptional(id).filter(s -> scope.sees(s.id)).orElseThrow(() -> new PairingException.NotFound("School", id));
    }

    public java.util.Optional<Staff> principalOf(UUID schoolId) {
        return staff.principalOf(schoolId);
    }

    /** The principals of many schools at once, by school. */
    public java.util.Map<UUID, Staff> principalsOf(java.util.Collection<UUID> schoolIds) {
        return staff.principalsOf(schoolIds);
    }

    public Paged<Staff> listStaff(StaffRepository.Filter filter, int page, int size, String sort, Scope scope) {
        StaffRepository.Filter scoped = new StaffRepository.Filter(filter.name(), filter.role(), filter.schoolId(), filter.active(),
                filter.externalIds(), scope.onlySchool());
        return page(staff.search(scoped, Paged.sort(sort, STAFF_SORTS, "name")), page, size);
    }

    public Staff staffMember(UUID id, Scope scope) {
        return staff.findByIdOptional(id).filter(s -> scope.sees(s.schoolId)).orElseThrow(() -> new PairingException.NotFound("Staff member", id));
    }

    @Transactional
    public School createSchool(SchoolData data) {
        check(data);
        if (schools.findByExternalId(data.externalId()).isPresent()) {
            throw new PairingException.Conflict("A school with external id " + data.externalId() + " already exists.",
                    java.util.List.of(new PairingException.Reason("externalId", "is already used by another school")));
        }
        School school = new School();
        school.id = UUID.randomUUID();
        apply(school, data);
        schools.persist(school);
        schools.flush();
        events.school(school, true);
        return school;
    }

    /** @return the school; unchanged (and no event) when {@code data} is what is stored already */
    @Transactional
    public School updateSchool(UUID id, long expectedVersion, SchoolData data) {
        School school = school(id, Scope.DISTRICT);
        if (school.version != expectedVersion) {
            throw new PairingException.StaleVersion("School " + id);
        }
        return replaceSchool(school, data);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public School replaceSchool(School school, SchoolData data) {
        check(data);
        schools.findByExternalId(data.externalId()).filter(other -> !other.id.equals(school.id)).ifPresent(other -> {
            throw new PairingException.Conflict("A school with external id " + data.externalId() + " already exists.",
                    java.util.List.of(new PairingException.Reason("externalId", "is already used by another school")));
        });
        if (normalized(stateOf(school)).equals(normalized(data))) {
            return school;
        }
        apply(school, data);
        schools.flush();
        events.school(school, false);
        return school;
    }

    @Transactional
    public Staff createStaff(StaffData data) {
        checkStaff(data, null);
        Staff member = new Staff();
        member.id = UUID.randomUUID();
        apply(member, data);
        staff.persist(member);
        staff.flush();
        events.staff(member, true);
        announceSchoolsOf(member, null, data);
        return member;
    }

    @Transactional
    public Staff updateStaff(UUID id, long expectedVersion, StaffData data) {
        Staff member = staffMember(id, Scope.DISTRICT);
        if (member.version != expectedVersion) {
            throw new PairingException.StaleVersion("Staff member " + id);
        }
        return replaceStaff(member, data);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Staff replaceStaff(Staff member, StaffData data) {
        checkStaff(data, member.id);
        StaffData before = stateOf(member);
        if (before.equals(data)) {
            return member;
        }
        apply(member, data);
        staff.flush();
        events.staff(member, false);
        announceSchoolsOf(member, before, data);
        return member;
    }

    public static SchoolData stateOf(School school) {
        return new SchoolData(school.externalId, school.name, school.address, school.latitude, school.longitude, school.gradeSpan,
                school.enrollment, school.freeReducedLunchPercent, school.englishLearnerPercent, school.readingProficiencyPercent,
                school.homeLanguages, school.raceEthnicity, school.supervisingLeaderId);
    }

    public static StaffData stateOf(Staff member) {
        return new StaffData(member.externalId, member.name, member.email, member.role, member.schoolId, member.grades, member.active);
    }

    /**
     * School events embed the principal and the supervising leader, so a change to either person (or to who holds the
     * role) is also a change of the schools concerned.
     */
    private void announceSchoolsOf(Staff member, StaffData before, StaffData after) {
        Set<UUID> affected = new LinkedHashSet<>();
        boolean wasPrincipal = before != null && before.role() == StaffRole.PRINCIPAL && before.active();
        boolean isPrincipal = after.role() == StaffRole.PRINCIPAL && after.active();
        if (wasPrincipal != isPrincipal || isPrincipal && personChanged(before, after)) {
            if (wasPrincipal) {
                affected.add(before.schoolId());
            }
            if (isPrincipal) {
                affected.add(after.schoolId());
            }
        }
        if (before != null && personChanged(before, after)) {
            schools.supervisedBy(member.id).forEach(s -> affected.add(s.id));
        }
        affected.remove(null);
        schools.byIds(affected).forEach(school -> events.school(school, false));
    }

    private static boolean personChanged(StaffData before, StaffData after) {
        return before == null || !Objects.equals(before.name(), after.name()) || !Objects.equals(before.email(), after.email())
                || !Objects.equals(before.schoolId(), after.schoolId()) || before.active() != after.active();
    }

    private void check(SchoolData data) {
        DemographicsPolicy.check(data);
        if (data.supervisingLeaderId() != null) {
            Staff leader = staff.findByIdOptional(data.supervisingLeaderId()).orElseThrow(() ->
                    new PairingException.InvalidField("supervisingLeaderId", "names no staff member"));
            if (leader.role != StaffRole.CENTRAL_OFFICE_LEADER) {
                throw new PairingException.InvalidField("supervisingLeaderId", "must be a central-office leader, not " + leader.role);
            }
        }
    }

    private void checkStaff(StaffData data, UUID self) {
        if (data.role().worksAtASchool() && data.schoolId() == null) {
            throw new PairingException.InvalidField("schoolId", "is required for role " + data.role());
        }
        if (!data.role().worksAtASchool() && data.schoolId() != null) {
            throw new PairingException.InvalidField("schoolId", "must be empty for role " + data.role() + " (central office or consultant)");
        }
        if (!data.grades().isEmpty() && data.role() != StaffRole.TEACHER) {
            throw new PairingException.InvalidField("grade", "is only for teachers, as are grades");
        }
        if (data.schoolId() != null && schools.findByIdOptional(data.schoolId()).isEmpty()) {
            throw new PairingException.InvalidField("schoolId", "names no school");
        }
        staff.findByExternalId(data.externalId()).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new PairingException.Conflict("A staff member with external id " + data.externalId() + " already exists.",
                    java.util.List.of(new PairingException.Reason("externalId", "is already used by another staff member")));
        });
        staff.findByEmail(data.email()).filter(other -> !other.id.equals(self)).ifPresent(other -> {
            throw new PairingException.Conflict("A staff member with email " + data.email() + " already exists.",
                    java.util.List.of(new PairingException.Reason("email", "is already used by another staff member")));
        });
        if (data.role() == StaffRole.PRINCIPAL && data.active()) {
            staff.principalOf(data.schoolId()).filter(other -> !other.id.equals(self)).ifPresent(other -> {
                throw new PairingException.Conflict("School " + data.schoolId() + " already has a principal, " + other.name
                        + ". Deactivate or reassign them first.", java.util.List.of(new PairingException.Reason("role", "the school already has a principal")));
            });
        }
    }

    private static void apply(School school, SchoolData data) {
        school.externalId = data.externalId();
        school.name = data.name();
        school.address = data.address();
        school.latitude = data.latitude();
        school.longitude = data.longitude();
        school.gradeSpan = data.gradeSpan();
        school.enrollment = data.enrollment();
        school.freeReducedLunchPercent = data.freeReducedLunchPercent();
        school.englishLearnerPercent = data.englishLearnerPercent();
        school.readingProficiencyPercent = data.readingProficiencyPercent();
        school.homeLanguages = data.homeLanguages();
        school.raceEthnicity = data.raceEthnicity() == null ? new TreeMap<>() : new TreeMap<>(data.raceEthnicity());
        school.supervisingLeaderId = data.supervisingLeaderId();
    }

    private static void apply(Staff member, StaffData data) {
        member.externalId = data.externalId();
        member.name = data.name();
        member.email = data.email();
        member.role = data.role();
        member.schoolId = data.schoolId();
        member.grade = data.grade();
        member.grades = new java.util.ArrayList<>(data.grades());
        member.active = data.active();
    }

    /** Whether two states of a school are the same, comparing numbers by value. */
    public static boolean sameState(SchoolData a, SchoolData b) {
        return normalized(a).equals(normalized(b));
    }

    /** Compares numbers by value, so 40 and 40.00 are the same share. */
    @SuppressWarnings("unchecked")
    private static SchoolData normalized(SchoolData d) {
        Map<String, BigDecimal> shares = new TreeMap<>();
        if (d.raceEthnicity() != null) {
            // Read back from JSON, values may arrive as any number type.
            for (Map.Entry<String, ?> share : ((Map<String, ?>) d.raceEthnicity()).entrySet()) {
                shares.put(share.getKey(), share.getValue() == null ? null : strip(new BigDecimal(share.getValue().toString())));
            }
        }
        return new SchoolData(d.externalId(), d.name(), d.address(), d.latitude(), d.longitude(), d.gradeSpan(), d.enrollment(),
                strip(d.freeReducedLunchPercent()), strip(d.englishLearnerPercent()), strip(d.readingProficiencyPercent()),
                d.homeLanguages(), shares, d.supervisingLeaderId());
    }

    private static BigDecimal strip(BigDecimal value) {
        return value == null ? null : value.stripTrailingZeros();
    }

    private static <T> Paged<T> page(PanacheQuery<T> query, int page, int size) {
        // Read-only: a page is only shown, so Hibernate keeps no copy of each row's state to compare at flush.
        return new Paged<>(query.withHint(org.hibernate.jpa.HibernateHints.HINT_READ_ONLY, true).page(Page.of(page, size)).list(),
                page, size, query.count());
    }
}
