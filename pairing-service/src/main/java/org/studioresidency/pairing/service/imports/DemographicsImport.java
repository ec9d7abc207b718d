package org.studioresidency.pairing.service.imports;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.apache.commons.csv.CSVRecord;
import org.studioresidency.pairing.domain.School;
import org.studioresidency.pairing.repository.SchoolRepository;
import org.studioresidency.pairing.service.DemographicsPolicy;
import org.studioresidency.pairing.service.DirectoryService;
import org.studioresidency.pairing.service.PairingException;
import org.studioresidency.pairing.service.SchoolData;
import org.studioresidency.pairing.service.imports.ImportReport.Outcome;
import org.studioresidency.pairing.service.imports.ImportReport.Row;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Updates schools' demographics from a simple CSV: {@code externalId} plus any of {@code enrollment,
 * freeReducedLunchPercent, englishLearnerPercent, readingProficiencyPercent, homeLanguages, latitude, longitude} and one
 * {@code race.<group>} column per race/ethnicity group. Empty cells keep the stored value. All rows are checked first;
 * one rejected row and nothing is applied.
 */
@ApplicationScoped
public class DemographicsImport {

    static final String FILE = "demographics.csv";
    private static final String RACE_PREFIX = "race.";

    private final DirectoryService directory;
    private final SchoolRepository schools;

    DemographicsImport(DirectoryService directory, SchoolRepository schools) {
        this.directory = directory;
        this.schools = schools;
    }

    @Transactional
    public ImportReport run(InputStream csv) {
        if (csv == null) {
            throw new PairingException.InvalidField("file", "send the demographics CSV file");
        }
        CsvFile file = CsvFile.read(FILE, csv, Set.of("externalId"));
        List<Row> rows = new ArrayList<>();
        List<Runnable> writes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (CSVRecord record : file.records()) {
            String id = CsvFile.value(record, "externalId");
            long line = CsvFile.line(record);
            if (id == null || !seen.add(id)) {
                rows.add(new Row(FILE, line, id, Outcome.REJECTED, id == null ? "externalId is empty" : "externalId appears more than once"));
                continue;
            }
            Optional<School> found = schools.findByExternalId(id);
            if (found.isEmpty()) {
                rows.add(new Row(FILE, line, id, Outcome.REJECTED, "no school has this externalId; import orgs.csv first"));
                continue;
            }
            School school = found.get();
            SchoolData current = DirectoryService.stateOf(school);
            SchoolData wanted;
            try {
                wanted = merge(record, file.header(), current);
                DemographicsPolicy.check(wanted);
            } catch (PairingException.InvalidField e) {
                rows.add(new Row(FILE, line, id, Outcome.REJECTED, e.reasons().get(0).field() + " " + e.reasons().get(0).message()));
                continue;
            }
            if (DirectoryService.sameState(current, wanted)) {
                rows.add(new Row(FILE, line, id, Outcome.UNCHANGED, null));
            } else {
                rows.add(new Row(FILE, line, id, Outcome.UPDATED, null));
                writes.add(() -> directory.replaceSchool(school, wanted));
            }
        }
        ImportReport report = ImportReport.of(rows);
        if (report.rejected() > 0) {
            throw new ImportRejected(report);
        }
        writes.forEach(Runnable::run);
        return report;
    }

    private static SchoolData merge(CSVRecord record, List<String> header, SchoolData current) {
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
                race.isEmpty() ? current.raceEthnicity() : race, current.supervisingLeaderId());
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
