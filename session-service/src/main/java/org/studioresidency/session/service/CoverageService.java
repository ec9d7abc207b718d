package org.studioresidency.session.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
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
import org.studioresidency.session.domain.SessionScheduleChanged;
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

/**
 * Substitute coverage: one request per released teacher of each published session, kept in step with the session in
 * the same transaction; the calls the HR system is owed are queued with the change ({@link HrDispatch}).
 */
@ApplicationScoped
public class CoverageService {

    private static final Logger LOG = Logger.getLogger(CoverageService.class);
    static final String CALLBACK_CONSUMER = "hr-callbacks";
    public static final BigDecimal HALF_DAY_UNITS = new BigDecimal("0.5");

    public record Callback(String type, String jobId, UUID externalId, String status, String substituteId, String substituteName) {
    }

    public enum FillRateGrouping { DATE, SCHOOL, WEEK }

    public record FillRate(String key, long requested, long filled, long unfilled, double fillRate) {
    }

    private final CoverageEvents events;
    private final ProcessedEvents processed;
    private final SettingsService settings;
    private final CoverageConfig config;
    private final EntityManager entityManager;

    CoverageService(CoverageEvents events, ProcessedEvents processed, SettingsService settings, CoverageConfig config,
                    EntityManager entityManager) {
        this.events = events;
        this.processed = processed;
        this.settings = settings;
        this.config = config;
        this.entityManager = entityManager;
    }

    /** Brings the session's requests in line with its state, date, half-day and team, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    void onScheduleChanged(@Observes SessionScheduleChanged change) {
        Session session = change.session();
        if (session.status != SessionStatus.PUBLISHED && session.status != SessionStatus.CANCELLED) {
            return;
        }
        Map<UUID, TeamMember> released = new LinkedHashMap<>();
        if (session.status == SessionStatus.PUBLISHED) {
            Set<String> roles = DistrictSetting.current().substituteRoles();
            change.pairing().team.stream().filter(m -> roles.contains(m.teamRole)).forEach(m -> released.putIfAbsent(m.staffId, m));
        }
        // Row locks: an HR callback or the dispatcher may be updating the same requests right now; wait for them, do not fail.
        List<CoverageRequest> live = CoverageRequest.<CoverageRequest>find("sessionId = ?1 and status <> ?2", session.id, CoverageStatus.CANCELLED)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list();
        for (CoverageRequest request : live) {
            TeamMember member = released.remove(request.staffId);
            if (member == null) {
                cancel(request);
            } else if (!request.date.equals(session.date) || request.halfDay != session.halfDay) {
                reschedule(request, session);
            }
        }
        for (TeamMember member : released.values()) {
            create(session, change.pairing(), member);
        }
        entityManager.flush();
    }

    private void create(Session session, Pairing pairing, TeamMember member) {
        OffsetDateTime now = now();
        CoverageRequest request = new CoverageRequest();
        request.id = UUID.randomUUID();
        request.sessionId = session.id;
        request.pairingId = pairing.id;
        request.staffId = member.staffId;
        request.teacherName = member.name;
        request.teacherEmail = member.email;
        request.schoolId = member.schoolId;
        request.date = session.date;
        request.halfDay = session.halfDay;
        request.status = CoverageStatus.PENDING;
        request.revision = 1;
        request.createdAt = now;
        request.updatedAt = now;
        request.persist();
        owe(request, HrDispatch.Action.CREATE);
        long onDate = CoverageRequest.count("date = ?1 and status <> ?2", session.date, CoverageStatus.CANCELLED);
        int cap = settings.substituteCapOn(session.date);
        if (onDate > cap) {
            // The scheduler never books past the cap; only a team change decided in pairing-service can get here.
            LOG.warnf("Substitute requests on %s: %d, above the daily cap of %d (team change of pairing %s)", session.date, onDate, cap,
                    pairing.id);
        }
    }

    private void reschedule(CoverageRequest request, Session session) {
        request.date = session.date;
        request.halfDay = session.halfDay;
        request.status = CoverageStatus.PENDING;
        request.substituteId = null;
        request.substituteName = null;
        request.atRiskRaised = false;
        request.revision++;
        request.updatedAt = now();
        owe(request, HrDispatch.Action.UPDATE);
    }

    private void cancel(CoverageRequest request) {
        request.status = CoverageStatus.CANCELLED;
        request.revision++;
        request.updatedAt = now();
        boolean hrMayKnowIt = request.hrJobId != null
                || HrDispatch.count("coverageRequestId = ?1 and (attempts > 0 or sentAt is not null)", request.id) > 0;
        if (hrMayKnowIt) {
            owe(request, HrDispatch.Action.CANCEL);
        } else {
            // Nothing ever reached the HR system: forget the owed calls instead of creating a job only to cancel it.
            HrDispatch.delete("coverageRequestId = ?1 and sentAt is null", request.id);
        }
        events.cancelled(request);
    }

    private void owe(CoverageRequest request, HrDispatch.Action action) {
        HrDispatch dispatch = new HrDispatch();
        dispatch.coverageRequestId = request.id;
        dispatch.action = action;
        dispatch.idempotencyKey = request.idempotencyKey();
        dispatch.createdAt = now();
        dispatch.nextAttemptAt = dispatch.createdAt;
        dispatch.persist();
    }

    /** The absence job as the HR system should see it now. */
    @Transactional
    public AbsenceJobs.AbsenceJob job(UUID requestId) {
        CoverageRequest r = CoverageRequest.findById(requestId);
        DistrictSetting s = DistrictSetting.current();
        Pairing pairing = Pairing.findById(r.pairingId);
        return new AbsenceJobs.AbsenceJob(r.id, new AbsenceJobs.Employee(r.staffId, r.teacherName, r.teacherEmail), r.schoolId, r.date,
                r.halfDay.name(), s.startOf(r.halfDay), s.endOf(r.halfDay), HALF_DAY_UNITS, config.reasonCode(),
                "Studio/residency session at " + (pairing == null ? "the studio school" : pairing.studioSchoolName));
    }

