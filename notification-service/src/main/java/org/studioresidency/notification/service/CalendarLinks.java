package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.domain.CalendarSubscription;
import org.studioresidency.notification.event.ProcessedEvents;
import org.studioresidency.notification.event.SessionEvents;
import org.studioresidency.notification.mail.MailViews.CalendarLinkView;
import org.studioresidency.notification.repository.CalendarSubscriptionRepository;

import java.util.Objects;
import java.util.Optional;

/**
 * Each person's own calendar feed link, kept from session-service's calendar-subscription events, for the emails that
 * go to that person only (the weekly digest and schedule changes). A revoked link is deleted, so no email rendered
 * after the revocation carries it.
 */
@ApplicationScoped
public class CalendarLinks {

    private static final String CONSUMER = "session.calendar-subscription";

    private final ProcessedEvents processed;
    private final CalendarSubscriptionRepository subscriptions;

    CalendarLinks(ProcessedEvents processed, CalendarSubscriptionRepository subscriptions) {
        this.processed = processed;
        this.subscriptions = subscriptions;
    }

    @Transactional
    public void created(String eventId, SessionEvents.SubscriptionCreated event) {
        if (!processed.claim(CONSUMER, eventId)) {
            return;
        }
        CalendarSubscription subscription = subscriptions.findByIdOptional(Objects.requireNonNull(event.subscriptionId(), "subscriptionId"))
                .orElseGet(CalendarSubscription::new);
        subscription.id = event.subscriptionId();
        subscription.staffId = Objects.requireNonNull(event.staffId(), "staffId");
        subscription.email = event.email();
        subscription.url = Objects.requireNonNull(event.url(), "url");
        subscription.webcalUrl = event.webcalUrl() != null ? event.webcalUrl() : event.url().replaceFirst("^https?://", "webcal://");
        subscription.createdAt = Objects.requireNonNull(event.createdAt(), "createdAt");
        subscriptions.persist(subscription);
    }

    @Transactional
    public void revoked(String eventId, SessionEvents.SubscriptionRevoked event) {
        if (processed.claim(CONSUMER, eventId)) {
            subscriptions.deleteById(Objects.requireNonNull(event.subscriptionId(), "subscriptionId"));
        }
    }

    /** The recipient's own link, if they subscribed and have not revoked it. */
    public Optional<CalendarLinkView> of(Recipient recipient) {
        return subscriptions.newestOf(recipient.email()).map(s -> new CalendarLinkView(s.url, s.webcalUrl));
    }
}
