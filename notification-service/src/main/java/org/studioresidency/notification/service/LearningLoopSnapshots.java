package org.studioresidency.notification.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.event.ProcessedEvents;
import org.studioresidency.notification.event.ReportEvents.LearningLoopSnapshot;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * The newest learning-loop snapshot of each pairing (session-service computes the figures; this service only shows them).
 * A snapshot older than the one kept, relayed late or repeated, changes nothing.
 */
@ApplicationScoped
public class LearningLoopSnapshots {

    private static final String CONSUMER = "learning-loop";

    private final ProcessedEvents processed;
    private final EntityManager entityManager;
    private final ObjectMapper json;

    LearningLoopSnapshots(ProcessedEvents processed, EntityManager entityManager, ObjectMapper json) {
        this.processed = processed;
        this.entityManager = entityManager;
        this.json = json;
    }

    /** {@code payload}: the event's data as published, kept whole so that what is shown is what session-service sent. */
    @Transactional
    public void apply(String eventId, LearningLoopSnapshot snapshot, String payload) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        if (snapshot.pairingId() == null || snapshot.schoolYearId() == null || snapshot.asOf() == null) {
            throw new IllegalArgumentException("Learning-loop snapshot " + eventId + " needs pairingId, schoolYearId and asOf");
        }
        entityManager.createNativeQuery("""
                        INSERT INTO learning_loop_snapshot (pairing_id, school_year_id, as_of, leader_staff_id, leader_email, event_id, payload)
                        VALUES (:pairing, :year, :asOf, :leader, :email, :event, CAST(:payload AS jsonb))
                        ON CONFLICT (pairing_id) DO UPDATE SET school_year_id = EXCLUDED.school_year_id, as_of = EXCLUDED.as_of,
                            leader_staff_id = EXCLUDED.leader_staff_id, leader_email = EXCLUDED.leader_email,
                            event_id = EXCLUDED.event_id, payload = EXCLUDED.payload
                        WHERE learning_loop_snapshot.as_of <= EXCLUDED.as_of""")
                .setParameter("pairing", snapshot.pairingId())
                .setParameter("year", snapshot.schoolYearId())
                .setParameter("asOf", snapshot.asOf())
                .setParameter("leader", snapshot.leader() == null ? null : snapshot.leader().staffId())
                .setParameter("email", snapshot.leader() == null ? null : snapshot.leader().email())
                .setParameter("event", eventId)
                .setParameter("payload", payload)
                .executeUpdate();
    }

    /** The kept snapshots that name the school, taken after {@code notBefore}, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<LearningLoopSnapshot> forSchool(UUID schoolId, OffsetDateTime notBefore) {
        return read(entityManager.createNativeQuery("""
                        SELECT CAST(payload AS text) FROM learning_loop_snapshot
                        WHERE payload -> 'schools' @> CAST(:probe AS jsonb) AND as_of > :notBefore ORDER BY as_of DESC, pairing_id""", String.class)
                .setParameter("probe", "[{\"schoolId\": \"" + schoolId + "\"}]")
                .setParameter("notBefore", notBefore)
                .getResultList());
    }

    /** A kept snapshot with the id of the event that brought it. */
    public record Kept(String eventId, LearningLoopSnapshot snapshot) {
    }

    /** The kept snapshots of pairings with a leader who has an address, taken after {@code notBefore}, by leader and label. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<Kept> withLeader(OffsetDateTime notBefore) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        SELECT event_id, CAST(payload AS text) FROM learning_loop_snapshot
                        WHERE leader_staff_id IS NOT NULL AND leader_email IS NOT NULL AND leader_email <> '' AND as_of > :notBefore
                        ORDER BY leader_staff_id, payload ->> 'label', pairing_id""")
                .setParameter("notBefore", notBefore)
                .getResultList();
        return rows.stream().map(r -> new Kept((String) r[0], read(List.of(r[1])).get(0))).toList();
    }

    private List<LearningLoopSnapshot> read(List<?> payloads) {
        return payloads.stream().map(p -> {
            try {
                return json.readValue((String) p, LearningLoopSnapshot.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("A kept learning-loop snapshot could not be read", e);
            }
        }).toList();
    }
}
