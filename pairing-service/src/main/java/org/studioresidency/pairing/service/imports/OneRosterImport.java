package org.studioresidency.pairing.service.imports;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVRecord;
import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StaffRole;
import org.studioresidency.pairing.repository.SchoolRepository;
import org.studioresidency.pairing.repository.StaffRepository;
import org.studioresidency.pairing.service.DirectoryService;
import org.studioresidency.pairing.service.Grades;
import org.studioresidency.pairing.service.PlainText;
import org.studioresidency.pairing.service.SchoolData;
import org.studioresidency.pairing.service.StaffData;
import org.studioresidency.pairing.service.imports.ImportReport.Outcome;
import org.studioresidency.pairing.service.imports.ImportReport.Row;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Upserts schools and staff from OneRoster 1.2 CSV files by {@code sourcedId} (stored as the external id).
 * orgs.csv gives schools (other org types are skipped); users.csv gives staff, their role coming from roles.csv
 * (primary role), else from a {@code metadata.staffRole} extension column holding one of this service's staff roles.
 * Every row is checked before anything is written: one rejected row and nothing is applied. Rows equal to what is
 * stored change nothing and publish nothing, so importing the same files twice is harmless.
 */
@ApplicationScoped
public class OneRosterImport {

    static final String ORGS = "orgs.csv";
    static final String USERS = "users.csv";
    static final String ROLES = "roles.csv";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> NOT_STAFF = Set.of("student", "parent", "guardian", "relative", "aide", "proctor");

    private final DirectoryService directory;
    private final SchoolRepository schools;
    private final StaffRepository staff;

    OneRosterImport(DirectoryService directory, SchoolRepository schools, StaffRepository staff) {
        this.directory = directory;
        this.schools = schools;
        this.staff = staff;
    }

    /** Any of the streams may be null when that file is not part of the import. */
    @Transactional
    @TransactionConfiguration(timeout = ImportReport.TRANSACTION_TIMEOUT_SECONDS)
    public ImportReport run(InputStream orgsCsv, InputStream usersCsv, InputStream rolesCsv) {
        if (orgsCsv == null && usersCsv == null) {
            throw new org.studioresidency.pairing.service.PairingException.InvalidField("orgs", "send orgs.csv, users.csv or both");
        }
        CsvFile orgs = orgsCsv == null ? null : CsvFile.read(ORGS, orgsCsv, Set.of("sourcedId", "name", "type"));
        CsvFile users = usersCsv == null ? null : CsvFile.read(USERS, usersCsv, Set.of("sourcedId", "givenName", "familyName", "email"));
        Map<String, String[]> roles = rolesCsv == null ? Map.of() : primaryRoles(CsvFile.read(ROLES, rolesCsv, Set.of("userSourcedId", "role", "roleType")));

        ImportPlan plan = new ImportPlan();
        Set<String> schoolsInFile = new HashSet<>();
        if (orgs != null) {
            for (CSVRecord record : orgs.records()) {
                planOrg(record, plan, schoolsInFile);
            }
        }
        if (users != null) {
            Set<String> emails = new HashSet<>();
            Set<String> principalSchools = new HashSet<>();
            for (CSVRecord record : users.records()) {
                planUser(record, roles, schoolsInFile, emails, principalSchools, plan);
            }
        }
        return plan.apply();
    }

