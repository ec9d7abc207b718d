package org.studioresidency.session.event;

import io.quarkus.test.junit.QuarkusTestProfile;

import java.util.Map;

/** The scheduled relay is off, so a test drives {@link OutboxRelay} itself. */
public class ManualRelayProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("quarkus.scheduler.enabled", "false");
    }
}
