package org.studioresidency.notification.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.domain.NextStep;
import org.studioresidency.notification.domain.School;
import org.studioresidency.notification.mail.Emails;
import org.studioresidency.notification.mail.MailViews.DigestLoopView;
import org.studioresidency.notification.mail.MailViews.DigestView;
import org.studioresidency.notification.mail.MailViews.StepView;
import org.studioresidency.notification.mail.RenderedEmail;
import org.studioresidency.notification.repository.CoverageRequestRepository;
import org.studioresidency.notification.repository.NextStepRepository;
import org.studioresidency.notification.repository.RecipientPreferenceRepository;
import org.studioresidency.notification.repository.SchoolRepository;
import org.studioresidency.notification.repository.SessionRepository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One digest per principal per week, on the configured day and time in the district's time zone. A week is
 * prepared once (recorded in digest_run) and principals' digests in small transactions, so a crash half-way
 * resumes where it stopped; the dedupe key (period, recipient) keeps it to one email each.
 */
@ApplicationScoped
public class WeeklyDigests {

    private static final Logger LOG = Logger.getLogger(WeeklyDigests.class);
    /** Digests recorded per transaction: a crash repeats at most this many, and the dedupe key skips the rest. */
    private static final int SCHOOLS_PER_TRANSACTION = 50;

    private final SchoolRepository schools;
    private final SessionRepository sessions;
    private final CoverageRequestRepository coverage;
    private final NextStepRepository nextSteps;
    private final RecipientPreferenceRepository preferences;
    private final DeliveryQueue queue;
    private final Emails emails;
    private final EntityManager entityManager;
    private final NotificationConfig config;
    private final LearningLoopSnapshots learningLoop;
    private final CalendarLinks calendarLinks;

    WeeklyDigests(SchoolRepository schools, SessionRepository sessions, CoverageRequestRepository coverage,
                  NextStepRepository nextSteps, RecipientPreferenceRepository preferences, DeliveryQueue queue,
                  Emails emails, EntityManager entityManager, NotificationConfig config, LearningLoopSnapshots learningLoop,
                  CalendarLinks calendarLinks) {
        this.schools = schools;
        this.sessions = sessions;
        this.coverage = coverage;
        this.nextSteps = nextSteps;
        this.preferences = preferences;
        this.queue = queue;
        this.emails = emails;
        this.entityManager = entityManager;
        this.config = config;
        this.learningLoop = learningLoop;
        this.calendarLinks = calendarLinks;
    }

    @Scheduled(identity = "weekly-digest", every = "${notification.digest.check-interval:5m}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void check() {
        ZoneId zone = config.district().timeZone();
        ZonedDateTime now = ZonedDateTime.now(zone);
        LocalDate period = now.toLocalDate().with(TemporalAdjusters.previousOrSame(config.digest().day()));
        if (now.isBefore(period.atTime(config.digest().time()).atZone(zone)) || prepared(period)) {
            return;
        }
        int recorded = prepare(period, now.toLocalDate());
        QuarkusTransaction.requiringNew().run(() -> entityManager.createNativeQuery(
                        "INSERT INTO digest_run (period_start, recorded) VALUES (:period, :recorded) ON CONFLICT DO NOTHING")
                .setParameter("period", period).setParameter("recorded", recorded).executeUpdate());
        LOG.infof("Weekly digests for the week of %s: %d recorded", period, recorded);
    }

    /**
     * Prepares this week's digests now, whatever the configured day and time: for the district office after it fixed
     * data, or to send a week's digest early. Principals who already have this week's digest get nothing twice.
     */
    public int prepareThisWeekNow() {
        LocalDate today = LocalDate.now(config.district().timeZone());
        LocalDate period = today.with(TemporalAdjusters.previousOrSame(config.digest().day()));
        int recorded = prepare(period, today);
        LOG.infof("Weekly digests for the week of %s prepared on request: %d recorded", period, recorded);
        return recorded;
    }

