package org.studioresidency.session.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.studioresidency.session.config.CoverageConfig;
import org.studioresidency.session.domain.CoverageRequest;
import org.studioresidency.session.domain.CoverageStatus;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.HrDispatch;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionStatus;
import org.studioresidency.session.domain.TeamMember;
import org.studioresidency.session.event.CoverageEvents;
import org.studioresidency.session.event.ProcessedEvents;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/** Reads of substitute coverage: requests of a range, the HR export, and fill rates. */
@ApplicationScoped
public class CoverageReports {

    public enum FillRateGrouping { DATE, SCHOOL, WEEK }

    public record FillRate(String key, long requested, long filled, long unfilled, double fillRate) {
    }

    private final EntityManager entityManager;

    CoverageReports(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** Live and cancelled requests of a date range (a principal: those of their school's teachers). */
    public List<CoverageRequest> list(LocalDate from, LocalDate to, Optional<UUID> sessionId, Optional<UUID> onlySchool) {
        checkRange(from, to);
        StringBuilder query = new StringBuilder("date >= :from and date <= :to");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("from", from);
        params.put("to", to);
        sessionId.ifPresent(id -> {
            query.append(" and sessionId = :session");
            params.put("session", id);
        });
        onlySchool.ifPresent(id -> {
            query.append(" and schoolId = :school");
            params.put("school", id);
        });
        return CoverageRequest.list(query + " order by date, halfDay, schoolId, staffId, id", params);
    }

    /** The absence jobs the HR system should have in a range: live requests in a stable order. */
    public List<CoverageRequest> exported(LocalDate from, LocalDate to) {
        checkRange(from, to);
        return CoverageRequest.list("date >= ?1 and date <= ?2 and status <> ?3 order by date, halfDay, schoolId, staffId, id",
                from, to, CoverageStatus.CANCELLED);
    }

    @SuppressWarnings("unchecked")
    public List<FillRate> fillRate(LocalDate from, LocalDate to, FillRateGrouping by) {
        checkRange(from, to);
        String key = switch (by) {
            case DATE -> "to_char(date, 'YYYY-MM-DD')";
            case SCHOOL -> "coalesce(cast(school_id as text), 'unknown')";
            case WEEK -> "to_char(date, 'IYYY-\"W\"IW')";
        };
        List<Object[]> rows = entityManager.createNativeQuery("SELECT " + key + " AS k, count(*), count(*) FILTER (WHERE status = 'FILLED'),"
                        + " count(*) FILTER (WHERE status = 'UNFILLED') FROM coverage_request"
                        + " WHERE status <> 'CANCELLED' AND date BETWEEN :from AND :to GROUP BY k ORDER BY k")
                .setParameter("from", from).setParameter("to", to).getResultList();
        return rows.stream().map(r -> {
            long requested = ((Number) r[1]).longValue();
            long filled = ((Number) r[2]).longValue();
            return new FillRate((String) r[0], requested, filled, ((Number) r[3]).longValue(),
                    requested == 0 ? 0 : Math.round(1000.0 * filled / requested) / 1000.0);
        }).toList();
    }

    private static void checkRange(LocalDate from, LocalDate to) {
        if (from == null) {
            throw new SessionException.InvalidField("from", "is required (YYYY-MM-DD)");
        }
        if (to == null) {
            throw new SessionException.InvalidField("to", "is required (YYYY-MM-DD)");
        }
        if (to.isBefore(from)) {
            throw new SessionException.InvalidField("to", "must not be before from");
        }
        if (ChronoUnit.DAYS.between(from, to) > 400) {
            throw new SessionException.InvalidField("to", "must be at most 400 days after from");
        }
    }
}
