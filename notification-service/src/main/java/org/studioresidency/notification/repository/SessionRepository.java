package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.Session;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    private static final String CONCERNS_SCHOOL = "id IN (SELECT s.id FROM Session s JOIN s.schoolIds school WHERE school = ?1)";

    /** Sessions still to come in the date range that are not cancelled. */
    public List<Session> scheduledBetween(LocalDate from, LocalDate to) {
        return list("date BETWEEN ?1 AND ?2 AND status IN ('PLANNED', 'PUBLISHED') ORDER BY date, halfDay", from, to);
    }

    public List<Session> upcomingForSchool(UUID schoolId, LocalDate from, LocalDate to) {
        return list(CONCERNS_SCHOOL + " AND date BETWEEN ?2 AND ?3 AND status IN ('PLANNED', 'PUBLISHED') ORDER BY date, halfDay",
                schoolId, from, to);
    }

    public List<Session> summarisedForSchoolSince(UUID schoolId, OffsetDateTime since) {
        return list(CONCERNS_SCHOOL + " AND summarisedAt >= ?2 ORDER BY date DESC", schoolId, since);
    }

    public Optional<Session> latestForSchool(UUID schoolId) {
        return find(CONCERNS_SCHOOL + " ORDER BY date DESC", schoolId).firstResultOptional();
    }
}
