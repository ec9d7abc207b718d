package org.studioresidency.session.repository;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.session.domain.OutboxEvent;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
public class OutboxRepository implements PanacheRepositoryBase<OutboxEvent, UUID> {

    /** Arbitrary key of the advisory lock that makes one relay at a time the publisher, which keeps event order. */
    private static final long RELAY_LOCK = 0x5eed_0001L;

    /**
     * Locks the oldest unpublished events for this transaction. Returns nothing when another instance's relay
     * holds the relay lock; {@code SKIP LOCKED} keeps a slow transaction from blocking the next one.
     */
    @SuppressWarnings("unchecked")
    public List<OutboxEvent> lockPending(int limit) {
        Boolean leader = (Boolean) getEntityManager()
                .createNativeQuery("SELECT pg_try_advisory_xact_lock(" + RELAY_LOCK + ")")
                .getSingleResult();
        if (!Boolean.TRUE.equals(leader)) {
            return List.of();
        }
        return getEntityManager().createNativeQuery(
                        "SELECT * FROM outbox_event WHERE published_at IS NULL ORDER BY seq LIMIT :limit FOR UPDATE SKIP LOCKED",
                        OutboxEvent.class)
                .setParameter("limit", limit)
                .getResultList();
    }

    public void markPublished(List<OutboxEvent> events, OffsetDateTime at) {
        update("publishedAt = ?1 WHERE id IN ?2", at, events.stream().map(e -> e.id).toList());
    }

    public long countPending() {
        return count("publishedAt IS NULL");
    }
}
