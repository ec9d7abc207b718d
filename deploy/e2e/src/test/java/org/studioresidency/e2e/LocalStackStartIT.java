package org.studioresidency.e2e;

import org.junit.jupiter.api.Test;
import org.studioresidency.local.LocalStack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

class LocalStackStartIT {

    @Test
    void shouldStopWhatHadStartedWhenAServiceFailsToStart() throws IOException {
        LocalStack.Ports ports = LocalStack.Ports.ephemeral();
        LocalStack stack = new LocalStack(Path.of(System.getProperty("studio.repository", "../..")),
                Files.createTempDirectory("studio-residency-failed-start-"), ports, java.util.Map.of());
        String option = "local.jvm.extra.session-service";
        System.setProperty(option, "-XX:+NoSuchOptionInThisJvm");
        try {
            assertThatThrownBy(stack::start).hasMessageContaining("session-service exited while starting");
        } finally {
            System.clearProperty(option);
        }

        // PostgreSQL, Kafka and the services that had started are gone: their ports can be taken again.
        List<Integer> taken = List.of(ports.postgres(), ports.kafka(), ports.services().get("pairing-service"),
                ports.management().get("pairing-service"), ports.services().get("notification-service"));
        await().atMost(Duration.ofSeconds(30)).until(() -> taken.stream().allMatch(LocalStackStartIT::free));
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
