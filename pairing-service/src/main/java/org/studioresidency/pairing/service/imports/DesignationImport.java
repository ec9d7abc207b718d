package org.studioresidency.pairing.service.imports;

import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVRecord;
import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.domain.Staff;
import org.studioresidency.pairing.domain.StudioDesignation;
import org.studioresidency.pairing.repository.SchoolRepository;
import org.studioresidency.pairing.repository.StaffRepository;
import org.studioresidency.pairing.service.DesignationData;
import org.studioresidency.pairing.service.DesignationService;
import org.studioresidency.pairing.service.PairingException;
import org.studioresidency.pairing.service.SchoolYearService;
import org.studioresidency.pairing.service.imports.ImportReport.Outcome;
import org.studioresidency.pairing.service.imports.ImportReport.Row;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Readiness and studio designations of a year for many schools in one call, from a JSON array or a CSV file. Like the
 * directory imports: every row is checked first and one rejected row applies nothing. A row that would change an
 * existing designation must carry its {@code version} (the If-Match of a single update); a row equal to what is stored
 * is UNCHANGED and needs none. Each row of the report carries the school's id.
 */
@ApplicationScoped
public class DesignationImport {

    static final String FILE = "designations.csv";
    private static final char LIST_SEPARATOR = ';';

    /** One designation of a JSON array; {@code version} names the existing designation it replaces. */
    public record Entry(UUID schoolId, DesignationData data, Long version) {
    }

    /** A row before its school and designation are looked at: what it asks for, or why it cannot be read. */
    private record Candidate(String file, long row, String sourcedId, UUID schoolId, DesignationData data, Long version, String error) {
    }

    private final DesignationService designations;
    private final SchoolYearService schoolYears;
    private final SchoolRepository schools;
    private final StaffRepository staff;

    DesignationImport(DesignationService designations, SchoolYearService schoolYears, SchoolRepository schools, StaffRepository staff) {
        this.designations = designations;
        this.schoolYears = schoolYears;
        this.schools = schools;
        this.staff = staff;
    }

