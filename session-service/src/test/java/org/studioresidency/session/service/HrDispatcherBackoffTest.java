package org.studioresidency.session.service;

import org.junit.jupiter.api.Test;
import org.studioresidency.session.config.HrConfig;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class HrDispatcherBackoffTest {

    private final HrDispatcher dispatcher = new HrDispatcher(null, null, new Config(), null);

    @Test
    void shouldWaitAboutTwiceAsLongAfterEachFailedTryWithJitter() {
        for (int attempt = 1; attempt <= 5; attempt++) {
            long full = 2_000L << (attempt - 1);
            for (int sample = 0; sample < 50; sample++) {
                assertThat(dispatcher.backoff(attempt).toMillis()).isBetween(full / 2, full);
            }
        }
    }

    @Test
    void shouldKeepTryingAtLeastEveryMaxBackoffDuringALongOutage() {
        for (int attempt : List.of(9, 20, 31, 1_000)) {
            assertThat(dispatcher.backoff(attempt)).isBetween(Duration.ofMinutes(5).dividedBy(2), Duration.ofMinutes(5));
        }
    }

    @Test
    void shouldNotGiveEveryFailedCallTheSameWait() {
        assertThat(java.util.stream.IntStream.range(0, 20).mapToObj(i -> dispatcher.backoff(6)).distinct().count()).isGreaterThan(1);
    }

    private static final class Config implements HrConfig {
        public String baseUrl() { return "http://hr.example"; }
        public String apiKey() { return "key"; }
        public List<String> webhookSecrets() { return List.of(); }
        public Duration timeout() { return Duration.ofSeconds(5); }
        public String dispatchEvery() { return "2s"; }
        public int batchSize() { return 100; }
        public Duration firstBackoff() { return Duration.ofSeconds(2); }
        public Duration maxBackoff() { return Duration.ofMinutes(5); }
    }
}
