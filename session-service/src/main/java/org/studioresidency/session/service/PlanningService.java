package org.studioresidency.session.service;

import ai.timefold.solver.core.api.score.buildin.hardmediumsoft.HardMediumSoftScore;
import ai.timefold.solver.core.api.solver.SolverConfigOverride;
import ai.timefold.solver.core.api.solver.SolverStatus;
import ai.timefold.solver.core.config.solver.termination.TerminationConfig;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.studioresidency.session.config.PlanningConfig;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.PlanningJob;
import org.studioresidency.session.domain.SchoolYear;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionStatus;
import org.studioresidency.session.repository.SessionRepository;
import org.studioresidency.session.solver.PlanExplanation;
import org.studioresidency.session.solver.PlannedSession;
import org.studioresidency.session.solver.ReplanRepair;
import org.studioresidency.session.solver.SchedulePlan;
import org.studioresidency.session.solver.SchedulingSolverConfig;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Planning jobs: the solver plans a school year in the background, on the pairings the caller has seen (its
 * consistency token); the job row reports progress and, when it ends without a plan, why; a district leader reviews
 * the explained plan and publishes it in one step.
 */
@ApplicationScoped
public class PlanningService {

    private static final Logger LOG = Logger.getLogger(PlanningService.class);
    private static final int RETRY_AFTER_SECONDS = 2;
    private static final int PUBLICATION_TIMEOUT_SECONDS = 600;
    /** How often a waiting read looks at its job again: well under a second, a few cheap queries per second. */
    private static final Duration FINISH_POLL = Duration.ofMillis(200);

    /** A job with what it waits for, when it is queued. */
    public record JobView(PlanningJob job, List<PlanningJob> queuedBehind) {
    }

    private final SessionSolver solver;
    private final PlanningProblemFactory problems;
    private final SessionRepository sessions;
    private final SessionSchedule schedule;
    private final PairingRevisions revisions;
    private final PlanningConfig config;
    private final ObjectMapper json;
    private final jakarta.transaction.TransactionSynchronizationRegistry transactions;
    /** Jobs a user asked to stop, so their result is marked STOPPED; holds only running jobs. */
    private final Set<UUID> stopRequested = ConcurrentHashMap.newKeySet();
    /** When each running job last wrote its best score, to write at most once a second. */
    private final Map<UUID, Instant> lastProgress = new ConcurrentHashMap<>();

    PlanningService(SessionSolver solver, PlanningProblemFactory problems, SessionRepository sessions, SessionSchedule schedule,
                    PairingRevisions revisions, PlanningConfig config, ObjectMapper json,
                    jakarta.transaction.TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
        this.solver = solver;
        this.problems = problems;
        this.sessions = sessions;
        this.schedule = schedule;
        this.revisions = revisions;
        this.config = config;
        this.json = json;
    }

    /** Jobs that were queued or solving when the service stopped will never finish: say so. */
    void onStart(@Observes StartupEvent start) {
        QuarkusTransaction.requiringNew().run(() -> PlanningJob.update(
                "status = ?1, error = ?2, finishedAt = ?3 WHERE status in ?4", PlanningJob.Status.FAILED,
                "The planning service restarted while this job was running, so it has no plan. Start a new planning job.",
                OffsetDateTime.now(ZoneOffset.UTC), List.of(PlanningJob.Status.SOLVING, PlanningJob.Status.QUEUED)));
    }