    /** The HR system accepted a create or update: the request is requested there (unless it moved on meanwhile). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void accepted(UUID requestId, String jobId) {
        // Fast HR systems call back before their answer arrives here: the lock makes the two wait for each other.
        CoverageRequest request = CoverageRequest.findById(requestId, LockModeType.PESSIMISTIC_WRITE);
        if (jobId != null) {
            request.hrJobId = jobId;
        }
        if (request.status == CoverageStatus.PENDING) {
            request.status = CoverageStatus.REQUESTED;
            request.updatedAt = now();
            events.requested(request);
        }
    }

    /**
     * Applies a verified HR callback once per webhook id; false when the id was applied before. Callbacks about a
     * request this service has cancelled, or that name another job, change nothing.
     */
    @Transactional
    public boolean applyCallback(String webhookId, Callback callback) {
        if (!processed.claim(CALLBACK_CONSUMER, webhookId)) {
            return false;
        }
        Optional<CoverageRequest> found = callback.externalId() == null ? Optional.empty()
                : CoverageRequest.<CoverageRequest>findByIdOptional(callback.externalId(), LockModeType.PESSIMISTIC_WRITE);
        if (found.isEmpty() && callback.jobId() != null) {
            found = CoverageRequest.<CoverageRequest>find("hrJobId", callback.jobId()).withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional();
        }
        if (found.isEmpty()) {
            throw new SessionException.NotFound("Coverage request", callback.externalId() != null ? callback.externalId() : callback.jobId());
        }
        CoverageRequest request = found.get();
        if (request.status == CoverageStatus.CANCELLED
                || (request.hrJobId != null && callback.jobId() != null && !request.hrJobId.equals(callback.jobId()))) {
            LOG.infof("HR callback %s for coverage request %s (%s) ignored", webhookId, request.id, request.status);
            return true;
        }
        if (request.hrJobId == null) {
            request.hrJobId = callback.jobId();
        }
        String status = callback.status() != null ? callback.status() : statusOfType(callback.type());
        switch (status) {
            case "FILLED" -> {
                request.status = CoverageStatus.FILLED;
                request.substituteId = callback.substituteId();
                request.substituteName = callback.substituteName();
                request.updatedAt = now();
                events.filled(request);
                clearAtRiskWhenCovered(request.sessionId);
            }
            case "UNFILLED" -> {
                request.status = CoverageStatus.UNFILLED;
                request.substituteId = null;
                request.substituteName = null;
                request.updatedAt = now();
                events.unfilled(request);
            }
            case "CANCELLED" -> {
                request.status = CoverageStatus.CANCELLED;
                request.updatedAt = now();
                events.cancelled(request);
            }
            default -> throw new SessionException.InvalidField("status", "must be FILLED, UNFILLED or CANCELLED");
        }
        return true;
    }

