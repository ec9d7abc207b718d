package org.studioresidency.notification.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.notification.domain.CoverageRequest;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class CoverageRequestRepository implements PanacheRepositoryBase<CoverageRequest, UUID> {

    /** Substitute requests for the school's teachers between two dates, cancelled ones left out. */
    public List<CoverageRequest> forSchoolBetween(UUID schoolId, LocalDate from, LocalDate to) {
        return list("teacherSchoolId = ?1 AND date BETWEEN ?2 AND ?3 AND status <> 'CANCELLED' ORDER BY date, halfDay, teacherName",
                schoolId, from, to);
    }
}
