package org.studioresidency.session.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.session.domain.HalfDay;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.domain.SessionStatus;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class SessionRepository implements PanacheRepositoryBase<Session, UUID> {

    public List<Session> ofYear(UUID schoolYearId) {
        return list("schoolYearId = ?1 ORDER BY date, halfDay, number", schoolYearId);
    }

    public List<Session> countingOfYear(UUID schoolYearId) {
        return list("schoolYearId = ?1 and status <> ?2", schoolYearId, SessionStatus.CANCELLED);
    }

    public List<Session> ofPairings(Collection<UUID> pairingIds) {
        return pairingIds.isEmpty() ? List.of() : list("pairingId in ?1 ORDER BY date, halfDay", pairingIds);
    }

    public int nextNumber(UUID pairingId) {
        Integer max = getEntityManager().createQuery(
                        "SELECT max(s.number) FROM Session s WHERE s.pairingId = ?1 AND s.status <> ?2", Integer.class)
                .setParameter(1, pairingId).setParameter(2, SessionStatus.CANCELLED).getSingleResult();
        return max == null ? 1 : max + 1;
    }

    /**
     * Books each person into the session's half-day. The primary key (person, date, half-day) refuses a second
     * booking, whichever transaction commits first.
     */
    public void book(UUID sessionId, Collection<UUID> staffIds, LocalDate date, HalfDay halfDay) {
        for (UUID staffId : staffIds) {
            getEntityManager().createNativeQuery(
                            "INSERT INTO person_booking (staff_id, date, half_day, session_id) VALUES (:p, :d, :h, :s)")
                    .setParameter("p", staffId).setParameter("d", date).setParameter("h", halfDay.name())
                    .setParameter("s", sessionId).executeUpdate();
        }
    }

    /** Books whoever is free in that half-day; returns those already booked elsewhere. */
    public List<UUID> bookWherePossible(UUID sessionId, Collection<UUID> staffIds, LocalDate date, HalfDay halfDay) {
        List<UUID> unbooked = new java.util.ArrayList<>();
        for (UUID staffId : staffIds) {
            int inserted = getEntityManager().createNativeQuery(
                            "INSERT INTO person_booking (staff_id, date, half_day, session_id) VALUES (:p, :d, :h, :s) ON CONFLICT DO NOTHING")
                    .setParameter("p", staffId).setParameter("d", date).setParameter("h", halfDay.name())
                    .setParameter("s", sessionId).executeUpdate();
            if (inserted == 0) {
                unbooked.add(staffId);
            }
        }
        return unbooked;
    }

    public void releaseBookings(UUID sessionId) {
        getEntityManager().createNativeQuery("DELETE FROM person_booking WHERE session_id = :s")
                .setParameter("s", sessionId).executeUpdate();
    }

    /** The session a person is booked in at a half-day, if any. */
    public java.util.Optional<UUID> bookedSessionOf(UUID staffId, LocalDate date, HalfDay halfDay) {
        List<?> found = getEntityManager().createNativeQuery(
                        "SELECT session_id FROM person_booking WHERE staff_id = :p AND date = :d AND half_day = :h")
                .setParameter("p", staffId).setParameter("d", date).setParameter("h", halfDay.name()).getResultList();
        return found.stream().findFirst().map(id -> (UUID) id);
    }

    /** Every session of the year, cancelled ones too (a plan must never re-create a cancelled session's id). */
    public java.util.Map<UUID, Session> allOfYearById(UUID schoolYearId) {
        java.util.Map<UUID, Session> byId = new java.util.HashMap<>();
        list("schoolYearId", schoolYearId).forEach(s -> byId.put(s.id, s));
        return byId;
    }
}