    /**
     * Starts planning the year once this service has applied the pairing changes up to {@code pairingRevision} (the
     * token pairing-service's writes return); without one, up to the highest change it has heard of.
     */
    public PlanningJob start(UUID schoolYearId, Long pairingRevision) {
        SchoolYear year = QuarkusTransaction.requiringNew().call(() -> SchoolYear.<SchoolYear>findByIdOptional(schoolYearId)
                .orElseThrow(() -> new SessionException.NotFound("School year", schoolYearId)));
        long basis = awaitPairings(year, pairingRevision);
        UUID jobId = UUID.randomUUID();
        SchedulePlan plan = QuarkusTransaction.requiringNew().call(() -> {
            if (Pairing.count("schoolYearId = ?1 and dissolved = false", year.id) == 0) {
                throw new SessionException.NotYetApplied("No pairings of " + year.name + " have reached session-service yet. If you have"
                        + " just confirmed a matching, start planning again in a few seconds, passing the yearRevision it returned as"
                        + " pairingRevision; otherwise confirm a matching in pairing-service first.", RETRY_AFTER_SECONDS);
            }
            // Read after the pairings: a change whose first events arrived since the wait above (a caller without the
            // token, right after a confirmation) must not be planned on half-received.
            PairingRevisions.Progress now = revisions.progress(year.id);
            if (now.applied() < now.heard()) {
                throw notYetApplied(year, now, now.heard());
            }
            PlanningProblemFactory.Problem problem = problems.build(year, s -> true, true);
            SchedulePlan built = problem.plan();
            // Held sessions are pinned, and so are published ones after the repair: only the held ones mean nothing to plan.
            if (built.getSessions().stream().allMatch(p -> problem.stored().containsKey(p.getId())
                    && (problem.stored().get(p.getId()).status == SessionStatus.HELD
                    || problem.stored().get(p.getId()).status == SessionStatus.SUMMARISED))) {
                throw new SessionException.Conflict("Every session of " + year.name + " has already been held; there is nothing left to plan.");
            }
            PlanningJob job = new PlanningJob();
            job.id = jobId;
            job.schoolYearId = year.id;
            job.status = PlanningJob.Status.QUEUED;
            job.startedAt = OffsetDateTime.now(ZoneOffset.UTC);
            job.pairingRevision = Math.max(basis, now.applied());
            job.persist();
            try {
                job.flush();
            } catch (PersistenceException e) {
                throw new SessionException.Conflict("A planning job for " + year.name + " is already queued or solving. Stop it or wait for it.");
            }
            return built;
        });
        if (ReplanRepair.nothingLeftToPlan(plan)) {
            // The repair moved every broken session and pinned every session: no solver phase could change anything.
            plan.setScore(solver.solutions().update(plan));
            QuarkusTransaction.requiringNew().run(() -> finish(jobId, plan));
            return QuarkusTransaction.requiringNew().call(() -> PlanningJob.findById(jobId));
        }
        solver.manager().solveBuilder()
                .withProblemId(jobId)
                .withProblem(plan)
                .withConfigOverride(new SolverConfigOverride<SchedulePlan>().withTerminationConfig(termination(plan)))
                .withSolverJobStartedConsumer(started -> QuarkusTransaction.requiringNew().run(() -> PlanningJob.update(
                        "status = ?1 WHERE id = ?2 AND status = ?3", PlanningJob.Status.SOLVING, jobId, PlanningJob.Status.QUEUED)))
                .withBestSolutionConsumer(best -> progress(jobId, best))
                .withFinalBestSolutionConsumer(best -> {
                    QuarkusTransaction.requiringNew().run(() -> finish(jobId, best));
                    returnSolverMemory();
                })
                .withExceptionHandler((id, error) -> fail(id, error))
                .run();
        return QuarkusTransaction.requiringNew().call(() -> PlanningJob.findById(jobId));
    }

    /**
     * A first plan searches until, breaking no hard rule, it has not improved for the configured time; a re-plan of a year with published
     * sessions (already repaired, its published sessions pinned) stops at the first plan as good as the repair on hard
     * and medium, since the soft score is not what a re-plan is for ({@link SchedulingSolverConfig#afterRepair}); a
     * re-plan whose repair pinned every session does not run the solver at all (see {@link #start}).
     */
    TerminationConfig termination(SchedulePlan plan) {
        if (plan.getSessions().stream().noneMatch(s -> s.getPublishedSlot() != null)) {
            return SchedulingSolverConfig.firstPlan(config.unimprovedLimit(), config.timeLimit());
        }
        return SchedulingSolverConfig.afterRepair(solver.solutions().update(plan), config.unimprovedLimit(), config.timeLimit());
    }

    /**
     * Solving a large district grows the heap well beyond what the service needs otherwise, and with the serial
     * collector only a full collection gives that memory back to the operating system (MaxHeapFreeRatio); on a quiet
     * service none may come for hours. One full collection shortly after a job ends (once the solver has let go of
     * its working solution), and after a publication, returns it.
     */
    private static void returnSolverMemory() {
        java.util.concurrent.CompletableFuture.delayedExecutor(5, java.util.concurrent.TimeUnit.SECONDS).execute(System::gc);
    }

