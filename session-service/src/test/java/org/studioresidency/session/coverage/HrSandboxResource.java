package org.studioresidency.session.coverage;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import org.studioresidency.local.FreePorts;
import org.studioresidency.local.HrSandbox;

import java.util.Map;

/** A real HR sandbox (HTTP server, signed callbacks) for the test class that names this resource. */
public class HrSandboxResource implements QuarkusTestResourceLifecycleManager {

    static final String API_KEY = "coverage-test-key";
    /** The secret the sandbox signs with: listed second, as after a rotation. */
    static final String CURRENT_SECRET = "whsec_Y3VycmVudC1zZWNyZXQtZm9yLWNvdmVyYWdlLXRlc3Rz";
    /** The previous secret, still accepted during the rotation. */
    static final String PREVIOUS_SECRET = "whsec_cHJldmlvdXMtc2VjcmV0LWZvci1jb3ZlcmFnZS10ZXN0cw==";

    private HrSandbox sandbox;

    @Override
    public Map<String, String> start() {
        // The callback URL is set by the test once Quarkus has its port.
        sandbox = HrSandbox.start(FreePorts.next(), API_KEY, CURRENT_SECRET, "http://127.0.0.1:9/hr/callbacks");
        return Map.of(
                "hr.base-url", sandbox.url(),
                "hr.api-key", API_KEY,
                "hr.webhook-secrets", PREVIOUS_SECRET + "," + CURRENT_SECRET,
                "hr.timeout", "1s",
                "hr.first-backoff", "50ms",
                "hr.max-backoff", "200ms",
                "org.studioresidency.session.hr.RestAbsenceJobs/CircuitBreaker/delay", "1",
                "org.studioresidency.session.hr.RestAbsenceJobs/Retry/delay", "100",
                "org.studioresidency.session.hr.RestAbsenceJobs/Retry/jitter", "50");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(sandbox, new TestInjector.MatchesType(HrSandbox.class));
    }

    @Override
    public void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }
}
