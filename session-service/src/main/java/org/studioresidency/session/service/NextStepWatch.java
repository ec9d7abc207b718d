package org.studioresidency.session.service;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.config.NextStepConfig;
import org.studioresidency.session.domain.DistrictSetting;
import org.studioresidency.session.domain.NextStep;
import org.studioresidency.session.domain.Pairing;
import org.studioresidency.session.domain.Session;
import org.studioresidency.session.event.SessionEvents;

import java.time.LocalDate;
import java.util.List;

/**
 * Announces open next steps once when they become due soon and once when they are overdue. The flags commit with the
 * outbox rows, so a check that runs twice (or on two instances) announces each step once.
 */
@ApplicationScoped
public class NextStepWatch {

    private final NextStepConfig config;
    private final SessionEvents events;

    NextStepWatch(NextStepConfig config, SessionEvents events) {
        this.config = config;
        this.events = events;
    }

    @Scheduled(every = "${next-steps.check-every:1h}", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    @Transactional
    void onSchedule() {
        check(LocalDate.now(DistrictSetting.current().zone()));
    }

    /** Returns how many announcements were written. */
    @Transactional
    public int check(LocalDate today) {
        DistrictSetting settings = DistrictSetting.current();
        List<NextStep> open = NextStep.find("status in ?1 and dueDate <= ?2 and (dueSoonAnnounced = false or (overdueAnnounced = false and dueDate < ?3))",
                List.of(NextStep.Status.OPEN, NextStep.Status.IN_PROGRESS), today.plusDays(config.dueSoonDays()), today).withLock(jakarta.persistence.LockModeType.PESSIMISTIC_WRITE).list();
        int written = 0;
        for (NextStep step : open) {
            Session session = Session.findById(step.sessionId);
            Pairing pairing = Pairing.findById(session.pairingId);
            if (step.dueDate.isBefore(today) && !step.overdueAnnounced) {
                events.nextStepReminder(session, pairing, settings, step, true);
                step.overdueAnnounced = true;
                step.dueSoonAnnounced = true;
                written++;
            } else if (!step.dueSoonAnnounced && !step.dueDate.isBefore(today)) {
                events.nextStepReminder(session, pairing, settings, step, false);
                step.dueSoonAnnounced = true;
                written++;
            }
        }
        return written;
    }
}