    /** The applied pairing revision to plan on, once it covers what the caller asked for (or all that was heard of). */
    private long awaitPairings(SchoolYear year, Long pairingRevision) {
        PairingRevisions.Progress progress = QuarkusTransaction.requiringNew().call(() -> revisions.progress(year.id));
        long wanted = pairingRevision != null ? pairingRevision : progress.heard();
        if (progress.applied() < wanted) {
            progress = revisions.awaitApplied(year.id, wanted, config.consistencyWait());
        }
        if (progress.applied() < wanted) {
            throw notYetApplied(year, progress, wanted);
        }
        return progress.applied();
    }

    /** Planning refused because pairing changes up to {@code wanted} have not all reached this service yet. */
    private static SessionException.NotYetApplied notYetApplied(SchoolYear year, PairingRevisions.Progress progress, long wanted) {
        String partly = progress.waitingEventsExpected() == 0 ? "none of its pairing events has arrived yet"
                : progress.waitingEventsReceived() + " of its " + progress.waitingEventsExpected() + " pairing events have arrived";
        return new SessionException.NotYetApplied("Session-service has the pairings of " + year.name + " up to change "
                + progress.applied() + " from pairing-service, and planning needs change " + wanted + " (for change "
                + (progress.applied() + 1) + ", " + partly + "). Pairing changes usually arrive within seconds: start planning"
                + " again shortly.", RETRY_AFTER_SECONDS);
    }

    public JobView get(UUID jobId) {
        PlanningJob job = PlanningJob.<PlanningJob>findByIdOptional(jobId).orElseThrow(() -> new SessionException.NotFound("Planning job", jobId));
        List<PlanningJob> behind = job.status == PlanningJob.Status.QUEUED
                ? PlanningJob.list("status = ?1 and id <> ?2 ORDER BY startedAt", PlanningJob.Status.SOLVING, jobId)
                : List.of();
        return new JobView(job, behind);
    }

    /**
     * The job once it is no longer queued or solving, or as it is when {@code bound} has passed: a portal waits for its
     * plan in one request instead of polling. Each look is its own short transaction, so nothing is held while waiting.
     */
    public JobView awaitFinished(UUID jobId, Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        while (true) {
            JobView view = QuarkusTransaction.requiringNew().call(() -> get(jobId));
            if (!view.job().status.isRunning() || !Instant.now().isBefore(deadline)) {
                return view;
            }
            LockSupport.parkNanos(FINISH_POLL.toNanos());
        }
    }

    public List<PlanningJob> ofYear(UUID schoolYearId) {
        return PlanningJob.list("schoolYearId = ?1 ORDER BY startedAt DESC", schoolYearId);
    }

    public JobView stop(UUID jobId) {
        PlanningJob job = get(jobId).job();
        if (job.status == PlanningJob.Status.SOLVING || job.status == PlanningJob.Status.QUEUED) {
            SolverStatus before = solver.manager().getSolverStatus(jobId);
            stopRequested.add(jobId);
            solver.manager().terminateEarly(jobId);
            if (before == SolverStatus.SOLVING_SCHEDULED || job.status == PlanningJob.Status.QUEUED) {
                // A queued job leaves the queue without a final plan, so nothing else would close it.
                stopRequested.remove(jobId);
                QuarkusTransaction.requiringNew().run(() -> PlanningJob.update(
                        "status = ?1, finishedAt = ?2, error = ?3 WHERE id = ?4 AND status = ?5", PlanningJob.Status.STOPPED,
                        OffsetDateTime.now(ZoneOffset.UTC), "Stopped while waiting for another job; nothing was planned.", jobId,
                        PlanningJob.Status.QUEUED));
            }
        }
        return QuarkusTransaction.requiringNew().call(() -> get(jobId));
    }

