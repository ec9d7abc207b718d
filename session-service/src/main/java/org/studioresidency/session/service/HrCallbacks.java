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

/** What the HR substitute system tells this service: accepted jobs and signed callbacks (filled, unfilled, cancelled). */
@ApplicationScoped
public class HrCallbacks {

    private static final Logger LOG = Logger.getLogger(HrCallbacks.class);
    static final String CALLBACK_CONSUMER = "hr-callbacks";
    public static final BigDecimal HALF_DAY_UNITS = new BigDecimal("0.5");

    public record Callback(String type, String jobId, UUID externalId, String status, String substituteId, String substituteName) {
    }

    private final CoverageEvents events;
    private final ProcessedEvents processed;
    private final CoverageConfig config;

    HrCallbacks(CoverageEvents events, ProcessedEvents processed, CoverageConfig config) {
        this.events = events;
        this.processed = processed;
        this.config = config;
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

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
