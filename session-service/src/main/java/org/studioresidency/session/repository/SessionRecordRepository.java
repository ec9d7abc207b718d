package org.studioresidency.session.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.UUID;

/** Attendance and evaluations of sessions. */
@ApplicationScoped
public class SessionRecordRepository {

    public record Attendance(UUID staffId, String name, boolean present) {
    }

    public record Evaluation(UUID staffId, UUID sessionId, int rating, String comment) {
    }

    private final EntityManager em;

    SessionRecordRepository(EntityManager em) {
        this.em = em;
    }

    public void replaceAttendance(UUID sessionId, List<Attendance> attendance) {
        em.createNativeQuery("DELETE FROM session_attendance WHERE session_id = :s").setParameter("s", sessionId).executeUpdate();
        for (Attendance a : attendance) {
            em.createNativeQuery("INSERT INTO session_attendance (session_id, staff_id, name, present) VALUES (:s, :p, :n, :pr)")
                    .setParameter("s", sessionId).setParameter("p", a.staffId()).setParameter("n", a.name())
                    .setParameter("pr", a.present()).executeUpdate();
        }
    }

    @SuppressWarnings("unchecked")
    public List<Attendance> attendance(UUID sessionId) {
        List<Object[]> rows = em.createNativeQuery("SELECT staff_id, name, present FROM session_attendance WHERE session_id = :s ORDER BY name")
                .setParameter("s", sessionId).getResultList();
        return rows.stream().map(r -> new Attendance((UUID) r[0], (String) r[1], (Boolean) r[2])).toList();
    }

    /** Records (or replaces) a person's evaluation of a session, or of the year when {@code sessionId} is null. */
    public void saveEvaluation(UUID pairingId, UUID sessionId, UUID staffId, int rating, String comment) {
        String conflict = sessionId == null ? "(pairing_id, staff_id) WHERE session_id IS NULL" : "(session_id, staff_id) WHERE session_id IS NOT NULL";
        em.createNativeQuery("INSERT INTO evaluation (id, pairing_id, session_id, staff_id, rating, comment) VALUES (:id, :p, :s, :st, :r, :c) "
                        + "ON CONFLICT " + conflict + " DO UPDATE SET rating = EXCLUDED.rating, comment = EXCLUDED.comment, created_at = now()")
                .setParameter("id", UUID.randomUUID()).setParameter("p", pairingId).setParameter("s", sessionId)
                .setParameter("st", staffId).setParameter("r", rating).setParameter("c", comment).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<Evaluation> evaluationsOfSession(UUID sessionId) {
        List<Object[]> rows = em.createNativeQuery("SELECT staff_id, session_id, rating, comment FROM evaluation WHERE session_id = :s")
                .setParameter("s", sessionId).getResultList();
        return rows.stream().map(r -> new Evaluation((UUID) r[0], (UUID) r[1], ((Number) r[2]).intValue(), (String) r[3])).toList();
    }
}