    @Transactional
    @TransactionConfiguration(timeout = ImportReport.TRANSACTION_TIMEOUT_SECONDS)
    public ImportReport putAll(UUID schoolYearId, List<Entry> entries) {
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry entry = entries.get(i);
            candidates.add(new Candidate(null, i, String.valueOf(entry.schoolId()), entry.schoolId(), entry.data(), entry.version(), null));
        }
        return apply(schoolYearId, candidates);
    }

    /**
     * CSV columns: {@code externalId} (the school's) and {@code readiness}, optional {@code readinessNote, studio (true or
     * false), focusTeacher, literacyCoach, capacity, residencyTeachers, version}. People are named by id, external id or
     * email; {@code residencyTeachers} separates several with {@code ;}.
     */
    @Transactional
    @TransactionConfiguration(timeout = ImportReport.TRANSACTION_TIMEOUT_SECONDS)
    public ImportReport importCsv(UUID schoolYearId, InputStream csv) {
        if (csv == null) {
            throw new PairingException.InvalidField("file", "send the designations CSV file");
        }
        schoolYears.get(schoolYearId);
        CsvFile file = CsvFile.read(FILE, csv, Set.of("externalId", "readiness"));
        List<Candidate> candidates = new ArrayList<>();
        for (CSVRecord record : file.records()) {
            String externalId = CsvFile.value(record, "externalId");
            long line = CsvFile.line(record);
            try {
                School school = Optional.ofNullable(externalId).flatMap(schools::findByExternalId).orElseThrow(() ->
                        new PairingException.InvalidField("externalId", externalId == null ? "is empty" : "names no school; import orgs.csv first"));
                DesignationData data = new DesignationData(whole(record, "readiness", true), CsvFile.value(record, "readinessNote"),
                        bool(record, "studio"), person(record, "focusTeacher"), person(record, "literacyCoach"),
                        whole(record, "capacity", false), people(record, "residencyTeachers"));
                Integer version = whole(record, "version", false);
                candidates.add(new Candidate(FILE, line, externalId, school.id, data, version == null ? null : version.longValue(), null));
            } catch (PairingException.InvalidField e) {
                candidates.add(new Candidate(FILE, line, externalId, null, null, null, reason(e)));
            }
        }
        return apply(schoolYearId, candidates);
    }

    private ImportReport apply(UUID schoolYearId, List<Candidate> candidates) {
        schoolYears.get(schoolYearId);
        ImportPlan plan = new ImportPlan();
        Set<UUID> seen = new HashSet<>();
        for (Candidate c : candidates) {
            String refused = c.error() != null ? c.error() : refusal(c, seen);
            if (refused != null) {
                plan.add(new Row(c.file(), c.row(), c.sourcedId(), Outcome.REJECTED, refused));
                continue;
            }
            StudioDesignation existing = designations.find(schoolYearId, c.schoolId()).orElse(null);
            if (existing == null) {
                plan.add(new Row(c.file(), c.row(), c.sourcedId(), Outcome.CREATED, null),
                        () -> designations.save(schoolYearId, c.schoolId(), null, c.data()).schoolId);
            } else if (DesignationService.same(existing, c.data())) {
                plan.add(new Row(c.file(), c.row(), c.sourcedId(), Outcome.UNCHANGED, null), c.schoolId());
            } else if (c.version() == null) {
                plan.add(new Row(c.file(), c.row(), c.sourcedId(), Outcome.REJECTED, "version is required to replace the school's"
                        + " designation of this year (it is at version " + existing.version + "); read it and give that version"));
            } else if (c.version() != existing.version) {
                plan.add(new Row(c.file(), c.row(), c.sourcedId(), Outcome.REJECTED, "version " + c.version() + " is stale: the"
                        + " designation was changed since and is at version " + existing.version + "; read it again"));
            } else {
                plan.add(new Row(c.file(), c.row(), c.sourcedId(), Outcome.UPDATED, null),
                        () -> designations.save(schoolYearId, c.schoolId(), existing, c.data()).schoolId);
            }
        }
        return plan.apply();
    }

    /** Why the row cannot be applied, or null when it can. */
    private String refusal(Candidate c, Set<UUID> seen) {
        if (schools.findByIdOptional(c.schoolId()).isEmpty()) {
            return "schoolId names no school";
        }
        if (!seen.add(c.schoolId())) {
            return "the school appears more than once";
        }
        try {
            designations.check(c.schoolId(), c.data());
            return null;
        } catch (PairingException.InvalidField e) {
            return reason(e);
        }
    }

    private static String reason(PairingException.InvalidField e) {
        return e.reasons().get(0).field() + " " + e.reasons().get(0).message();
    }

    private UUID person(CSVRecord record, String column) {
        String reference = CsvFile.value(record, column);
        return reference == null ? null : resolve(column, reference);
    }

    private List<UUID> people(CSVRecord record, String column) {
        String references = CsvFile.value(record, column);
        if (references == null) {
            return List.of();
        }
        return Arrays.stream(references.split(String.valueOf(LIST_SEPARATOR))).map(String::trim).filter(r -> !r.isEmpty())
                .map(r -> resolve(column, r)).toList();
    }

    /** A staff member named by id, external id or email. */
    private UUID resolve(String column, String reference) {
        try {
            return UUID.fromString(reference);
        } catch (IllegalArgumentException notAnId) {
            return staff.findByExternalId(reference)
                    .or(() -> reference.contains("@") ? staff.findByEmail(reference) : Optional.empty())
                    .map((Staff s) -> s.id)
                    .orElseThrow(() -> new PairingException.InvalidField(column, reference + " is no staff member's id, external id or email"));
        }
    }

    private static boolean bool(CSVRecord record, String column) {
        String value = CsvFile.value(record, column);
        if (value == null || value.equalsIgnoreCase("false")) {
            return false;
        }
        if (value.equalsIgnoreCase("true")) {
            return true;
        }
        throw new PairingException.InvalidField(column, "must be true or false, not " + value.toLowerCase(Locale.ROOT));
    }

    private static Integer whole(CSVRecord record, String column, boolean required) {
        String value = CsvFile.value(record, column);
        if (value == null) {
            if (required) {
                throw new PairingException.InvalidField(column, "is empty");
            }
            return null;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new PairingException.InvalidField(column, "must be a whole number, not " + value);
        }
    }
}
