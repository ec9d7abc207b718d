package org.studioresidency.session.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.studioresidency.session.domain.NextStep;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** The status history of next steps: one row per change, with when, by whom and the evidence given. */
@ApplicationScoped
public class NextStepHistoryRepository {

    public record StatusChange(UUID nextStepId, String previousStatus, String status, OffsetDateTime at, String bySubject, String byRole,
                               String evidence) {
    }

    private final EntityManager em;

    NextStepHistoryRepository(EntityManager em) {
        this.em = em;
    }

    public void record(UUID nextStepId, NextStep.StatusChanged change, String role) {
        em.createNativeQuery("INSERT INTO next_step_status_change (id, next_step_id, previous_status, status, at, by_subject, by_role, evidence) "
                        + "VALUES (:id, :step, :prev, :status, :at, :by, :role, :evidence)")
                .setParameter("id", UUID.randomUUID()).setParameter("step", nextStepId).setParameter("prev", change.previous().name())
                .setParameter("status", change.current().name()).setParameter("at", change.at()).setParameter("by", change.by())
                .setParameter("role", role).setParameter("evidence", change.evidence()).executeUpdate();
    }

    @SuppressWarnings("unchecked")
    public List<StatusChange> of(UUID nextStepId) {
        List<Object[]> rows = em.createNativeQuery("SELECT next_step_id, previous_status, status, at, by_subject, by_role, evidence "
                        + "FROM next_step_status_change WHERE next_step_id = :step ORDER BY at, id")
                .setParameter("step", nextStepId).getResultList();
        return rows.stream().map(r -> new StatusChange((UUID) r[0], (String) r[1], (String) r[2], Rows.offset(r[3]), (String) r[4],
                (String) r[5], (String) r[6])).toList();
    }
}
