package org.studioresidency.notification.service;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class BackoffTest {

    private final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void shouldWaitTheInitialDelayAfterTheFirstFailure() {
        assertThat(backoff.after(1)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void shouldDoubleTheWaitAfterEachFurtherFailure() {
        assertThat(backoff.after(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.after(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.after(5)).isEqualTo(Duration.ofMinutes(8));
    }

    @Test
    void shouldNotWaitLongerThanTheMaximum() {
        assertThat(backoff.after(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.after(1_000)).isEqualTo(Duration.ofHours(1));
    }
}
