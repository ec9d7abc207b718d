package org.studioresidency.session.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.studioresidency.session.domain.CalendarSubscription;
import org.studioresidency.session.domain.School;
import org.studioresidency.session.domain.Staff;
import org.studioresidency.session.event.SubscriptionEvents;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Secret calendar feed URLs. The token is 256 random bits, shown once; only its SHA-256 is stored, so neither the
 * database nor a log holds a working URL. A URL reads exactly one feed and nothing else; revoking it (or the person
 * leaving the district) makes it answer 404.
 */
@ApplicationScoped
public class CalendarSubscriptions {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new subscription and its secret URL, in https and webcal form (the only time they exist outside the calendar app). */
    public record Created(CalendarSubscription subscription, String url, String webcalUrl) {
    }

    private final CalendarFeedService feeds;
    private final SubscriptionEvents events;

    CalendarSubscriptions(CalendarFeedService feeds, SubscriptionEvents events) {
        this.feeds = feeds;
        this.events = events;
    }

    /**
     * One person's or one school's feed under {@code feedsBase} (the service's public address); a principal
     * only for their own school or its people. A person's URL is announced, for their own emails only.
     */
    @Transactional
    public Created create(UUID staffId, UUID schoolId, Optional<UUID> onlySchool, String createdBy, String feedsBase) {
        if ((staffId == null) == (schoolId == null)) {
            throw new SessionException.InvalidField(staffId == null ? "staffId" : "schoolId", "name either a person (staffId) or a school (schoolId), not both");
        }
        String label;
        String email = null;
        if (staffId != null) {
            Staff person = Staff.<Staff>findByIdOptional(staffId).filter(s -> s.active)
                    .filter(s -> onlySchool.isEmpty() || onlySchool.get().equals(s.schoolId))
                    .orElseThrow(() -> new SessionException.NotFound(onlySchool.isPresent() ? "Staff member of your school" : "Active staff member", staffId));
            label = person.name;
            email = person.email;
        } else {
            if (onlySchool.isPresent() && !onlySchool.get().equals(schoolId)) {
                throw new SessionException.NotFound("Your school", schoolId);
            }
            label = School.<School>findByIdOptional(schoolId).map(s -> s.name)
                    .orElseThrow(() -> new SessionException.NotFound("School", schoolId));
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarSubscription subscription = new CalendarSubscription();
        subscription.id = UUID.randomUUID();
        subscription.tokenHash = hash(token);
        subscription.staffId = staffId;
        subscription.schoolId = schoolId;
        subscription.label = label;
        subscription.createdBy = createdBy;
        subscription.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        subscription.persist();
        String url = feedsBase + (feedsBase.endsWith("/") ? "" : "/") + "feeds/subscriptions/" + token + ".ics";
        String webcalUrl = url.replaceFirst("^https?://", "webcal://");
        events.created(subscription, email, url, webcalUrl);
        return new Created(subscription, url, webcalUrl);
    }

    /** Live subscriptions; a principal sees those of their school and its people. */
    public List<CalendarSubscription> list(Optional<UUID> onlySchool) {
        if (onlySchool.isEmpty()) {
            return CalendarSubscription.list("revokedAt is null order by createdAt");
        }
        return CalendarSubscription.list("revokedAt is null and (schoolId = ?1 or staffId in (select s.id from Staff s where s.schoolId = ?1))"
                + " order by createdAt", onlySchool.get());
    }

    @Transactional
    public void revoke(UUID subscriptionId, Optional<UUID> onlySchool) {
        CalendarSubscription subscription = list(onlySchool).stream().filter(s -> s.id.equals(subscriptionId)).findFirst()
                .orElseThrow(() -> new SessionException.NotFound("Calendar subscription", subscriptionId));
        if (subscription.revoke("revoked on request", OffsetDateTime.now(ZoneOffset.UTC))) {
            events.revoked(subscription);
        }
    }

    /** A person who left the district keeps no working feed URL. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void personLeft(UUID staffId) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        CalendarSubscription.<CalendarSubscription>list("staffId = ?1 and revokedAt is null", staffId)
                .stream().filter(s -> s.revoke("the person left the district", now)).forEach(events::revoked);
    }

    /** The feed behind a token, or 404 whatever is wrong with it (unknown, revoked, malformed). */
    public String feed(String token) {
        byte[] presented = hash(token);
        CalendarSubscription subscription = CalendarSubscription.<CalendarSubscription>find("tokenHash", presented).firstResultOptional()
                .filter(CalendarSubscription::isLive)
                // The lookup already matched the hash; comparing again in constant time costs nothing and keeps the rule visible.
                .filter(s -> MessageDigest.isEqual(s.tokenHash, presented))
                .orElseThrow(() -> new SessionException.NotFound("Calendar subscription", "at this address"));
        return subscription.staffId != null ? feeds.forPerson(subscription.staffId) : feeds.forSchool(subscription.schoolId);
    }

    private static byte[] hash(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
