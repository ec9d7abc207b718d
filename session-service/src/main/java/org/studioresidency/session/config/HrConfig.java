package org.studioresidency.session.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

import java.time.Duration;
import java.util.List;

/** The district's HR substitute system (deploy/HR-PROTOCOL.md). */
@ConfigMapping(prefix = "hr")
public interface HrConfig {

    /** Base URL of the HR system's absence-job API, e.g. {@code https://hr.district.example/api}. */
    String baseUrl();

    /** API key sent as {@code Authorization: Bearer}. */
    String apiKey();

    /** Standard Webhooks secrets ({@code whsec_...}) accepted on callbacks; several during a rotation. */
    List<String> webhookSecrets();

    /** Longest wait for one HR answer before it counts as failed. */
    @WithDefault("5s")
    Duration timeout();

    /** How often owed HR calls are sent (read by the scheduled dispatcher; {@code off} disables it). */
    @WithDefault("2s")
    String dispatchEvery();

    /** Owed calls sent per dispatcher run. */
    @WithDefault("100")
    int batchSize();

    /** First wait before a failed call is tried again by the dispatcher; doubles each attempt, with jitter. */
    @WithDefault("2s")
    Duration firstBackoff();

    /** Longest wait between two dispatcher attempts of one call, so a long HR outage is retried at least this often. */
    @WithDefault("5m")
    Duration maxBackoff();
}
