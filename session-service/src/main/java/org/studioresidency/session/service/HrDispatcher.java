package org.studioresidency.session.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.studioresidency.session.config.HrConfig;
import org.studioresidency.session.domain.CoverageRequest;
import org.studioresidency.session.domain.HrDispatch;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends the calls owed to the HR system, oldest first and in order per request (a job is created before it is moved
 * or cancelled). A call that fails stays owed and is tried again after an exponentially growing, jittered wait, capped
 * at {@code hr.max-backoff}, for as long as the HR system is down. The HTTP call runs outside any transaction; with
 * several replicas a call may go out twice, which the Idempotency-Key makes harmless.
 */
@ApplicationScoped
public class HrDispatcher {

    private static final Logger LOG = Logger.getLogger(HrDispatcher.class);

    private final AbsenceJobs hr;
    private final HrCallbacks coverage;
    private final HrConfig config;
    private final EntityManager entityManager;

    HrDispatcher(AbsenceJobs hr, HrCallbacks coverage, HrConfig config, EntityManager entityManager) {
        this.hr = hr;
        this.coverage = coverage;
        this.config = config;
        this.entityManager = entityManager;
    }

    @Scheduled(every = "${hr.dispatch-every:2s}", delayed = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void onSchedule() {
        dispatchDue();
    }

    /** Sends what is due; returns how many calls succeeded. */
    public int dispatchDue() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> dueIds());
        int sent = 0;
        for (Long id : due) {
            try {
                if (send(id)) {
                    sent++;
                }
            } catch (RuntimeException e) {
                // One row's trouble must not hold up the others; it is tried again later.
                LOG.errorf(e, "HR dispatch %d failed unexpectedly", id);
                retryLater(id, String.valueOf(e));
            }
        }
        return sent;
    }

    @SuppressWarnings("unchecked")
    private List<Long> dueIds() {
        return ((List<Number>) entityManager.createNativeQuery("SELECT d.id FROM hr_dispatch d WHERE d.sent_at IS NULL AND d.next_attempt_at <= now()"
                        + " AND NOT EXISTS (SELECT 1 FROM hr_dispatch e WHERE e.coverage_request_id = d.coverage_request_id"
                        + " AND e.sent_at IS NULL AND e.id < d.id) ORDER BY d.id LIMIT :limit")
                .setParameter("limit", config.batchSize()).getResultList()).stream().map(Number::longValue).toList();
    }

    private boolean send(long dispatchId) {
        record Owed(HrDispatch.Action action, String key, java.util.UUID requestId, String jobId, AbsenceJobs.AbsenceJob job) {
        }
        Owed owed = QuarkusTransaction.requiringNew().call(() -> {
            HrDispatch d = HrDispatch.findById(dispatchId);
            if (d == null || d.sentAt != null) {
                return null;
            }
            CoverageRequest r = CoverageRequest.findById(d.coverageRequestId);
            return new Owed(d.action, d.idempotencyKey, r.id, r.hrJobId, coverage.job(r.id));
        });
        if (owed == null) {
            return false;
        }
        try {
            switch (owed.action()) {
                case CREATE -> {
                    AbsenceJobs.JobAck ack = hr.create(owed.job(), owed.key());
                    done(dispatchId, () -> coverage.accepted(owed.requestId(), ack.jobId()), null);
                }
                case UPDATE -> {
                    if (owed.jobId() == null) {
                        // The create before it failed for good; this revision becomes the job.
                        AbsenceJobs.JobAck ack = hr.create(owed.job(), owed.key());
                        done(dispatchId, () -> coverage.accepted(owed.requestId(), ack.jobId()), null);
                    } else {
                        AbsenceJobs.JobAck ack = hr.update(owed.jobId(), owed.job(), owed.key());
                        done(dispatchId, () -> coverage.accepted(owed.requestId(), ack.jobId()), null);
                    }
                }
                case CANCEL -> {
                    if (owed.jobId() != null) {
                        hr.cancel(owed.jobId(), owed.key());
                    }
                    done(dispatchId, () -> { }, null);
                }
            }
            return true;
        } catch (AbsenceJobs.Refused e) {
            if (owed.action() == HrDispatch.Action.CANCEL && e.status == 404) {
                done(dispatchId, () -> { }, null);
                return true;
            }
            LOG.errorf("HR refused %s of coverage request %s for good: %s", owed.action(), owed.requestId(), e.getMessage());
            done(dispatchId, () -> { }, e.getMessage());
            return false;
        } catch (AbsenceJobs.Unavailable | CircuitBreakerOpenException e) {
            retryLater(dispatchId, e.getMessage());
            return false;
        }
    }

    /**
     * Records the answer. An HR callback about the same request may be committing at this very moment (the sandbox and
     * fast HR systems call back before their answer arrives), so a lost optimistic-lock race is simply recorded again.
     */
    private void done(long dispatchId, Runnable effect, String error) {
        for (int attempt = 1; ; attempt++) {
            try {
                record(dispatchId, effect, error);
                return;
            } catch (RuntimeException e) {
                if (attempt == 3) {
                    throw e;
                }
                LOG.debugf("Recording HR dispatch %d raced with a callback; again (%s)", dispatchId, e);
            }
        }
    }

    private void record(long dispatchId, Runnable effect, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            HrDispatch d = HrDispatch.findById(dispatchId);
            d.attempts++;
            d.sentAt = OffsetDateTime.now(ZoneOffset.UTC);
            d.lastError = error;
            effect.run();
        });
    }

    private void retryLater(long dispatchId, String error) {
        QuarkusTransaction.requiringNew().run(() -> {
            HrDispatch d = HrDispatch.findById(dispatchId);
            d.attempts++;
            d.lastError = error;
            d.nextAttemptAt = OffsetDateTime.now(ZoneOffset.UTC).plus(backoff(d.attempts));
            LOG.warnf("HR call %s of coverage request %s failed (attempt %d), next try at %s: %s", d.action, d.coverageRequestId,
                    d.attempts, d.nextAttemptAt, error);
        });
    }

    /** Exponential in the attempts, capped, with full jitter over the upper half so retries of many rows spread out. */
    Duration backoff(int attempts) {
        long first = config.firstBackoff().toMillis();
        long cap = config.maxBackoff().toMillis();
        long exponential = attempts >= 30 ? cap : Math.min(cap, first << Math.min(attempts - 1, 30));
        long half = exponential / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
