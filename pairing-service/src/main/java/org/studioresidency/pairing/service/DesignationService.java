package org.studioresidency.pairing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.domain.StudioDesignation;
import org.studioresidency.pairing.repository.DesignationRepository;
import org.studioresidency.pairing.repository.StaffRepository;
import org.studioresidency.pairing.security.Scope;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

/** The central office's yearly readiness ratings and studio designations. */
@ApplicationScoped
public class DesignationService {

    /** The most residency teachers a designation can name for one school. */
    public static final int MAX_RESIDENCY_TEACHERS = 10;

    private final DesignationRepository designations;
    private final StaffRepository staff;
    private final SchoolYearService schoolYears;
    private final DirectoryService directory;

    DesignationService(DesignationRepository designations, StaffRepository staff, SchoolYearService schoolYears, DirectoryService directory) {
        this.designations = designations;
        this.staff = staff;
        this.schoolYears = schoolYears;
        this.directory = directory;
    }

    public List<StudioDesignation> ofYear(UUID schoolYearId, Scope scope) {
        schoolYears.get(schoolYearId);
        return designations.ofYear(schoolYearId).stream().filter(d -> scope.sees(d.schoolId)).toList();
    }

    public StudioDesignation get(UUID schoolYearId, UUID schoolId, Scope scope) {
        return designations.find(schoolYearId, schoolId).filter(d -> scope.sees(d.schoolId))
                .orElseThrow(() -> new PairingException.NotFound("Designation of school " + schoolId + " in school year", schoolYearId));
    }

    /** Creates the year's designation of the school, or replaces it when {@code expectedVersion} is its version. */
    @Transactional
    public StudioDesignation put(UUID schoolYearId, UUID schoolId, Long expectedVersion, DesignationData data) {
        schoolYears.get(schoolYearId);
        directory.school(schoolId, Scope.DISTRICT);
        StudioDesignation designation = designations.find(schoolYearId, schoolId).orElse(null);
        if (designation != null && expectedVersion == null) {
            throw new PairingException.PreconditionRequired("the designation of school " + schoolId);
        }
        if (designation != null && designation.version != expectedVersion) {
            throw new PairingException.StaleVersion("The designation of school " + schoolId);
        }
        check(schoolId, data);
        return save(schoolYearId, schoolId, designation, data);
    }

    public Optional<StudioDesignation> find(UUID schoolYearId, UUID schoolId) {
        return designations.find(schoolYearId, schoolId);
    }

    /** Refuses a designation whose people do not fit: the first reason, naming its field. */
    public void check(UUID schoolId, DesignationData data) {
        if (data.readiness() == null || data.readiness() < 1 || data.readiness() > 4) {
            throw new PairingException.InvalidField("readiness", data.readiness() == null ? "is required" : "must be between 1 and 4");
        }
        if (data.capacity() != null && (data.capacity() < 1 || data.capacity() > 10)) {
            throw new PairingException.InvalidField("capacity", "must be between 1 and 10");
        }
        if (data.readinessNote() != null && data.readinessNote().length() > 2000) {
            throw new PairingException.InvalidField("readinessNote", "must be at most 2000 characters");
        }
        if (data.studio()) {
            requireStaff("focusTeacherId", data.focusTeacherId(), schoolId, "a teacher", m -> m.role == StaffRole.TEACHER);
            requireStaff("literacyCoachId", data.literacyCoachId(), schoolId, "a literacy coach", m -> m.role.isLiteracyCoach());
        } else if (data.focusTeacherId() != null || data.literacyCoachId() != null) {
            throw new PairingException.InvalidField(data.focusTeacherId() != null ? "focusTeacherId" : "literacyCoachId",
                    "is only for studio schools (set studio to true)");
        }
        if (data.residencyTeacherIds().size() > MAX_RESIDENCY_TEACHERS) {
            throw new PairingException.InvalidField("residencyTeacherIds", "may name at most " + MAX_RESIDENCY_TEACHERS + " teachers");
        }
        Set<UUID> seen = new HashSet<>();
        for (int i = 0; i < data.residencyTeacherIds().size(); i++) {
            UUID teacher = data.residencyTeacherIds().get(i);
            String field = "residencyTeacherIds[" + i + "]";
            if (!seen.add(teacher)) {
                throw new PairingException.InvalidField(field, "is named twice");
            }
            if (teacher.equals(data.focusTeacherId())) {
                throw new PairingException.InvalidField(field, "is the studio's focus teacher already");
            }
            requireStaff(field, teacher, schoolId, "a teacher", m -> m.role == StaffRole.TEACHER);
        }
    }

    /** Whether {@code data} is what the designation holds already. */
    public static boolean same(StudioDesignation d, DesignationData data) {
        return Objects.equals(d.readiness, data.readiness()) && Objects.equals(d.readinessNote, data.readinessNote())
                && d.studio == data.studio() && Objects.equals(d.focusTeacherId, data.focusTeacherId())
                && Objects.equals(d.literacyCoachId, data.literacyCoachId()) && d.capacity == capacity(data)
                && d.residencyTeacherIds.equals(data.residencyTeacherIds());
    }

    /** Writes a checked designation: the existing one when given, else a new one. */
    @Transactional(Transactional.TxType.MANDATORY)
    public StudioDesignation save(UUID schoolYearId, UUID schoolId, StudioDesignation existing, DesignationData data) {
        StudioDesignation designation = existing;
        if (designation == null) {
            designation = new StudioDesignation();
            designation.id = UUID.randomUUID();
            designation.schoolYearId = schoolYearId;
            designation.schoolId = schoolId;
            designations.persist(designation);
        } else if (same(designation, data)) {
            return designation;
        }
        designation.readiness = data.readiness();
        designation.readinessNote = data.readinessNote();
        designation.studio = data.studio();
        designation.focusTeacherId = data.focusTeacherId();
        designation.literacyCoachId = data.literacyCoachId();
        designation.capacity = capacity(data);
        designation.residencyTeacherIds = new ArrayList<>(data.residencyTeacherIds());
        designations.flush();
        return designation;
    }

    private static int capacity(DesignationData data) {
        return data.capacity() == null ? 1 : data.capacity();
    }

    private void requireStaff(String field, UUID staffId, UUID schoolId, String what, Predicate<Staff> fits) {
        if (staffId == null) {
            throw new PairingException.InvalidField(field, "is required for a studio school");
        }
        Staff member = staff.findByIdOptional(staffId).orElseThrow(() -> new PairingException.InvalidField(field, "names no staff member"));
        if (!fits.test(member) || !Objects.equals(member.schoolId, schoolId) || !member.active) {
            throw new PairingException.InvalidField(field, "must be " + what + " working at this school");
        }
    }
}
