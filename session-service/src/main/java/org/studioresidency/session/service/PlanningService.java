package org.studioresidency.session.service;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverStatus;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.PlanningJob;
import org.studioresidency.session.domain.SchoolYear;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionStatus;
import org.studioresidency.session.event.SessionEvents;
import org.studioresidency.session.repository.SessionRepository;
import org.studioresidency.session.solver.PlanExplanation;
import org.studioresidency.session.solver.PlannedSession;
import org.studioresidency.session.solver.SchedulePlan;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Planning jobs: the solver plans a school year in the background; the job row reports progress; a district leader
 * reviews the explained plan and publishes it.
 */
@ApplicationScoped
public class PlanningService {

    private static final Logger LOG = Logger.getLogger(PlanningService.class);

    private final SessionSolver solver;
    private final PlanningProblemFactory problems;
    private final SessionRepository sessions;
    private final SessionService sessionService;
    private final SessionEvents events;
    private final ObjectMapper json;
    /** Jobs a user asked to stop, so their result is marked STOPPED; holds only running jobs. */
    private final Set<UUID> stopRequested = ConcurrentHashMap.newKeySet();
    /** When each running job last wrote its best score, to write at most once a second. */
    private final Map<UUID, Instant> lastProgress = new ConcurrentHashMap<>();

    PlanningService(SessionSolver solver, PlanningProblemFactory problems, SessionRepository sessions,
                    SessionService sessionService, SessionEvents events, ObjectMapper json) {
        this.solver = solver;
        this.problems = problems;
        this.sessions = sessions;
        this.sessionService = sessionService;
        this.events = events;
        this.json = json;
    }

