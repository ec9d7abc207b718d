package org.studioresidency.session.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.studioresidency.session.domain.Demonstration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The demonstrations of sessions. */
@ApplicationScoped
public class LearningActivityRepository {

    private final EntityManager em;

    LearningActivityRepository(EntityManager em) {
        this.em = em;
    }

    public List<Demonstration> demonstrations(UUID sessionId) {
        return em.createQuery("SELECT d FROM Demonstration d WHERE d.sessionId = :s ORDER BY d.position", Demonstration.class)
                .setParameter("s", sessionId).getResultList();
    }

    public void replaceDemonstrations(UUID sessionId, List<Demonstration> demonstrations) {
        em.createQuery("DELETE FROM Demonstration d WHERE d.sessionId = :s").setParameter("s", sessionId).executeUpdate();
        demonstrations.forEach(em::persist);
    }

    /**
     * For each person, the session of their first public demonstration in the school year (earliest date, then AM before PM,
     * then the lowest session id for the same half-day), among sessions not cancelled.
     */
    @SuppressWarnings("unchecked")
    public Map<UUID, UUID> firstDemonstrationSessions(UUID schoolYearId, Collection<UUID> staffIds) {
        if (staffIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = em.createNativeQuery("SELECT DISTINCT ON (d.staff_id) d.staff_id, s.id FROM session_demonstration d "
                        + "JOIN session s ON s.id = d.session_id WHERE s.school_year_id = :y AND s.status <> 'CANCELLED' AND d.staff_id IN (:staff) "
                        + "ORDER BY d.staff_id, s.date, s.half_day, s.id")
                .setParameter("y", schoolYearId).setParameter("staff", staffIds).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> (UUID) r[0], r -> (UUID) r[1]));
    }
}