    private static String statusOfType(String type) {
        if (type == null) {
            throw new SessionException.InvalidField("type", "is required when status is missing");
        }
        return switch (type) {
            case "absence-job.filled" -> "FILLED";
            case "absence-job.unfilled" -> "UNFILLED";
            case "absence-job.cancelled" -> "CANCELLED";
            default -> throw new SessionException.InvalidField("type", "must be absence-job.filled, absence-job.unfilled or absence-job.cancelled");
        };
    }

    private void clearAtRiskWhenCovered(UUID sessionId) {
        Session session = Session.findById(sessionId);
        if (session != null && session.coverageAtRisk
                && CoverageRequest.count("sessionId = ?1 and status not in (?2, ?3)", sessionId, CoverageStatus.CANCELLED, CoverageStatus.FILLED) == 0) {
            session.coverageAtRisk = false;
        }
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

    /** Live and cancelled requests of a date range (a principal: those of their school's teachers). */
    public List<CoverageRequest> list(LocalDate from, LocalDate to, Optional<UUID> sessionId, Optional<UUID> onlySchool) {
        checkRange(from, to);
        StringBuilder query = new StringBuilder("date >= :from and date <= :to");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        sessionId.ifPresent(id -> {
            query.append(" and sessionId = :session");
            params.put("session", id);
        });
        onlySchool.ifPresent(id -> {
            query.append(" and schoolId = :school");
            params.put("school", id);
        });
        return CoverageRequest.list(query + " order by date, halfDay, schoolId, staffId, id", params);
    }

    /** The absence jobs the HR system should have in a range: live requests in a stable order. */
    public List<CoverageRequest> exported(LocalDate from, LocalDate to) {
        checkRange(from, to);
        return CoverageRequest.list("date >= ?1 and date <= ?2 and status <> ?3 order by date, halfDay, schoolId, staffId, id",
                from, to, CoverageStatus.CANCELLED);
    }

    @SuppressWarnings("unchecked")
    public List<FillRate> fillRate(LocalDate from, LocalDate to, FillRateGrouping by) {
        checkRange(from, to);
        String key = switch (by) {
            case DATE -> "to_char(date, 'YYYY-MM-DD')";
            case SCHOOL -> "coalesce(cast(school_id as text), 'unknown')";
            case WEEK -> "to_char(date, 'IYYY-\"W\"IW')";
        };
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + key + " AS k, count(*), count(*) FILTER (WHERE status = 'FILLED'),"
                        + " count(*) FILTER (WHERE status = 'UNFILLED') FROM coverage_request"
                        + " WHERE status <> 'CANCELLED' AND date BETWEEN :from AND :to GROUP BY k ORDER BY k")
                .setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> {
            long requested = ((Number) r[1]).longValue();
            long filled = ((Number) r[2]).longValue();
            return new FillRate((String) r[0], requested, filled, ((Number) r[3]).longValue(),
                    requested == 0 ? 0 : Math.round(1000.0 * filled / requested) / 1000.0);
        }).toList();
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new SessionException.InvalidField("from", "is required (YYYY-MM-DD)");
        }
        if (to == null) {
            throw new SessionException.InvalidField("to", "is required (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw new SessionException.InvalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > 400) {
            throw new SessionException.InvalidField("to", "must be at most 400 days after from");
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