    /** Records the digest of every principal with something to report for the week starting {@code period}. */
    public int prepare(LocalDate period, LocalDate today) {
        List<UUID> schoolIds = QuarkusTransaction.requiringNew().call(() -> schools.withPrincipalEmail().stream().map(s -> s.id).toList());
        int recorded = 0;
        for (int from = 0; from < schoolIds.size(); from += SCHOOLS_PER_TRANSACTION) {
            List<UUID> chunk = schoolIds.subList(from, Math.min(from + SCHOOLS_PER_TRANSACTION, schoolIds.size()));
            recorded += QuarkusTransaction.requiringNew().call(() ->
                    (int) chunk.stream().filter(schoolId -> prepareFor(schoolId, period, today)).count());
        }
        return recorded;
    }

    private boolean prepareFor(UUID schoolId, LocalDate period, LocalDate today) {
        School school = schools.findById(schoolId);
        if (school == null || !school.hasPrincipalEmail()) {
            return false;
        }
        if (!preferences.findByIdOptional(schoolId).map(p -> p.digestEnabled).orElse(true)) {
            return false;
        }
        Recipient principal = new Recipient(school.principalName, school.principalEmail, schoolId);
        String key = DeliveryQueue.dedupeKey(Emails.WEEKLY_DIGEST, period.toString(), principal);
        if (queue.alreadyRecorded(key)) {
            return false;
        }
        Optional<RenderedEmail> email = render(school, period, today);
        return email.isPresent() && queue.record(principal, key, List.of(), email.get());
    }

    /** The digest of the school's principal, or empty when there is nothing to say. */
    public Optional<RenderedEmail> render(School school, LocalDate period, LocalDate today) {
        DigestView digest = content(school.id, today);
        if (digest.isEmpty()) {
            return Optional.empty();
        }
        // The principal's own feed link, when they subscribed: the digest goes to them alone.
        var calendarLink = calendarLinks.of(new Recipient(school.principalName, school.principalEmail, school.id)).orElse(null);
        return Optional.of(emails.weeklyDigest(school.principalName, school.name, MailViewMapping.shortDate(period), digest,
                learningLoop(school.id), calendarLink));
    }

    /**
     * The school's learning-loop figures from the newest snapshots naming it (not older than
     * {@code notification.learning-loop.max-snapshot-age}), or null when there is none. Shown in a digest that is sent; on
     * its own it does not make one.
     */
    public DigestLoopView learningLoop(UUID schoolId) {
        return LearningLoopViews.digest(schoolId, learningLoop.forSchool(schoolId,
                OffsetDateTime.now().minus(config.learningLoop().maxSnapshotAge())), config.district().timeZone());
    }

    public DigestView content(UUID schoolId, LocalDate today) {
        ZoneId zone = config.district().timeZone();
        LocalDate horizon = today.plusDays(config.digest().lookAheadDays());
        var upcoming = sessions.upcomingForSchool(schoolId, today, horizon).stream()
                .map(s -> MailViewMapping.session(s, zone)).toList();
        var cover = coverage.forSchoolBetween(schoolId, today, horizon).stream().map(MailViewMapping::coverage).toList();
        List<NextStep> open = nextSteps.openForSchool(schoolId);
        List<StepView> overdue = open.stream().filter(s -> s.dueDate != null && s.dueDate.isBefore(today))
                .map(s -> MailViewMapping.step(s, today)).toList();
        List<StepView> stillOpen = open.stream().filter(s -> s.dueDate == null || !s.dueDate.isBefore(today))
                .map(s -> MailViewMapping.step(s, today)).toList();
        var recent = sessions.summarisedForSchoolSince(schoolId,
                        today.minusDays(config.digest().lookBackDays()).atStartOfDay(zone).toOffsetDateTime())
                .stream().map(s -> MailViewMapping.summaryLine(s, zone)).toList();
        return new DigestView(upcoming, cover, overdue, stillOpen, recent);
    }

    private boolean prepared(LocalDate period) {
        return QuarkusTransaction.requiringNew().call(() -> !entityManager
                .createNativeQuery("SELECT 1 FROM digest_run WHERE period_start = :period")
                .setParameter("period", period).getResultList().isEmpty());
    }
}
