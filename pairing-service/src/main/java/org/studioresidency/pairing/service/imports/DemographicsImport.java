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
import org.studioresidency.pairing.service.DemographicsPolicy;
import org.studioresidency.pairing.service.DirectoryService;
import org.studioresidency.pairing.service.PairingException;
import org.studioresidency.pairing.service.SchoolData;
import org.studioresidency.pairing.service.imports.ImportReport.Outcome;
import org.studioresidency.pairing.service.imports.ImportReport.Row;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Updates schools' demographics from a simple CSV: {@code externalId} plus any of {@code enrollment,
 * freeReducedLunchPercent, englishLearnerPercent, readingProficiencyPercent, homeLanguages, latitude, longitude} and one
 * {@code race.<group>} column per race/ethnicity group, and {@code supervisingLeader}: the external id or email of the
 * central-office leader who supervises the school. Empty cells keep the stored value. All rows are checked first; one
 * rejected row and nothing is applied. Each row of the report carries the school's id.
 */
@ApplicationScoped
public class DemographicsImport {

    static final String FILE = "demographics.csv";
    static final String SUPERVISING_LEADER = "supervisingLeader";
    private static final String RACE_PREFIX = "race.";

    private final DirectoryService directory;
    private final SchoolRepository schools;
    private final StaffRepository staff;

    DemographicsImport(DirectoryService directory, SchoolRepository schools, StaffRepository staff) {
        this.directory = directory;
        this.schools = schools;
        this.staff = staff;
    }

    @Transactional
    @TransactionConfiguration(timeout = ImportReport.TRANSACTION_TIMEOUT_SECONDS)
    public ImportReport run(InputStream csv) {
        if (csv == null) {
            throw new PairingException.InvalidField("file", "send the demographics CSV file");
        }
        CsvFile file = CsvFile.read(FILE, csv, Set.of("externalId"));
        ImportPlan plan = new ImportPlan();
        Set<String> seen = new HashSet<>();
        for (CSVRecord record : file.records()) {
            String id = CsvFile.value(record, "externalId");
            long line = CsvFile.line(record);
            if (id == null || !seen.add(id)) {
                plan.add(new Row(FILE, line, id, Outcome.REJECTED, id == null ? "externalId is empty" : "externalId appears more than once"));
                continue;
            }
            Optional<School> found = schools.findByExternalId(id);
            if (found.isEmpty()) {
                plan.add(new Row(FILE, line, id, Outcome.REJECTED, "no school has this externalId; import orgs.csv first"));
                continue;
            }
            School school = found.get();
            SchoolData current = DirectoryService.stateOf(school);
            SchoolData wanted;
            try {
                wanted = merge(record, file.header(), current, supervisingLeader(record, current.supervisingLeaderId()));
                DemographicsPolicy.check(wanted);
            } catch (PairingException.InvalidField e) {
                plan.add(new Row(FILE, line, id, Outcome.REJECTED, e.reasons().get(0).field() + " " + e.reasons().get(0).message()));
                continue;
            }
            if (DirectoryService.sameState(current, wanted)) {
                plan.add(new Row(FILE, line, id, Outcome.UNCHANGED, null), school.id);
            } else {
                plan.add(new Row(FILE, line, id, Outcome.UPDATED, null), () -> directory.replaceSchool(school, wanted).id);
            }
        }
        return plan.apply();
    }

    /** The leader a {@code supervisingLeader} cell names by external id or email; an empty cell keeps {@code current}. */
    private UUID supervisingLeader(CSVRecord record, UUID current) {
        String reference = CsvFile.value(record, SUPERVISING_LEADER);
        if (reference == null) {
            return current;
        }
        Staff leader = staff.findByExternalId(reference)
                .or(() -> reference.contains("@") ? staff.findByEmail(reference) : Optional.empty())
                .orElseThrow(() -> new PairingException.InvalidField(SUPERVISING_LEADER,
                        reference + " is no staff member's external id or email; import users.csv first"));
        if (leader.role != StaffRole.CENTRAL_OFFICE_LEADER || !leader.active) {
            throw new PairingException.InvalidField(SUPERVISING_LEADER, reference + " must be an active central-office leader, not "
                    + (leader.active ? leader.role : "an inactive " + leader.role));
        }
        return leader.id;
    }

    private static SchoolData merge(CSVRecord record, List<String> header, SchoolData current, UUID supervisingLeaderId) {
        Map<String, BigDecimal> race = new TreeMap<>();
        for (String column : header) {
            if (column.startsWith(RACE_PREFIX)) {
                BigDecimal share = percent(record, column);
                if (share != null) {
                    race.put(column.substring(RACE_PREFIX.length()), share);
                }
            }
        }
        Double latitude = decimal(record, "latitude", -90, 90);
        Double longitude = decimal(record, "longitude", -180, 180);
        return new SchoolData(current.externalId(), current.name(), current.address(),
                latitude != null ? latitude : current.latitude(), longitude != null ? longitude : current.longitude(),
                current.gradeSpan(), whole(record, "enrollment", current.enrollment()),
                or(percent(record, "freeReducedLunchPercent"), current.freeReducedLunchPercent()),
                or(percent(record, "englishLearnerPercent"), current.englishLearnerPercent()),
                or(percent(record, "readingProficiencyPercent"), current.readingProficiencyPercent()),
                whole(record, "homeLanguages", current.homeLanguages()),
                race.isEmpty() ? current.raceEthnicity() : race, supervisingLeaderId);
    }

    private static BigDecimal percent(CSVRecord record, String column) {
        String value = CsvFile.value(record, column);
        if (value == null) {
            return null;
        }
        try {
            BigDecimal percent = new BigDecimal(value);
            if (percent.signum() < 0 || percent.compareTo(BigDecimal.valueOf(100)) > 0) {
                throw new PairingException.InvalidField(column, "must be between 0 and 100, not " + value);
            }
            return percent;
        } catch (NumberFormatException e) {
            throw new PairingException.InvalidField(column, "must be a number, not " + value);
        }
    }

    private static Double decimal(CSVRecord record, String column, double min, double max) {
        String value = CsvFile.value(record, column);
        if (value == null) {
            return null;
        }
        try {
            double number = Double.parseDouble(value);
            if (number < min || number > max) {
                throw new PairingException.InvalidField(column, "must be between " + min + " and " + max);
            }
            return number;
        } catch (NumberFormatException e) {
            throw new PairingException.InvalidField(column, "must be a number, not " + value);
        }
    }

    private static Integer whole(CSVRecord record, String column, Integer current) {
        String value = CsvFile.value(record, column);
        if (value == null) {
            return current;
        }
        try {
            int number = Integer.parseInt(value);
            if (number < 0) {
                throw new PairingException.InvalidField(column, "must be zero or more");
            }
            return number;
        } catch (NumberFormatException e) {
            throw new PairingException.InvalidField(column, "must be a whole number, not " + value);
        }
    }

    private static <T> T or(T value, T fallback) {
        return value != null ? value : fallback;
    }
}