    public PlanExplanation explanation(UUID jobId) {
        PlanningJob job = get(jobId).job();
        if (job.explanation == null) {
            throw new SessionException.Conflict("Planning job " + jobId + " is " + job.status + "; it has no plan to explain yet.");
        }
        try {
            return json.readValue(job.explanation, PlanExplanation.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored explanation of job " + jobId + " is unreadable", e);
        }
    }

    /**
     * Publishes the job's plan in one step: its planned sessions go into people's calendars and its moves of published
     * sessions apply together. The plan is checked against the district's rules as they are now, so a plan made before a
     * team change is refused with the rules it would break, not published.
     */
    @Transactional
    // One step for the whole year: 400 sessions with 2,400 substitute requests took 50 s at load average 26, close to the
    // default 60 s timeout that would roll the publication back after its work was done.
    @TransactionConfiguration(timeout = PUBLICATION_TIMEOUT_SECONDS)
    public PlanningJob publish(UUID jobId, long expectedVersion) {
        // Publishing a large district's year holds thousands of sessions, coverage requests and events in one
        // transaction; once it has committed, give that heap back too (measured: 197 MB committed afterwards without).
        transactions.registerInterposedSynchronization(new jakarta.transaction.Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                returnSolverMemory();
            }
        });
        PlanningJob job = get(jobId).job();
        if (expectedVersion != job.version) {
            throw new SessionException.StaleVersion("Planning job " + jobId);
        }
        if (job.status == PlanningJob.Status.SUPERSEDED) {
            throw new SessionException.Conflict("Planning job " + jobId + " was superseded by a newer plan (job " + job.supersededBy
                    + "); publish that one, or plan again.");
        }
        if (!job.status.hasPublishablePlan()) {
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
        SchoolYear year = SchoolYear.findById(job.schoolYearId);
        refuseIfRulesBrokenNow(job, year);
        List<Session> toPublish = new ArrayList<>();
        List<SessionSchedule.PlannedMove> moves = new ArrayList<>();
        for (Session session : sessions.list("planningJobId = ?1 and (status = ?2 or proposedDate is not null)", jobId, SessionStatus.PLANNED)) {
            if (session.status == SessionStatus.PLANNED) {
                toPublish.add(session);
            } else if (session.status == SessionStatus.PUBLISHED) {
                moves.add(new SessionSchedule.PlannedMove(session, session.proposedDate, session.proposedHalfDay));
            }
        }
        Map<UUID, Pairing> pairings = new HashMap<>();
        schedule.applyPlan(toPublish, moves, id -> pairings.computeIfAbsent(id, key -> Pairing.<Pairing>findById(key)), DistrictSetting.current(),
                OffsetDateTime.now(ZoneOffset.UTC));
        job.status = PlanningJob.Status.PUBLISHED;
        supersedeOthers(job);
        return job;
    }

    /** Scores the year as it would be with this plan, against today's teams, calendar and settings. */
    private void refuseIfRulesBrokenNow(PlanningJob job, SchoolYear year) {
        PlanningProblemFactory.Problem problem = problems.build(year,
                s -> s.status != SessionStatus.PLANNED || job.id.equals(s.planningJobId), false);
        Set<UUID> touched = new java.util.HashSet<>();
        for (PlannedSession planned : problem.plan().getSessions()) {
            Session stored = problem.stored().get(planned.getId());
            if (stored == null || !job.id.equals(stored.planningJobId)) {
                continue;
            }
            if (stored.hasProposal()) {
                planned.setSlot(problem.slot(stored.proposedDate, stored.proposedHalfDay));
                touched.add(stored.id);
            } else if (stored.status == SessionStatus.PLANNED) {
                touched.add(stored.id);
            }
        }
        PlanExplanation now = solver.explain(problem.plan());
        List<SessionException.Reason> broken = touched.stream()
                .flatMap(id -> now.hardPenaltiesOf(id).stream())
                .map(p -> SessionException.Reason.of(p.constraint() + ": " + p.reason()))
                .distinct().sorted(java.util.Comparator.comparing(SessionException.Reason::message)).toList();
        if (!broken.isEmpty()) {
            long applied = revisions.progress(year.id).applied();
            String since = applied > job.pairingRevision ? " The pairings changed since it was made (it planned on pairing change "
                    + job.pairingRevision + "; session-service now has change " + applied + ")." : "";
            throw new SessionException.Conflict("This plan would now break " + broken.size() + " district rule(s)." + since
                    + " Start a new planning job.", broken);
        }
    }

    /** Other finished plans of the year can no longer be published, and their proposals are cleared. */
    private void supersedeOthers(PlanningJob job) {
        supersedeOtherPlans(job);
        for (Session session : sessions.list("schoolYearId = ?1 and proposedDate is not null and (planningJobId is null or planningJobId <> ?2)",
                job.schoolYearId, job.id)) {
            session.clearProposal();
        }
    }