    private void planOrg(CSVRecord record, ImportPlan plan, Set<String> schoolsInFile) {
        String id = CsvFile.value(record, "sourcedId");
        long line = CsvFile.line(record);
        String name = CsvFile.value(record, "name");
        String type = CsvFile.value(record, "type");
        if (id == null) {
            plan.add(new Row(ORGS, line, null, Outcome.REJECTED, "sourcedId is empty"));
            return;
        }
        if (!schoolsInFile.add(id)) {
            plan.add(new Row(ORGS, line, id, Outcome.REJECTED, "sourcedId appears more than once in the file"));
            return;
        }
        if (!"school".equalsIgnoreCase(type)) {
            schoolsInFile.remove(id);
            plan.add(new Row(ORGS, line, id, Outcome.SKIPPED, "org type " + type + " is not a school"));
            return;
        }
        if ("tobedeleted".equalsIgnoreCase(CsvFile.value(record, "status"))) {
            plan.add(new Row(ORGS, line, id, Outcome.SKIPPED, "marked tobedeleted; schools are kept for their history, not deleted"));
            return;
        }
        if (name == null) {
            plan.add(new Row(ORGS, line, id, Outcome.REJECTED, "name is empty"));
            return;
        }
        if (!PlainText.Validator.isPlain(name) || !PlainText.Validator.isPlain(id)) {
            plan.add(new Row(ORGS, line, id, Outcome.REJECTED, (PlainText.Validator.isPlain(name) ? "sourcedId " : "name ") + PlainText.MESSAGE));
            return;
        }
        Optional<School> existing = schools.findByExternalId(id);
        if (existing.isEmpty()) {
            plan.add(new Row(ORGS, line, id, Outcome.CREATED, null),
                    () -> directory.createSchool(new SchoolData(id, name, null, null, null, null, null, null, null, null, null, null, null)).id);
            return;
        }
        School school = existing.get();
        SchoolData current = DirectoryService.stateOf(school);
        SchoolData wanted = new SchoolData(id, name, current.address(), current.latitude(), current.longitude(), current.gradeSpan(),
                current.enrollment(), current.freeReducedLunchPercent(), current.englishLearnerPercent(),
                current.readingProficiencyPercent(), current.homeLanguages(), current.raceEthnicity(), current.supervisingLeaderId());
        if (DirectoryService.sameState(current, wanted)) {
            plan.add(new Row(ORGS, line, id, Outcome.UNCHANGED, null), school.id);
        } else {
            plan.add(new Row(ORGS, line, id, Outcome.UPDATED, null), () -> directory.replaceSchool(school, wanted).id);
        }
    }

