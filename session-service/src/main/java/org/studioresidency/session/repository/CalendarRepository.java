package org.studioresidency.session.repository;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** The district calendar's day entries, school blackouts and substitute cap overrides. */
@ApplicationScoped
public class CalendarRepository {

    public enum DayKind { HOLIDAY, BREAK, DISTRICT_BLACKOUT, EARLY_RELEASE, INSTRUCTIONAL }

    public record DayEntry(LocalDate date, DayKind kind, String note) {
    }

    public record Blackout(UUID schoolId, LocalDate date, String reason) {
    }

    private final EntityManager em;

    CalendarRepository(EntityManager em) {
        this.em = em;
    }

    public void upsertDay(UUID schoolYearId, LocalDate date, DayKind kind, String note) {
        em.createNativeQuery("""
                        INSERT INTO calendar_day (school_year_id, date, kind, note) VALUES (:y, :d, :k, :n)
                        ON CONFLICT (school_year_id, date) DO UPDATE SET kind = EXCLUDED.kind, note = EXCLUDED.note""")
                .setParameter("y", schoolYearId).setParameter("d", date).setParameter("k", kind.name()).setParameter("n", note)
                .executeUpdate();
    }

    public boolean deleteDay(UUID schoolYearId, LocalDate date) {
        return em.createNativeQuery("DELETE FROM calendar_day WHERE school_year_id = :y AND date = :d")
                .setParameter("y", schoolYearId).setParameter("d", date).executeUpdate() > 0;
    }

    @SuppressWarnings("unchecked")
    public List<DayEntry> days(UUID schoolYearId) {
        List<Object[]> rows = em.createNativeQuery("SELECT date, kind, note FROM calendar_day WHERE school_year_id = :y ORDER BY date")
                .setParameter("y", schoolYearId).getResultList();
        return rows.stream().map(r -> new DayEntry(toDate(r[0]), DayKind.valueOf((String) r[1]), (String) r[2])).toList();
    }

    public void upsertBlackout(UUID schoolYearId, UUID schoolId, LocalDate date, String reason) {
        em.createNativeQuery("""
                        INSERT INTO school_blackout (school_year_id, school_id, date, reason) VALUES (:y, :s, :d, :r)
                        ON CONFLICT (school_id, date) DO UPDATE SET reason = EXCLUDED.reason, school_year_id = EXCLUDED.school_year_id""")
                .setParameter("y", schoolYearId).setParameter("s", schoolId).setParameter("d", date).setParameter("r", reason)
                .executeUpdate();
    }

    public boolean deleteBlackout(UUID schoolId, LocalDate date) {
        return em.createNativeQuery("DELETE FROM school_blackout WHERE school_id = :s AND date = :d")
                .setParameter("s", schoolId).setParameter("d", date).executeUpdate() > 0;
    }

    @SuppressWarnings("unchecked")
    public List<Blackout> blackouts(UUID schoolYearId) {
        List<Object[]> rows = em.createNativeQuery(
                        "SELECT school_id, date, reason FROM school_blackout WHERE school_year_id = :y ORDER BY date, school_id")
                .setParameter("y", schoolYearId).getResultList();
        return rows.stream().map(r -> new Blackout((UUID) r[0], toDate(r[1]), (String) r[2])).toList();
    }

    public void upsertCapOverride(LocalDate date, int cap) {
        em.createNativeQuery("""
                        INSERT INTO substitute_cap_override (date, cap) VALUES (:d, :c)
                        ON CONFLICT (date) DO UPDATE SET cap = EXCLUDED.cap""")
                .setParameter("d", date).setParameter("c", cap).executeUpdate();
    }

    public boolean deleteCapOverride(LocalDate date) {
        return em.createNativeQuery("DELETE FROM substitute_cap_override WHERE date = :d").setParameter("d", date).executeUpdate() > 0;
    }

    @SuppressWarnings("unchecked")
    public Map<LocalDate, Integer> capOverrides(LocalDate from, LocalDate to) {
        List<Object[]> rows = em.createNativeQuery("SELECT date, cap FROM substitute_cap_override WHERE date BETWEEN :f AND :t")
                .setParameter("f", from).setParameter("t", to).getResultList();
        return rows.stream().collect(Collectors.toMap(r -> toDate(r[0]), r -> ((Number) r[1]).intValue()));
    }

    static LocalDate toDate(Object value) {
        if (value instanceof LocalDate date) {
            return date;
        }
        return ((java.sql.Date) value).toLocalDate();
    }
}
