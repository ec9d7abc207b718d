package org.studioresidency.session.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.studioresidency.session.config.CoverageConfig;
import org.studioresidency.session.domain.CoverageRequest;
import org.studioresidency.session.domain.CoverageStatus;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.HrDispatch;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionStatus;
import org.studioresidency.session.domain.TeamMember;
import org.studioresidency.session.event.CoverageEvents;
import org.studioresidency.session.event.ProcessedEvents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Follow-up before the day: requests still not filled close to their session are announced at risk, once each. */
@ApplicationScoped
public class CoverageWatch {

    private final CoverageEvents events;
    private final CoverageConfig config;

    CoverageWatch(CoverageEvents events, CoverageConfig config) {
        this.events = events;
        this.config = config;
    }

    @Scheduled(every = "${coverage.check-every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        checkAtRisk(LocalDate.now(DistrictSetting.current().zone()));
    }

    /**
     * Announces, once each, requests still not filled {@code coverage.at-risk-days} days (or fewer) before their
     * session, and marks the session at risk. Returns how many were announced.
     */
    @Transactional
    public int checkAtRisk(LocalDate today) {
        List<CoverageRequest> atRisk = CoverageRequest.list("status in ?1 and atRiskRaised = false and date >= ?2 and date <= ?3 order by date, id",
                List.of(CoverageStatus.PENDING, CoverageStatus.REQUESTED, CoverageStatus.UNFILLED), today, today.plusDays(config.atRiskDays()));
        for (CoverageRequest request : atRisk) {
            request.atRiskRaised = true;
            events.atRisk(request, (int) ChronoUnit.DAYS.between(today, request.date));
            Session session = Session.findById(request.sessionId);
            session.coverageAtRisk = true;
        }
        return atRisk.size();
    }

}
