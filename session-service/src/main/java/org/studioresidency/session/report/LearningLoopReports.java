package org.studioresidency.session.report;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.SchoolYear;
import org.studioresidency.session.repository.SchoolYearRepository;
import org.studioresidency.session.service.SessionException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The learning-loop report of a school year. The district office and viewers see the district, every pairing and every
 * school; a principal sees only their own school and the pairings it takes part in (no district figures).
 */
@ApplicationScoped
public class LearningLoopReports {

    private final SchoolYearRepository years;
    private final YearRecordsRepository records;

    LearningLoopReports(SchoolYearRepository years, YearRecordsRepository records) {
        this.years = years;
        this.records = records;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public LearningLoopReport report(UUID schoolYearId, Optional<UUID> onlySchool) {
        SchoolYear year = years.findByIdOptional(schoolYearId).orElseThrow(() -> new SessionException.NotFound("School year", schoolYearId));
        LearningLoopFigures figures = new LearningLoopFigures(records.load(schoolYearId, year.name, DistrictSetting.current().zone()));
        List<LearningLoopReport.PairingFigures> pairings = figures.pairings().stream()
                .filter(p -> onlySchool.isEmpty() || p.concerns(onlySchool.get()))
                .map(p -> new LearningLoopReport.PairingFigures(p.pairingId(), p.label(), figures.pairing(p)))
                .toList();
        List<LearningLoopReport.SchoolFigures> schools = figures.schools().entrySet().stream()
                .filter(e -> onlySchool.isEmpty() || onlySchool.get().equals(e.getKey()))
                .map(e -> new LearningLoopReport.SchoolFigures(e.getKey(), e.getValue(), figures.school(e.getKey())))
                .sorted(Comparator.comparing(LearningLoopReport.SchoolFigures::name).thenComparing(LearningLoopReport.SchoolFigures::schoolId))
                .toList();
        return new LearningLoopReport(schoolYearId, year.name, onlySchool.isEmpty() ? figures.district() : null, pairings, schools);
    }
}