    private void planUser(CSVRecord record, Map<String, String[]> roles, Set<String> schoolsInFile, Set<String> emails,
                          Set<String> principalSchools, ImportPlan plan) {
        String id = CsvFile.value(record, "sourcedId");
        long line = CsvFile.line(record);
        if (id == null) {
            plan.add(new Row(USERS, line, null, Outcome.REJECTED, "sourcedId is empty"));
            return;
        }
        String[] role = roles.get(id);
        String extension = CsvFile.value(record, "metadata.staffRole");
        String oneRosterRole = role != null ? role[0] : CsvFile.value(record, "role");
        if (extension == null && oneRosterRole != null && NOT_STAFF.contains(oneRosterRole.toLowerCase(Locale.ROOT))) {
            plan.add(new Row(USERS, line, id, Outcome.SKIPPED, "role " + oneRosterRole + " is not staff"));
            return;
        }
        StaffRole staffRole = staffRole(extension, oneRosterRole);
        if (staffRole == null) {
            plan.add(new Row(USERS, line, id, Outcome.REJECTED, extension != null
                    ? "metadata.staffRole " + extension + " is not one of " + java.util.Arrays.toString(StaffRole.values())
                    : "role " + oneRosterRole + " has no staff role here; add a metadata.staffRole column"));
            return;
        }
        String name = String.join(" ", first(CsvFile.value(record, "preferredGivenName"), CsvFile.value(record, "givenName")),
                first(CsvFile.value(record, "preferredFamilyName"), CsvFile.value(record, "familyName"))).trim();
        String email = CsvFile.value(record, "email");
        if (name.isEmpty()) {
            plan.add(new Row(USERS, line, id, Outcome.REJECTED, "givenName and familyName are empty"));
            return;
        }
        if (!PlainText.Validator.isPlain(name) || !PlainText.Validator.isPlain(id)) {
            plan.add(new Row(USERS, line, id, Outcome.REJECTED, (PlainText.Validator.isPlain(name) ? "sourcedId " : "givenName and familyName ") + PlainText.MESSAGE));
            return;
        }
        if (email == null || !EMAIL.matcher(email).matches()) {
            plan.add(new Row(USERS, line, id, Outcome.REJECTED, "email " + (email == null ? "is empty" : email + " is not a valid email address")));
            return;
        }
        if (!emails.add(email.toLowerCase(Locale.ROOT))) {
            plan.add(new Row(USERS, line, id, Outcome.REJECTED, "email " + email + " appears more than once in the file"));
            return;
        }
        Optional<Staff> sameEmail = staff.findByEmail(email);
        if (sameEmail.isPresent() && !id.equals(sameEmail.get().externalId)) {
            plan.add(new Row(USERS, line, id, Outcome.REJECTED, "email " + email + " belongs to another staff member"));
            return;
        }
        String orgId = role != null && role[1] != null ? role[1] : CsvFile.value(record, "primaryOrgSourcedId");
        UUID schoolId = null;
        if (staffRole.worksAtASchool()) {
            if (orgId == null) {
                plan.add(new Row(USERS, line, id, Outcome.REJECTED, "a " + staffRole + " needs primaryOrgSourcedId naming their school"));
                return;
            }
            Optional<School> school = schools.findByExternalId(orgId);
            if (school.isEmpty() && !schoolsInFile.contains(orgId)) {
                plan.add(new Row(USERS, line, id, Outcome.REJECTED, "primaryOrgSourcedId " + orgId + " is no school in orgs.csv or the directory"));
                return;
            }
            schoolId = school.map(s -> s.id).orElse(null);
        }
        boolean active = !"tobedeleted".equalsIgnoreCase(CsvFile.value(record, "status"))
                && !"false".equalsIgnoreCase(CsvFile.value(record, "enabledUser"));
        if (staffRole == StaffRole.PRINCIPAL && active) {
            if (!principalSchools.add(orgId)) {
                plan.add(new Row(USERS, line, id, Outcome.REJECTED, "school " + orgId + " has two principals in the file"));
                return;
            }
            if (schoolId != null) {
                Optional<Staff> principal = staff.principalOf(schoolId);
                if (principal.isPresent() && !id.equals(principal.get().externalId)) {
                    plan.add(new Row(USERS, line, id, Outcome.REJECTED, "school " + orgId + " already has a principal, " + principal.get().name));
                    return;
                }
            }
        }
        List<String> grades = staffRole == StaffRole.TEACHER ? grades(CsvFile.value(record, "grades")) : List.of();
        UUID knownSchool = schoolId;
        Optional<Staff> existing = staff.findByExternalId(id);
        if (existing.isPresent() && knownSchool != null
                && DirectoryService.stateOf(existing.get()).equals(new StaffData(id, name, email, staffRole, knownSchool, grades, active))) {
            plan.add(new Row(USERS, line, id, Outcome.UNCHANGED, null), existing.get().id);
            return;
        }
        if (existing.isPresent() && !staffRole.worksAtASchool()
                && DirectoryService.stateOf(existing.get()).equals(new StaffData(id, name, email, staffRole, null, grades, active))) {
            plan.add(new Row(USERS, line, id, Outcome.UNCHANGED, null), existing.get().id);
            return;
        }
        boolean atSchool = staffRole.worksAtASchool();
        plan.add(new Row(USERS, line, id, existing.isPresent() ? Outcome.UPDATED : Outcome.CREATED, null), () -> {
            UUID resolved = atSchool ? schools.findByExternalId(orgId).map(s -> s.id).orElseThrow() : null;
            StaffData data = new StaffData(id, name, email, staffRole, resolved, grades, active);
            Optional<Staff> now = staff.findByExternalId(id);
            return now.isPresent() ? directory.replaceStaff(now.get(), data).id : directory.createStaff(data).id;
        });
    }

    private static Map<String, String[]> primaryRoles(CsvFile roles) {
        Map<String, String[]> primary = new HashMap<>();
        for (CSVRecord record : roles.records()) {
            if ("primary".equalsIgnoreCase(CsvFile.value(record, "roleType"))) {
                primary.put(CsvFile.value(record, "userSourcedId"), new String[]{CsvFile.value(record, "role"), CsvFile.value(record, "orgSourcedId")});
            }
        }
        return primary;
    }

    private static StaffRole staffRole(String extension, String oneRosterRole) {
        if (extension != null) {
            try {
                return StaffRole.valueOf(extension.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        if (oneRosterRole == null) {
            return null;
        }
        return switch (oneRosterRole.toLowerCase(Locale.ROOT)) {
            case "teacher" -> StaffRole.TEACHER;
            case "principal" -> StaffRole.PRINCIPAL;
            case "districtadministrator" -> StaffRole.CENTRAL_OFFICE_LEADER;
            default -> null;
        };
    }

    /** OneRoster grades are CEDS codes (KG, 01..12), comma-separated; every one of PK-12 is kept, others are ignored. */
    private static List<String> grades(String grades) {
        if (grades == null) {
            return List.of();
        }
        return java.util.Arrays.stream(grades.split(",")).map(Grades::fromCeds).flatMap(Optional::stream).toList();
    }

    private static String first(String preferred, String fallback) {
        return preferred != null ? preferred : fallback == null ? "" : fallback;
    }
}
