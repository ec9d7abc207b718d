package org.studioresidency.session.event;

import jakarta.enterprise.context.ApplicationScoped;
import org.studioresidency.session.domain.CalendarSubscription;

import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * Announces a person's calendar subscriptions, so that notification-service can put the person's own feed link in the
 * emails it sends them. The feed URL travels in {@code created}: only its hash is kept here, so the event is the one
 * moment the URL can reach anyone but the caller who created it (deploy/EVENTS.md says why this is acceptable). School
 * subscriptions are not announced: they have no single recipient.
 */
@ApplicationScoped
public class SubscriptionEvents {

    public record Created(UUID subscriptionId, UUID staffId, String email, String url, String webcalUrl, OffsetDateTime createdAt) {
    }

    public record Revoked(UUID subscriptionId, UUID staffId, String reason, OffsetDateTime revokedAt) {
    }

    private final Outbox outbox;

    SubscriptionEvents(Outbox outbox) {
        this.outbox = outbox;
    }

    public void created(CalendarSubscription subscription, String email, String url, String webcalUrl) {
        if (subscription.staffId != null) {
            record("district.session.calendar-subscription.created.v1", subscription,
                    new Created(subscription.id, subscription.staffId, email, url, webcalUrl, subscription.createdAt));
        }
    }

    public void revoked(CalendarSubscription subscription) {
        if (subscription.staffId != null) {
            record("district.session.calendar-subscription.revoked.v1", subscription,
                    new Revoked(subscription.id, subscription.staffId, subscription.revokedWhy, subscription.revokedAt));
        }
    }

    /** Keyed by the subscription, so its revocation never overtakes its creation. */
    private void record(String type, CalendarSubscription subscription, Object data) {
        outbox.record(Topics.SESSION, type, "calendar-subscriptions/" + subscription.id, subscription.id, data);
    }
}
