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

/**
 * Substitute coverage follows the schedule: one request per released teacher of each published session, kept in step
 * with the session in the caller's transaction; the calls the HR system is owed are queued with the change
 * ({@link HrDispatch}). Called explicitly by {@link SessionSchedule} and {@link PairingService} after each change.
 */
@ApplicationScoped
public class CoverageFollowing {

    private final CoverageEvents events;
    private final EntityManager entityManager;

    CoverageFollowing(CoverageEvents events, EntityManager entityManager) {
        this.events = events;
        this.entityManager = entityManager;
    }

    /** Brings the session's requests in line with its state, date, half-day and team, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void follow(Session session, Pairing pairing) {
        if (session.status != SessionStatus.PUBLISHED && session.status != SessionStatus.CANCELLED) {
            return;
        }
        Map<UUID, TeamMember> released = new LinkedHashMap<>();
        if (session.status == SessionStatus.PUBLISHED) {
            Set<String> roles = DistrictSetting.current().substituteRoles();
            pairing.team.stream().filter(m -> roles.contains(m.teamRole)).forEach(m -> released.putIfAbsent(m.staffId, m));
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
            create(session, pairing, member);
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

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
