package org.studioresidency.notification.service;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import org.jboss.logging.Logger;
import org.studioresidency.notification.config.NotificationConfig;
import org.studioresidency.notification.domain.Delivery;
import org.studioresidency.notification.mail.InlineImage;
import org.studioresidency.notification.repository.DeliveryRepository;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Sends due deliveries: claims a batch (a short transaction that also leases the rows), sends them concurrently
 * with a timeout each, then records each outcome in a second transaction.
 *
 * <p>At-least-once without duplicates: a delivery is marked SENT only after the SMTP server accepted it. The window
 * that remains is a crash (or lost database connection) between the server's acceptance and that mark: after the
 * lease expires the email is sent again, with the same Message-ID, which mail stores and clients use to drop the
 * second copy. The lease is longer than the send timeout so that a slow send is never picked up twice.
 */
@ApplicationScoped
public class DeliverySender {

    private static final Logger LOG = Logger.getLogger(DeliverySender.class);

    private final DeliveryRepository deliveries;
    private final ReactiveMailer mailer;
    private final NotificationConfig.Sender config;
    private final Backoff backoff;
    private final ExecutorService waker = Executors.newSingleThreadExecutor(Thread.ofPlatform().name("delivery-waker").daemon().factory());
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    DeliverySender(DeliveryRepository deliveries, ReactiveMailer mailer, NotificationConfig config) {
        this.deliveries = deliveries;
        this.mailer = mailer;
        this.config = config.sender();
        this.backoff = new Backoff(this.config.backoffInitial(), this.config.backoffMax());
    }

    private record Outcome(UUID id, String error) {
    }

    /**
     * Sends right after a transaction that recorded deliveries commits, instead of waiting for the next poll. Wake-ups
     * that arrive while one is queued are merged; a wake-up and the poll running together claim different rows.
     */
    void onRecorded(@Observes(during = TransactionPhase.AFTER_SUCCESS) DeliveryRecorded recorded) {
        if (wakeQueued.compareAndSet(false, true)) {
            try {
                waker.execute(() -> {
                    wakeQueued.set(false);
                    try {
                        sendDue();
                    } catch (RuntimeException e) {
                        LOG.warn("Sending right after recording failed; the next poll retries", e);
                    }
                });
            } catch (RejectedExecutionException shuttingDown) {
                wakeQueued.set(false);
            }
        }
    }

    @PreDestroy
    void stop() {
        waker.shutdown();
    }

    @Scheduled(identity = "delivery-sender", every = "${notification.sender.poll-interval:1s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void poll() {
        sendDue();
    }

    /** Sends everything due now, batch by batch; returns how many emails the SMTP server accepted. */
    public int sendDue() {
        int accepted = 0;
        while (true) {
            OffsetDateTime lease = OffsetDateTime.now().plus(config.sendTimeout().multipliedBy(2)).plusSeconds(30);
            Map<UUID, List<InlineImage>> images = new HashMap<>();
            List<Delivery> batch = QuarkusTransaction.requiringNew().call(() -> {
                List<UUID> ids = deliveries.claimDue(config.batchSize(), lease);
                images.putAll(deliveries.imagesOf(ids));
                return ids.isEmpty() ? List.<Delivery>of() : deliveries.list("id IN ?1", ids);
            });
            if (batch.isEmpty()) {
                return accepted;
            }
            List<Uni<Outcome>> sends = batch.stream().map(d -> send(d, images.getOrDefault(d.id, List.of()))).toList();
            List<Outcome> outcomes = Uni.join().all(sends).andFailFast().await().indefinitely();
            QuarkusTransaction.requiringNew().run(() -> outcomes.forEach(this::record));
            accepted += (int) outcomes.stream().filter(o -> o.error() == null).count();
        }
    }

    /** Inline images make the HTML part multipart/related with one image part each, its Content-ID the HTML's cid:. */
    private Uni<Outcome> send(Delivery d, List<InlineImage> images) {
        Mail mail = Mail.withHtml(d.recipientEmail, d.subject, d.htmlBody).setText(d.textBody);
        mail.addHeader("Message-ID", d.smtpMessageId);
        for (InlineImage image : images) {
            mail.addInlineAttachment(image.fileName(), image.data(), image.contentType(), "<" + image.contentId() + ">");
        }
        if (d.calendar != null) {
            mail.addAttachment("session.ics", d.calendar.getBytes(StandardCharsets.UTF_8),
                    "text/calendar; method=" + d.calendarMethod + "; charset=UTF-8");
        }
        return mailer.send(mail)
                .ifNoItem().after(config.sendTimeout()).failWith(() -> new IllegalStateException(
                        "SMTP server did not accept the email within " + config.sendTimeout()))
                .onItemOrFailure().transform((ok, failure) -> new Outcome(d.id, failure == null ? null : describe(failure)));
    }

    private void record(Outcome outcome) {
        Delivery d = deliveries.findById(outcome.id());
        if (d == null || d.status != Delivery.Status.PENDING) {
            return;
        }
        if (outcome.error() == null) {
            d.status = Delivery.Status.SENT;
            d.sentAt = OffsetDateTime.now();
            d.lastError = null;
            return;
        }
        d.lastError = outcome.error();
        if (d.attempts >= config.maxAttempts()) {
            d.status = Delivery.Status.FAILED;
            LOG.warnf("Delivery %s to %s failed after %d attempts: %s", d.id, d.recipientEmail, d.attempts, d.lastError);
        } else {
            d.nextAttemptAt = OffsetDateTime.now().plus(backoff.after(d.attempts));
        }
    }

    private static String describe(Throwable failure) {
        String message = failure.getMessage() == null ? failure.getClass().getSimpleName() : failure.getMessage();
        return message.length() > 500 ? message.substring(0, 500) : message;
    }
}