    /** The year's other finished, unpublished plans are replaced by this one. */
    private static void supersedeOtherPlans(PlanningJob job) {
        for (PlanningJob other : PlanningJob.<PlanningJob>list("schoolYearId = ?1 and id <> ?2 and status in ?3", job.schoolYearId, job.id,
                List.of(PlanningJob.Status.SOLVED, PlanningJob.Status.STOPPED))) {
            other.status = PlanningJob.Status.SUPERSEDED;
            other.supersededBy = job.id;
        }
    }

    private void progress(UUID jobId, SchedulePlan best) {
        Instant now = Instant.now();
        Instant last = lastProgress.get(jobId);
        if (last != null && last.plusSeconds(1).isAfter(now)) {
            return;
        }
        lastProgress.put(jobId, now);
        String score = best.getScore() == null ? null : best.getScore().toString();
        QuarkusTransaction.requiringNew().run(() -> PlanningJob.update("bestScore = ?1, status = ?2 WHERE id = ?3 AND status in ?4",
                score, PlanningJob.Status.SOLVING, jobId, List.of(PlanningJob.Status.SOLVING, PlanningJob.Status.QUEUED)));
    }

    /**
     * Stores the final plan: new sessions PLANNED, planned ones at their new slot, moves of published ones as proposals.
     * Sessions of a pairing dissolved meanwhile, and sessions cancelled meanwhile, are left out.
     */
    private void finish(UUID jobId, SchedulePlan best) {
        lastProgress.remove(jobId);
        boolean stopped = stopRequested.remove(jobId);
        PlanningJob job = PlanningJob.findById(jobId);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        PlanExplanation explanation = solver.explain(best);
        Map<UUID, Session> stored = sessions.allOfYearById(job.schoolYearId);
        Set<UUID> activePairings = new java.util.HashSet<>(Pairing.<Pairing>list("schoolYearId = ?1 and dissolved = false", job.schoolYearId)
                .stream().map(p -> p.id).toList());
        Set<UUID> proposedNow = new java.util.HashSet<>();
        for (PlannedSession planned : best.getSessions()) {
            if (planned.getSlot() == null || !activePairings.contains(planned.getPairing().pairingId())) {
                continue;
            }
            Session session = stored.get(planned.getId());
            if (session == null) {
                sessions.persist(Session.planned(planned.getId(), planned.getPairing().pairingId(), job.schoolYearId, planned.getNumber(),
                        planned.getSlot().date(), planned.getSlot().halfDay(), jobId, now));
            } else if (session.status == SessionStatus.PLANNED) {
                session.replan(planned.getSlot().date(), planned.getSlot().halfDay(), jobId, now);
            } else if (session.status == SessionStatus.PUBLISHED && planned.movedFromPublishedSlot()) {
                session.propose(planned.getSlot().date(), planned.getSlot().halfDay(), jobId);
                proposedNow.add(session.id);
            }
        }
        // Proposals of earlier plans that this one does not repeat would otherwise linger on published sessions.
        for (Session session : stored.values()) {
            if (session.hasProposal() && !proposedNow.contains(session.id)) {
                session.clearProposal();
            }
        }
        job.status = stopped ? PlanningJob.Status.STOPPED : PlanningJob.Status.SOLVED;
        job.finishedAt = now;
        job.bestScore = best.getScore() == null ? "0hard/0medium/0soft" : best.getScore().toString();
        try {
            job.explanation = json.writeValueAsString(explanation);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Explanation of job " + jobId + " could not be written", e);
        }
        supersedeOtherPlans(job);
    }

    private void fail(UUID jobId, Throwable error) {
        String reference = UUID.randomUUID().toString();
        LOG.errorf(error, "Planning job %s failed (reference %s)", jobId, reference);
        lastProgress.remove(jobId);
        stopRequested.remove(jobId);
        String reason = "The planner stopped on an unexpected error, so this job has no plan; nothing was changed. Start a new"
                + " planning job; if it fails again, give support the reference " + reference + ".";
        QuarkusTransaction.requiringNew().run(() -> PlanningJob.update(
                "status = ?1, error = ?2, finishedAt = ?3 WHERE id = ?4", PlanningJob.Status.FAILED, reason,
                OffsetDateTime.now(ZoneOffset.UTC), jobId));
    }
}