    /** Jobs that were solving when the service stopped will never finish: say so. */
    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> PlanningJob.update(
                "status = ?1, error = ?2, finishedAt = ?3 WHERE status = ?4", PlanningJob.Status.FAILED,
                "The service restarted while this job was solving; start a new one.", OffsetDateTime.now(ZoneOffset.UTC),
                PlanningJob.Status.SOLVING));
    }

    public PlanningJob start(UUID schoolYearId) {
        UUID jobId = UUID.randomUUID();
        SchedulePlan plan = QuarkusTransaction.requiringNew().call(() -> {
            SchoolYear year = SchoolYear.<SchoolYear>findByIdOptional(schoolYearId)
                    .orElseThrow(() -> new SessionException.NotFound("School year", schoolYearId));
            PlanningJob job = new PlanningJob();
            job.id = jobId;
            job.schoolYearId = year.id;
            job.status = PlanningJob.Status.SOLVING;
            job.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
            job.persist();
            try {
                job.flush();
            } catch (PersistenceException e) {
                throw new SessionException.Conflict("A planning job for " + year.name + " is already solving. Stop it or wait for it.");
            }
            return problems.build(year, s -> true, true).plan();
        });
        if (plan.getSessions().isEmpty()) {
            QuarkusTransaction.requiringNew().run(() -> finish(jobId, plan));
        } else {
            solver.manager().solveBuilder()
                    .withProblemId(jobId)
                    .withProblem(plan)
                    .withBestSolutionConsumer(best -> progress(jobId, best))
                    .withFinalBestSolutionConsumer(best -> QuarkusTransaction.requiringNew().run(() -> finish(jobId, best)))
                    .withExceptionHandler((id, error) -> fail(id, error))
                    .run();
        }
        return QuarkusTransaction.requiringNew().call(() -> PlanningJob.findById(jobId));
    }

    public PlanningJob get(UUID jobId) {
        return PlanningJob.<PlanningJob>findByIdOptional(jobId).orElseThrow(() -> new SessionException.NotFound("Planning job", jobId));
    }

    public List<PlanningJob> ofYear(UUID schoolYearId) {
        return PlanningJob.list("schoolYearId = ?1 ORDER BY startedAt DESC", schoolYearId);
    }

    public PlanningJob stop(UUID jobId) {
        PlanningJob job = get(jobId);
        if (job.status == PlanningJob.Status.SOLVING) {
            SolverStatus before = solver.manager().getSolverStatus(jobId);
            stopRequested.add(jobId);
            solver.manager().terminateEarly(jobId);
            if (before == SolverStatus.SOLVING_SCHEDULED) {
                // A queued job leaves the queue without a final plan, so nothing else would close it.
                stopRequested.remove(jobId);
                QuarkusTransaction.requiringNew().run(() -> PlanningJob.update(
                        "status = ?1, finishedAt = ?2, error = ?3 WHERE id = ?4 AND status = ?5", PlanningJob.Status.STOPPED,
                        OffsetDateTime.now(ZoneOffset.UTC), "Stopped while waiting for another job; nothing was planned.", jobId,
                        PlanningJob.Status.SOLVING));
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> get(jobId));
    }

    public PlanExplanation explanation(UUID jobId) {
        PlanningJob job = get(jobId);
        if (job.explanation == null) {
            throw new SessionException.Conflict("Planning job " + jobId + " is " + job.status + "; it has no plan to explain yet.");
        }
        try {
            return json.readValue(job.explanation, PlanExplanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored explanation of job " + jobId + " is unreadable", e);
        }
    }

    /** Publishes the job's plan: proposed sessions become real sessions in people's calendars. */
    @Transactional
    public PlanningJob publish(UUID jobId, Long expectedVersion) {
        PlanningJob job = get(jobId);
        if (expectedVersion != null && expectedVersion != job.version) {
            throw new SessionException.StaleVersion("Planning job " + jobId);
        }
        if (job.status != PlanningJob.Status.SOLVED && job.status != PlanningJob.Status.STOPPED) {
            throw new SessionException.Conflict("Planning job " + jobId + " is " + job.status + "; only a finished plan can be published.");
        }
        if (job.bestScore == null || job.explanation == null) {
            throw new SessionException.Conflict("Planning job " + jobId + " stopped before it planned anything; start a new one.");
        }
        HardMediumSoftScore score = HardMediumSoftScore.parseScore(job.bestScore);
        if (score.hardScore() < 0) {
            throw new SessionException.Conflict("The plan breaks hard rules (score " + job.bestScore
                    + "); see its explanation, change the calendar or settings and plan again.");
        }
        DistrictSetting settings = DistrictSetting.current();
        for (Session session : sessions.list("planningJobId = ?1 and (status = ?2 or proposedDate is not null)", jobId,
                SessionStatus.PLANNED)) {
            Pairing pairing = Pairing.findById(session.pairingId);
            if (session.status == SessionStatus.PLANNED) {
                session.status = SessionStatus.PUBLISHED;
                session.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                sessionService.book(session, pairing);
                events.published(session, pairing, settings);
            } else if (session.status == SessionStatus.PUBLISHED) {
                LocalDate previousDate = session.date;
                var previousHalf = session.halfDay;
                session.date = session.proposedDate;
                session.halfDay = session.proposedHalfDay;
                session.proposedDate = null;
                session.proposedHalfDay = null;
                session.icsSequence++;
                sessions.releaseBookings(session.id);
                sessions.flush();
                sessionService.book(session, pairing);
                events.rescheduled(session, pairing, settings, previousDate, previousHalf);
            }
        }
        job.status = PlanningJob.Status.PUBLISHED;
        return job;
    }

    private void progress(UUID jobId, SchedulePlan best) {
        Instant now = Instant.now();
        Instant last = lastProgress.get(jobId);
        if (last != null && last.plusSeconds(1).isAfter(now)) {
            return;
        }
        lastProgress.put(jobId, now);
        String score = best.getScore() == null ? null : best.getScore().toString();
        QuarkusTransaction.requiringNew().run(() -> PlanningJob.update("bestScore = ?1 WHERE id = ?2 AND status = ?3",
                score, jobId, PlanningJob.Status.SOLVING));
    }

    private void finish(UUID jobId, SchedulePlan best) {
        lastProgress.remove(jobId);
        boolean stopped = stopRequested.remove(jobId);
        PlanningJob job = PlanningJob.findById(jobId);
        PlanExplanation explanation = solver.explain(best);
        Map<UUID, Session> stored = new java.util.HashMap<>();
        for (Session s : sessions.countingOfYear(job.schoolYearId)) {
            stored.put(s.id, s);
        }
        for (PlannedSession planned : best.getSessions()) {
            if (planned.getSlot() == null) {
                continue;
            }
            Session session = stored.get(planned.getId());
            if (session == null) {
                session = new Session();
                session.id = planned.getId();
                session.pairingId = planned.getPairing().pairingId();
                session.schoolYearId = job.schoolYearId;
                session.number = planned.getNumber();
                session.status = SessionStatus.PLANNED;
                session.date = planned.getSlot().date();
                session.halfDay = planned.getSlot().halfDay();
                session.planningJobId = jobId;
                session.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
                sessions.persist(session);
            } else if (session.status == SessionStatus.PLANNED) {
                session.date = planned.getSlot().date();
                session.halfDay = planned.getSlot().halfDay();
                session.planningJobId = jobId;
            } else if (session.status == SessionStatus.PUBLISHED && planned.movedFromPublishedSlot()) {
                session.proposedDate = planned.getSlot().date();
                session.proposedHalfDay = planned.getSlot().halfDay();
                session.planningJobId = jobId;
            }
        }
        job.status = stopped ? PlanningJob.Status.STOPPED : PlanningJob.Status.SOLVED;
        job.finishedAt = OffsetDateTime.now(ZoneOffset.UTC);
        job.bestScore = best.getScore() == null ? "0hard/0medium/0soft" : best.getScore().toString();
        try {
            job.explanation = json.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Explanation of job " + jobId + " could not be written", e);
        }
    }

    private void fail(UUID jobId, Throwable error) {
        LOG.errorf(error, "Planning job %s failed", jobId);
        lastProgress.remove(jobId);
        stopRequested.remove(jobId);
        QuarkusTransaction.requiringNew().run(() -> PlanningJob.update(
                "status = ?1, error = ?2, finishedAt = ?3 WHERE id = ?4", PlanningJob.Status.FAILED,
                "The solver failed; the error is logged under job " + jobId + ".", OffsetDateTime.now(ZoneOffset.UTC), jobId));
    }
}
