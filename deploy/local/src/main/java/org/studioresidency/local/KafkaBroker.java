package org.studioresidency.local;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real single-node Apache Kafka broker in KRaft mode, run in its own JVM from the kafka_2.13 artifact.
 * A separate process keeps Scala and the broker's libraries off the services' classpath and lets a test
 * kill and restart the broker like a real outage.
 */
public final class KafkaBroker implements AutoCloseable {

    /** The user of the optional SCRAM listener, and the JAAS line a client logs in with. */
    public static final String SASL_USER = "studio-client";
    public static final String SASL_PASSWORD = "studio-client-local-secret";
    public static final String SASL_MECHANISM = "SCRAM-SHA-512";
    public static final String SASL_JAAS_CONFIG = "org.apache.kafka.common.security.scram.ScramLoginModule required username=\""
            + SASL_USER + "\" password=\"" + SASL_PASSWORD + "\";";

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private final int saslPort;
    private Process process;

    private KafkaBroker(Path directory, int port, int controllerPort, int saslPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
        this.saslPort = saslPort;
    }

    public static KafkaBroker start(Path directory, int port, int controllerPort) {
        return start(directory, port, controllerPort, 0);
    }

    /**
     * With {@code saslPort > 0}, a second client listener on that port takes only SASL_PLAINTEXT SCRAM-SHA-512 logins
     * ({@link #SASL_USER}), as production's takes SCRAM over TLS: tests prove clients configured for it connect.
     */
    public static KafkaBroker start(Path directory, int port, int controllerPort, int saslPort) {
        KafkaBroker broker = new KafkaBroker(directory, port, controllerPort, saslPort);
        broker.start();
        return broker;
    }

    /** The SCRAM listener's address; only when started with a SASL port. */
    public String saslBootstrapServers() {
        if (saslPort <= 0) {
            throw new IllegalStateException("This broker has no SASL listener");
        }
        return "127.0.0.1:" + saslPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    public synchronized void start() {
        try {
            Files.createDirectories(directory);
            Path config = writeConfig();
            if (!Files.exists(directory.resolve("logs/meta.properties"))) {
                Process format = java("kafka.tools.StorageTool", "format", "-t", Uuid.randomUuid().toString(),
                        "-c", config.toString()).start();
                if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
                    throw new IllegalStateException("Formatting Kafka storage failed; see " + log());
                }
            }
            process = java("kafka.Kafka", config.toString()).start();
            awaitReady(Duration.ofSeconds(120));
            if (saslPort > 0) {
                addScramUser();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Stops the broker as an operator would (SIGTERM); {@link #start()} brings it back with its data. */
    public synchronized void stop() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(30, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    public long pid() {
        return process.pid();
    }

    public Path log() {
        return directory.resolve("broker.log");
    }

    @Override
    public void close() {
        stop();
    }

    private ProcessBuilder java(String mainClass, String... args) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn",
                "-cp", brokerClasspath(), mainClass));
        command.addAll(List.of(args));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
    }

    private static String brokerClasspath() throws IOException {
        try (InputStream in = KafkaBroker.class.getResourceAsStream("/kafka-broker.classpath")) {
            if (in == null) {
                throw new IllegalStateException("kafka-broker.classpath is missing: build deploy/local with ./mvnw -pl deploy/local install");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private Path writeConfig() throws IOException {
        String sasl = saslPort > 0 ? ",SASL_PLAINTEXT://127.0.0.1:" + saslPort : "";
        String config = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort + sasl,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port + sasl,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT",
                saslPort > 0 ? "sasl.enabled.mechanisms=" + SASL_MECHANISM : "",
                saslPort > 0 ? "listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;" : "",
                "log.dirs=" + directory.resolve("logs"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=10",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "log.retention.hours=168",
                "");
        Path file = directory.resolve("server.properties");
        Files.writeString(file, config);
        return file;
    }

    private void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        Exception last = null;
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("The Kafka broker exited; see " + log());
            }
            try (Admin admin = Admin.create(Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                    AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 3000,
                    AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 5000))) {
                if (!admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception e) {
                last = e;
            }
            sleepQuietly(300);
        }
        throw new IllegalStateException("The Kafka broker did not become ready in " + timeout + "; see " + log(), last);
    }

    private void addScramUser() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers()))) {
            admin.alterUserScramCredentials(List.of(new org.apache.kafka.clients.admin.UserScramCredentialUpsertion(SASL_USER,
                    new org.apache.kafka.clients.admin.ScramCredentialInfo(org.apache.kafka.clients.admin.ScramMechanism.SCRAM_SHA_512, 4096),
                    SASL_PASSWORD))).all().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not create the SCRAM user on the local broker", e);
        }
    }

    static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
