package org.studioresidency.notification.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.domain.Session;
import org.studioresidency.notification.domain.SessionConflict;
import org.studioresidency.notification.event.PairingEvents.Member;
import org.studioresidency.notification.event.SessionEvents.Conflict;
import org.studioresidency.notification.mail.Emails;
import org.studioresidency.notification.mail.MailViews.ConflictView;
import org.studioresidency.notification.mail.MailViews.SessionView;
import org.studioresidency.notification.repository.SessionConflictRepository;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A conflict session-service found on a booked session (a team change double-booked someone, or pushed a date over
 * the substitute cap) becomes one alert per conflict to the district office and the host school's principal; its
 * resolution a short note to the same people, so that nobody acts on an alert that no longer holds.
 */
@ApplicationScoped
public class ConflictAlerts {

    private final SessionConflictRepository conflicts;
    private final Recipients recipients;
    private final DeliveryQueue queue;
    private final Emails emails;
    private final NotificationConfig config;

    ConflictAlerts(SessionConflictRepository conflicts, Recipients recipients, DeliveryQueue queue, Emails emails,
                   NotificationConfig config) {
        this.conflicts = conflicts;
        this.recipients = recipients;
        this.queue = queue;
        this.emails = emails;
        this.config = config;
    }

    /** Records the conflict and alerts once per conflict id; a conflict already resolved alerts nobody. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void detected(String eventId, Session session, List<Member> participants, Conflict event) {
        SessionConflict conflict = keep(session, event);
        if (conflict.isResolved()) {
            return; // its resolution arrived first: nothing left to act on
        }
        ConflictView view = MailViewMapping.conflict(conflict.kind, event.staffName(), conflict.detail, null);
        SessionView sessionView = MailViewMapping.session(session, config.district().timeZone());
        for (Recipient recipient : alerted(session, participants)) {
            queue.record(recipient, DeliveryQueue.dedupeKey(Emails.CONFLICT_ALERT, conflict.id.toString(), recipient),
                    List.of(eventId), emails.conflictAlert(recipient.name(), sessionView, view));
        }
    }

    /** Marks the conflict resolved and tells those who were alerted; a conflict never alerted is only recorded. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void resolved(String eventId, Session session, List<Member> participants, Conflict event,
                         OffsetDateTime resolvedAt, String resolution) {
        boolean alerted = conflicts.findByIdOptional(Objects.requireNonNull(event.conflictId(), "conflict.conflictId"))
                .map(c -> !c.isResolved()).orElse(false);
        SessionConflict conflict = keep(session, event);
        if (conflict.isResolved()) {
            return;
        }
        conflict.resolvedAt = resolvedAt != null ? resolvedAt : OffsetDateTime.now();
        conflict.resolution = resolution;
        if (!alerted) {
            return;
        }
        ConflictView view = MailViewMapping.conflict(conflict.kind, event.staffName(), conflict.detail, resolution);
        SessionView sessionView = MailViewMapping.session(session, config.district().timeZone());
        for (Recipient recipient : alerted(session, participants)) {
            queue.record(recipient, DeliveryQueue.dedupeKey(Emails.CONFLICT_RESOLVED, conflict.id.toString(), recipient),
                    List.of(eventId), emails.conflictResolved(recipient.name(), sessionView, view));
        }
    }

    private SessionConflict keep(Session session, Conflict event) {
        SessionConflict conflict = conflicts.findByIdOptional(Objects.requireNonNull(event.conflictId(), "conflict.conflictId"))
                .orElseGet(SessionConflict::new);
        if (conflict.id == null) {
            conflict.id = event.conflictId();
            conflict.sessionId = session.id;
            conflict.kind = event.kind() == null ? "UNKNOWN" : event.kind();
            conflict.detail = event.detail() != null ? event.detail()
                    : MailViewMapping.conflict(conflict.kind, event.staffName(), null, null).title() + ".";
            conflict.detectedAt = event.detectedAt();
            conflicts.persist(conflict);
        }
        return conflict;
    }

    /** The district office and the principal of the host school (where the session takes place). */
    private List<Recipient> alerted(Session session, List<Member> participants) {
        List<Recipient> to = new ArrayList<>();
        to.add(recipients.districtOffice());
        recipients.principalOf(session.hostSchoolId, participants)
                .filter(p -> !p.key().equals(to.get(0).key()))
                .ifPresent(to::add);
        return to;
    }
}
