package org.studioresidency.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.mail.Emails;
import org.studioresidency.notification.mail.InlineImage;
import org.studioresidency.notification.mail.MailViews.LearningLoopView;
import org.studioresidency.notification.mail.MailViews.PairingLoopView;
import org.studioresidency.notification.mail.RenderedEmail;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One learning-loop email per central-office leader per month, for the pairings they supervise, on the first configured
 * day of the month (after the weekly digest and session-service's weekly snapshot). A month is prepared once (recorded
 * in learning_loop_run); the dedupe key (month, recipient) keeps it to one email each even when prepared twice.
 */
@ApplicationScoped
public class LearningLoopEmails {

    private static final Logger LOG = Logger.getLogger(LearningLoopEmails.class);
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMMM yyyy", Locale.US);

    private final LearningLoopSnapshots snapshots;
    private final DeliveryQueue queue;
    private final Emails emails;
    private final EntityManager entityManager;
    private final NotificationConfig config;

    LearningLoopEmails(LearningLoopSnapshots snapshots, DeliveryQueue queue, Emails emails, EntityManager entityManager,
                       NotificationConfig config) {
        this.snapshots = snapshots;
        this.queue = queue;
        this.emails = emails;
        this.entityManager = entityManager;
        this.config = config;
    }

    @Scheduled(identity = "learning-loop-email", every = "${notification.learning-loop.check-interval:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        ZoneId zone = config.district().timeZone();
        ZonedDateTime now = ZonedDateTime.now(zone);
        LocalDate month = now.toLocalDate().withDayOfMonth(1);
        LocalDate day = month.with(TemporalAdjusters.firstInMonth(config.learningLoop().day()));
        if (now.isBefore(day.atTime(config.learningLoop().time()).atZone(zone)) || prepared(month)) {
            return;
        }
        int recorded = prepare(month, now.toOffsetDateTime());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "INSERT INTO learning_loop_run (month, recorded) VALUES (:month, :recorded) ON CONFLICT DO NOTHING")
                .setParameter("month", month).setParameter("recorded", recorded).executeUpdate());
        LOG.infof("Learning-loop emails for %s: %d recorded", month, recorded);
    }

    /**
     * Records the month's email of every leader with a recent snapshot of a pairing they supervise (snapshots older than
     * {@code notification.learning-loop.max-snapshot-age} are left out); returns how many were recorded.
     */
    public int prepare(LocalDate month, OffsetDateTime now) {
        List<LearningLoopSnapshots.Kept> kept = QuarkusTransaction.requiringNew().call(() ->
                snapshots.withLeader(now.minus(config.learningLoop().maxSnapshotAge())));
        Map<String, List<LearningLoopSnapshots.Kept>> byLeader = new LinkedHashMap<>();
        for (LearningLoopSnapshots.Kept k : kept) {
            byLeader.computeIfAbsent(recipient(k).key(), x -> new ArrayList<>()).add(k);
        }
        int recorded = 0;
        for (List<LearningLoopSnapshots.Kept> pairings : byLeader.values()) {
            Recipient leader = recipient(pairings.get(0));
            String key = DeliveryQueue.dedupeKey(Emails.LEARNING_LOOP, month.toString().substring(0, 7), leader);
            if (QuarkusTransaction.requiringNew().call(() -> queue.alreadyRecorded(key))) {
                continue;
            }
            RenderedEmail email = render(leader.name(), month, pairings);
            List<String> sources = pairings.stream().map(LearningLoopSnapshots.Kept::eventId).toList();
            if (QuarkusTransaction.requiringNew().call(() -> queue.record(leader, key, sources, email))) {
                recorded++;
            }
        }
        return recorded;
    }

    /** The leader's email: per pairing, its two charts as inline PNG images and the same figures as tables. */
    public RenderedEmail render(String leaderName, LocalDate month, List<LearningLoopSnapshots.Kept> pairings) {
        ZoneId zone = config.district().timeZone();
        List<InlineImage> charts = new ArrayList<>();
        List<PairingLoopView> views = pairings.stream().map(k -> LearningLoopViews.pairing(k.snapshot(), zone, charts)).toList();
        return emails.learningLoop(leaderName, new LearningLoopView(MONTH.format(month), views), charts);
    }

    private static Recipient recipient(LearningLoopSnapshots.Kept k) {
        var leader = k.snapshot().leader();
        return new Recipient(leader.name() == null || leader.name().isBlank() ? "colleague" : leader.name(), leader.email(), null);
    }

    private boolean prepared(LocalDate month) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("SELECT 1 FROM learning_loop_run WHERE month = :month")
                .setParameter("month", month).getResultList().isEmpty());
    }
}
