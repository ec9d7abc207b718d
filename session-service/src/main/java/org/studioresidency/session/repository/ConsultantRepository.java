package org.studioresidency.session.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.session.domain.Consultant;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

@ApplicationScoped
public class ConsultantRepository implements PanacheRepositoryBase<Consultant, UUID> {

    public enum DayKind { CONTRACTED, UNAVAILABLE }

    public void replaceDays(UUID staffId, DayKind kind, Set<LocalDate> dates) {
        getEntityManager().createNativeQuery("DELETE FROM consultant_day WHERE staff_id = :s AND kind = :k")
                .setParameter("s", staffId).setParameter("k", kind.name()).executeUpdate();
        for (LocalDate date : dates) {
            getEntityManager().createNativeQuery("""
                            INSERT INTO consultant_day (staff_id, date, kind) VALUES (:s, :d, :k)
                            ON CONFLICT (staff_id, date, kind) DO NOTHING""")
                    .setParameter("s", staffId).setParameter("d", date).setParameter("k", kind.name()).executeUpdate();
        }
    }

    /** Per consultant, their dates of the given kind. */
    @SuppressWarnings("unchecked")
    public Map<UUID, Set<LocalDate>> days(DayKind kind) {
        List<Object[]> rows = getEntityManager().createNativeQuery("SELECT staff_id, date FROM consultant_day WHERE kind = :k")
                .setParameter("k", kind.name()).getResultList();
        Map<UUID, Set<LocalDate>> days = new HashMap<>();
        for (Object[] row : rows) {
            days.computeIfAbsent((UUID) row[0], id -> new HashSet<>()).add(CalendarRepository.toDate(row[1]));
        }
        return days;
    }
}
