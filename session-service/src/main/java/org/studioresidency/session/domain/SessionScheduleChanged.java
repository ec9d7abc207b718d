package org.studioresidency.session.domain;

/**
 * Fired (synchronously, inside the change's transaction) when a session is published, moved or cancelled, or when
 * the team of a pairing with booked sessions changes, so substitute coverage follows in the same transaction.
 */
public record SessionScheduleChanged(Session session, Pairing pairing) {
}
