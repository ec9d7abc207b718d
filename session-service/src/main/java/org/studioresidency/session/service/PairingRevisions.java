package org.studioresidency.session.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.LockSupport;

/**
 * How far this service has applied each school year's pairing changes (deploy/EVENTS.md, "Read-your-writes"). Every
 * pairing event counts towards its revision in the transaction that applies it; the year's applied revision is the
 * highest one up to which every revision has all its events. The counts are rows, so every replica sees them.
 */
@ApplicationScoped
public class PairingRevisions {

    /** Where a year stands: every change up to {@code applied} is here; {@code heard} is the highest any event named. */
    public record Progress(long applied, long heard, int waitingEventsReceived, int waitingEventsExpected) {
    }

    private final EntityManager entityManager;

    PairingRevisions(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Counts one applied (or recognised as old) pairing event of a revision; events of older producers carry none. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void counted(UUID schoolYearId, Long revision, Integer changesInRevision) {
        if (schoolYearId == null || revision == null || revision < 1) {
            return;
        }
        int expected = changesInRevision == null || changesInRevision < 1 ? 1 : changesInRevision;
        // The year's row is locked first, so consumers on two replicas advance it one after the other.
        entityManager.createNativeQuery("INSERT INTO pairing_year_applied (school_year_id, applied_revision, heard_revision) VALUES (:y, 0, :r)"
                        + " ON CONFLICT (school_year_id) DO UPDATE SET heard_revision = greatest(pairing_year_applied.heard_revision, :r)")
                .setParameter("y", schoolYearId).setParameter("r", revision).executeUpdate();
        entityManager.createNativeQuery("INSERT INTO pairing_revision_progress (school_year_id, revision, expected, applied) VALUES (:y, :r, :e, 1)"
                        + " ON CONFLICT (school_year_id, revision) DO UPDATE SET applied = pairing_revision_progress.applied + 1")
                .setParameter("y", schoolYearId).setParameter("r", revision).setParameter("e", expected).executeUpdate();
        // Advance over every revision that is now complete, in order; a missing revision stops the walk.
        entityManager.createNativeQuery("""
                        WITH RECURSIVE walk(rev) AS (
                            SELECT applied_revision FROM pairing_year_applied WHERE school_year_id = :y
                            UNION ALL
                            SELECT w.rev + 1 FROM walk w JOIN pairing_revision_progress p
                              ON p.school_year_id = :y AND p.revision = w.rev + 1 AND p.applied >= p.expected)
                        UPDATE pairing_year_applied SET applied_revision = (SELECT max(rev) FROM walk) WHERE school_year_id = :y""")
                .setParameter("y", schoolYearId).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public Progress progress(UUID schoolYearId) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT a.applied_revision, a.heard_revision, coalesce(p.applied, 0), coalesce(p.expected, 0)
                        FROM pairing_year_applied a LEFT JOIN pairing_revision_progress p
                          ON p.school_year_id = a.school_year_id AND p.revision = a.applied_revision + 1
                        WHERE a.school_year_id = :y""")
                .setParameter("y", schoolYearId).getResultList();
        if (rows.isEmpty()) {
            return new Progress(0, 0, 0, 0);
        }
        Object[] r = rows.get(0);
        return new Progress(((Number) r[0]).longValue(), ((Number) r[1]).longValue(), ((Number) r[2]).intValue(), ((Number) r[3]).intValue());
    }

    /**
     * Waits, at most {@code bound}, until the year's applied revision reaches {@code wanted}; the progress at the end.
     * Reads outside any transaction, so each poll sees what other replicas' consumers have committed.
     */
    public Progress awaitApplied(UUID schoolYearId, long wanted, Duration bound) {
        Instant deadline = Instant.now().plus(bound);
        while (true) {
            Progress progress = QuarkusTransaction.requiringNew().call(() -> progress(schoolYearId));
            if (progress.applied() >= wanted || !Instant.now().isBefore(deadline)) {
                return progress;
            }
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
    }
}
