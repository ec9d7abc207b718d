package org.studioresidency.notification.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;

/** What a district tunes about its mail: identity, timing of reminders and digests, and how hard the sender retries. */
@ConfigMapping(prefix = "notification")
public interface NotificationConfig {

    District district();

    Reminder reminder();

    Digest digest();

    Sender sender();

    LearningLoop learningLoop();

    interface District {
        /** The district's name as it heads every email, e.g. "Springfield Public Schools". */
        String name();

        /** Absolute URL of the district logo shown in the email header; mail stays readable when images are blocked. */
        Optional<String> logoUrl();

        /** The district office mailbox that receives coverage and scheduling-conflict alerts and organises calendar entries. */
        String officeEmail();

        /** The district's time zone: reminder days and the digest day and time are counted in it. */
        @WithDefault("America/Los_Angeles")
        ZoneId timeZone();

        /** Link to the district portal printed in the footer of each email. */
        Optional<String> portalUrl();
    }

    interface Reminder {
        /** How many days before a visit both principals are reminded to agree on the focus. */
        @WithDefault("10")
        int daysBefore();

        /** How often due planning reminders are looked for ("off" disables the job). */
        @WithDefault("15m")
        String checkInterval();
    }

    interface Digest {
        /** Day of the week the weekly digest goes out, in the district's time zone. */
        @WithDefault("MONDAY")
        DayOfWeek day();

        /** Time of day the weekly digest goes out, in the district's time zone. */
        @WithDefault("06:30")
        LocalTime time();

        /** How often the digest job checks whether this week's digests are due ("off" disables the job). */
        @WithDefault("5m")
        String checkInterval();

        /** How many days ahead the digest lists upcoming sessions and substitute coverage. */
        @WithDefault("14")
        int lookAheadDays();

        /** How many days back the digest lists session summaries. */
        @WithDefault("7")
        int lookBackDays();
    }

    /** The monthly learning-loop email to each central-office leader, from session-service's snapshots. */
    interface LearningLoop {
        /** The email goes out on the first of these days of each month, in the district's time zone. */
        @WithDefault("MONDAY")
        DayOfWeek day();

        /** Time of day it goes out (after the weekly digest and session-service's weekly snapshot). */
        @WithDefault("07:00")
        LocalTime time();

        /** How often the job checks whether this month's emails are due ("off" disables the job). */
        @WithDefault("5m")
        String checkInterval();

        /** Snapshots older than this are not shown (a pairing no longer published, e.g. last year's). */
        @WithDefault("P14D")
        Duration maxSnapshotAge();
    }

    interface Sender {
        /** How often the sender looks for due deliveries; bounds the delay between an event and its email. */
        @WithDefault("1s")
        String pollInterval();

        /** Deliveries claimed and sent concurrently per round. */
        @WithDefault("50")
        int batchSize();

        /** Longest wait for the SMTP server to accept one email before the attempt counts as failed. */
        @WithDefault("30s")
        Duration sendTimeout();

        /** Delay before the first retry; it doubles after each failed attempt. */
        @WithDefault("30s")
        Duration backoffInitial();

        /** Longest delay between two attempts. */
        @WithDefault("1h")
        Duration backoffMax();

        /** Attempts after which a delivery is marked FAILED and left for a person to resend. */
        @WithDefault("12")
        int maxAttempts();

        /** Domain part of the stable Message-ID given to each delivery. */
        @WithDefault("notification.studio-residency")
        String messageIdDomain();
    }
}
