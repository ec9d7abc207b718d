package org.studioresidency.notification.service;

import java.time.Duration;

/** Exponential backoff between send attempts: initial, doubled after each failure, capped. */
public record Backoff(Duration initial, Duration max) {

    /** The wait after the given number of failed attempts (1 = the first attempt failed). */
    public Duration after(int failedAttempts) {
        if (failedAttempts <= 1) {
            return min(initial, max);
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        Duration delay = initial.multipliedBy(1L << Math.min(doublings, 20));
        return min(delay, max);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
