package org.studioresidency.pairing.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.domain.StudioDesignation;
import org.studioresidency.pairing.repository.DesignationRepository;
import org.studioresidency.pairing.repository.StaffRepository;
import org.studioresidency.pairing.security.Scope;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The central office's yearly readiness ratings and studio designations. */
@ApplicationScoped
public class DesignationService {

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
        if (data.studio()) {
            requireStaff("focusTeacherId", data.focusTeacherId(), schoolId, "a teacher", m -> m.role == StaffRole.TEACHER);
            requireStaff("literacyCoachId", data.literacyCoachId(), schoolId, "a literacy coach", m -> m.role.isLiteracyCoach());
        } else if (data.focusTeacherId() != null || data.literacyCoachId() != null) {
            throw new PairingException.InvalidField(data.focusTeacherId() != null ? "focusTeacherId" : "literacyCoachId",
                    "is only for studio schools (set studio to true)");
        }
        if (designation == null) {
            designation = new StudioDesignation();
            designation.id = UUID.randomUUID();
            designation.schoolYearId = schoolYearId;
            designation.schoolId = schoolId;
            designations.persist(designation);
        }
        designation.readiness = data.readiness();
        designation.readinessNote = data.readinessNote();
        designation.studio = data.studio();
        designation.focusTeacherId = data.focusTeacherId();
        designation.literacyCoachId = data.literacyCoachId();
        designation.capacity = data.capacity() == null ? 1 : data.capacity();
        designations.flush();
        return designation;
    }

    private void requireStaff(String field, UUID staffId, UUID schoolId, String what, java.util.function.Predicate<Staff> fits) {
        if (staffId == null) {
            throw new PairingException.InvalidField(field, "is required for a studio school");
        }
        Staff member = staff.findByIdOptional(staffId).orElseThrow(() -> new PairingException.InvalidField(field, "names no staff member"));
        if (!fits.test(member) || !Objects.equals(member.schoolId, schoolId) || !member.active) {
            throw new PairingException.InvalidField(field, "must be " + what + " working at this school");
        }
    }
}
