package org.studioresidency.e2e;

import org.studioresidency.local.LocalStack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** One running system (infrastructure plus the three packaged services) shared by the end-to-end tests. */
final class RunningSystem {

    private static LocalStack stack;

    private RunningSystem() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            try {
                Path repository = Path.of(System.getProperty("studio.repository", "../.."));
                Path data = Files.createTempDirectory("studio-residency-e2e-");
                // Planning jobs stop once their best plan has not improved for 3 s instead of 20 s (the scenarios' years are
                // small), and after 90 s at the latest instead of 5 min: the 200-school onboarding waits for its plan in one call.
                stack = new LocalStack(repository, data, LocalStack.Ports.ephemeral(),
                        Map.of("PLANNING_UNIMPROVED_LIMIT", "3s", "PLANNING_TIME_LIMIT", "90s")).start();
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }
}
