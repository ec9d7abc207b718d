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
                stack = new LocalStack(repository, data, LocalStack.Ports.ephemeral(), Map.of()).start();
                Runtime.getRuntime().addShutdownHook(new Thread(stack::close, "e2e-stack-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return stack;
    }
}
