package org.studioresidency.session.report;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.studioresidency.session.config.LearningLoopConfig;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.SchoolYear;
import org.studioresidency.session.event.ReportEvents;
import org.studioresidency.session.repository.SchoolYearRepository;
import org.studioresidency.session.service.SessionException;

import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Publishes each live pairing's learning-loop snapshot ({@code district.report.learning-loop-snapshot.v1}): weekly on the
 * configured cron for the school year under way, and on demand by the district office. The figures come from the same
 * {@link LearningLoopFigures} as the report, so a snapshot's figures are the report's.
 *
 * <p>Every replica runs the cron; a repeat publishes the same figures again, and notification-service keeps the newest
 * snapshot per pairing, so it changes nothing.
 */
@ApplicationScoped
public class LearningLoopSnapshots {

    private static final Logger LOG = Logger.getLogger(LearningLoopSnapshots.class);
    /** The follow-through window: steps closed in the 7 days before the snapshot. */
    public static final Duration WINDOW = Duration.ofDays(7);

    private final SchoolYearRepository years;
    private final YearRecordsRepository records;
    private final ReportEvents events;
    private final LearningLoopConfig config;

    LearningLoopSnapshots(SchoolYearRepository years, YearRecordsRepository records, ReportEvents events, LearningLoopConfig config) {
        this.years = years;
        this.records = records;
        this.events = events;
        this.config = config;
    }

    @Scheduled(identity = "learning-loop-snapshot", cron = "${learning-loop.snapshot-cron:0 0 18 ? * SUN}",
            timeZone = "${learning-loop.snapshot-time-zone:America/Los_Angeles}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void weekly() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        LocalDate today = now.atZoneSameInstant(DistrictSetting.current().zone()).toLocalDate();
        for (SchoolYear year : years.listAll()) {
            if (!today.isBefore(year.firstDay) && !today.isAfter(year.lastDay)) {
                int published = publish(year.id, now);
                LOG.infof("Learning-loop snapshots of %s: %d pairings", year.name, published);
            }
        }
    }

    /** Publishes the snapshot of every live pairing of the year; returns how many. */
    @Transactional
    public int publish(UUID schoolYearId, OffsetDateTime asOf) {
        List<LearningLoopSnapshot> snapshots = snapshots(schoolYearId, asOf);
        snapshots.forEach(events::learningLoopSnapshot);
        return snapshots.size();
    }

    /** The snapshots of the year's live pairings (not dissolved) as of the moment, computed once from the year's records. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LearningLoopSnapshot> snapshots(UUID schoolYearId, OffsetDateTime asOf) {
        SchoolYear year = years.findByIdOptional(schoolYearId).orElseThrow(() -> new SessionException.NotFound("School year", schoolYearId));
        LearningLoopFigures figures = new LearningLoopFigures(records.load(schoolYearId, year.name, DistrictSetting.current().zone()));
        Map<UUID, LearningLoopSnapshot.Leader> live = records.livePairingLeaders(schoolYearId);
        OffsetDateTime since = asOf.minus(WINDOW);

        Map<UUID, LearningLoopFigures.StepsNow> bySchool = new HashMap<>();
        for (UUID schoolId : figures.schools().keySet()) {
            bySchool.put(schoolId, figures.stepsNow(schoolId, since, asOf));
        }
        LearningLoopSnapshot.District district = new LearningLoopSnapshot.District(bySchool.size(),
                new LearningLoopSnapshot.Medians(
                        LearningLoopFigures.median(bySchool.values().stream().map(s -> (long) s.open()).toList()),
                        LearningLoopFigures.median(bySchool.values().stream().map(s -> (long) s.overdue()).toList()),
                        LearningLoopFigures.median(bySchool.values().stream().map(s -> (long) s.closedSince()).toList())),
                figures.district().gradualRelease().bySessionNumber());
        String reportUrl = config.reportUrl() + "?schoolYearId=" + schoolYearId;

        List<LearningLoopSnapshot> snapshots = new ArrayList<>();
        for (YearRecords.PairingRow pairing : figures.pairings()) {
            if (!live.containsKey(pairing.pairingId())) {
                continue;
            }
            List<LearningLoopSnapshot.SchoolSteps> schools = new ArrayList<>();
            schools.add(steps(pairing.studio(), "STUDIO", bySchool));
            pairing.residency().forEach(r -> schools.add(steps(r, "RESIDENCY", bySchool)));
            snapshots.add(new LearningLoopSnapshot(schoolYearId, year.name, pairing.pairingId(), pairing.label(), asOf, since,
                    live.get(pairing.pairingId()), reportUrl, figures.pairing(pairing).gradualRelease().bySessionNumber(), schools, district));
        }
        return snapshots;
    }

    private static LearningLoopSnapshot.SchoolSteps steps(YearRecords.SchoolName school, String part, Map<UUID, LearningLoopFigures.StepsNow> bySchool) {
        LearningLoopFigures.StepsNow steps = bySchool.get(school.schoolId());
        return new LearningLoopSnapshot.SchoolSteps(school.schoolId(), school.name(), part, steps.open(), steps.overdue(), steps.closedSince());
    }
}
