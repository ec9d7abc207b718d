package org.studioresidency.session.rest;

import org.junit.jupiter.api.Test;

import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class PreferWaitTest {

    @Test
    void shouldReadTheWaitPreferenceAloneOrAmongOthers() {
        assertThat(PreferWait.seconds("wait=60", 120)).hasValue(60);
        assertThat(PreferWait.seconds("respond-async, wait=10", 120)).hasValue(10);
        assertThat(PreferWait.seconds("WAIT = 5; foo=bar, handling=lenient", 120)).hasValue(5);
    }

    @Test
    void shouldCutALongerWaitToWhatTheServiceAllows() {
        assertThat(PreferWait.seconds("wait=999999", 120)).hasValue(120);
    }

    @Test
    void shouldIgnoreAnAbsentOrUnreadableWait() {
        assertThat(PreferWait.seconds(null, 120)).isEqualTo(OptionalInt.empty());
        assertThat(PreferWait.seconds("respond-async", 120)).isEmpty();
        assertThat(PreferWait.seconds("wait=soon", 120)).isEmpty();
        assertThat(PreferWait.seconds("nowait=5", 120)).isEmpty();
    }
}
