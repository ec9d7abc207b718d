package org.studioresidency.notification.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.domain.Session;
import org.studioresidency.notification.mail.Emails;
import org.studioresidency.notification.repository.SessionRepository;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Reminds both principals to agree on the focus N days before a visit. A session published later than that is
 * reminded at once; a rescheduled one again for its new date (the date is part of the dedupe key).
 */
@ApplicationScoped
public class PlanningReminders {

    private final SessionRepository sessions;
    private final Recipients recipients;
    private final DeliveryQueue queue;
    private final Emails emails;
    private final NotificationConfig config;

    PlanningReminders(SessionRepository sessions, Recipients recipients, DeliveryQueue queue, Emails emails,
                      NotificationConfig config) {
        this.sessions = sessions;
        this.recipients = recipients;
        this.queue = queue;
        this.emails = emails;
        this.config = config;
    }

    @Scheduled(identity = "planning-reminders", every = "${notification.reminder.check-interval:15m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        recordDue(LocalDate.now(config.district().timeZone()));
    }

    /** Records the reminders due on {@code today}; returns how many were new. */
    @Transactional
    public int recordDue(LocalDate today) {
        int recorded = 0;
        for (Session session : sessions.scheduledBetween(today, today.plusDays(config.reminder().daysBefore()))) {
            for (var schoolId : session.schoolIds) {
                var principal = recipients.principalOf(schoolId, session);
                if (principal.isEmpty()) {
                    continue;
                }
                String key = DeliveryQueue.dedupeKey(Emails.PLANNING_REMINDER, session.id + "@" + session.date, principal.get());
                if (queue.alreadyRecorded(key)) {
                    continue;
                }
                int daysBefore = (int) ChronoUnit.DAYS.between(today, session.date);
                if (queue.record(principal.get(), key, List.of(),
                        emails.planningReminder(principal.get().name(), MailViewMapping.session(session, config.district().timeZone()), daysBefore))) {
                    recorded++;
                }
            }
        }
        return recorded;
    }
}
