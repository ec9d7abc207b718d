package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.NextStep;

import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class NextStepRepository implements PanacheRepositoryBase<NextStep, UUID> {

    /** Next steps still open (neither done nor dropped) from sessions the school took part in, earliest due first. */
    public List<NextStep> openForSchool(UUID schoolId) {
        return list("""
                status NOT IN ('DONE', 'DROPPED', 'CANCELLED') AND sessionId IN
                  (SELECT s.id FROM Session s JOIN s.schoolIds school WHERE school = ?1)
                ORDER BY dueDate""", schoolId);
    }
}
