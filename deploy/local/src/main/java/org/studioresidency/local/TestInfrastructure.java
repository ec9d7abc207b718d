package org.studioresidency.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The real PostgreSQL server, Kafka broker and SMTP server shared by every test in one JVM, on free ports.
 * Started once; what tests need (ports, the mail window, the token signer) is published as system properties
 * so it is reachable whichever class loader a test runs in.
 */
public final class TestInfrastructure {

    private static final String STARTED = "studio.infra.started";
    private static final String POSTGRES_PORT = "studio.infra.postgres.port";
    private static final String KAFKA = "studio.infra.kafka.bootstrap";
    private static final String KAFKA_SASL = "studio.infra.kafka.sasl-bootstrap";
    private static final String SMTP_PORT = "studio.infra.smtp.port";
    private static final String MAIL_URL = "studio.infra.mail.url";
    private static final String IDENTITY_DIR = "studio.infra.identity.dir";

    private static PostgresServer postgres;
    private static KafkaBroker kafka;
    private static MailCatcher mail;

    private TestInfrastructure() {
    }

    public static void ensureStarted() {
        synchronized (System.getProperties()) {
            if (System.getProperty(STARTED) != null) {
                return;
            }
            try {
                Path root = Files.createTempDirectory("studio-residency-test-");
                postgres = PostgresServer.start(null, FreePorts.next());
                kafka = KafkaBroker.start(root.resolve("kafka"), FreePorts.next(), FreePorts.next(), FreePorts.next());
                mail = MailCatcher.start(FreePorts.next(), FreePorts.next());
                DevIdentity.in(root.resolve("identity"));
                System.setProperty(POSTGRES_PORT, String.valueOf(postgres.port()));
                System.setProperty(KAFKA, kafka.bootstrapServers());
                System.setProperty(KAFKA_SASL, kafka.saslBootstrapServers());
                System.setProperty(SMTP_PORT, String.valueOf(mail.smtpPort()));
                System.setProperty(MAIL_URL, mail.httpUrl());
                System.setProperty(IDENTITY_DIR, root.resolve("identity").toString());
                System.setProperty(STARTED, "true");
                Runtime.getRuntime().addShutdownHook(new Thread(TestInfrastructure::stopAll, "test-infrastructure-stop"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** The JDBC URL of a database of this name, created on first use. */
    public static String jdbcUrl(String database) {
        ensureStarted();
        int port = Integer.parseInt(System.getProperty(POSTGRES_PORT));
        PostgresServer.ensureDatabase(port, database);
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** The broker's SASL_PLAINTEXT SCRAM-SHA-512 listener (user {@link KafkaBroker#SASL_USER}). */
    public static String kafkaSaslBootstrapServers() {
        ensureStarted();
        return System.getProperty(KAFKA_SASL);
    }

    public static String kafkaBootstrapServers() {
        ensureStarted();
        return System.getProperty(KAFKA);
    }

    public static int smtpPort() {
        ensureStarted();
        return Integer.parseInt(System.getProperty(SMTP_PORT));
    }

    /** Base URL of the mail window: GET /messages lists what the SMTP server received. */
    public static String mailUrl() {
        ensureStarted();
        return System.getProperty(MAIL_URL);
    }

    public static DevIdentity identity() {
        ensureStarted();
        return DevIdentity.in(Path.of(System.getProperty(IDENTITY_DIR)));
    }

    public static String token(String role) {
        return identity().token("test-" + role, role, null);
    }

    public static String principalToken(String schoolId) {
        return identity().token("test-principal-" + schoolId, "principal", schoolId);
    }

    private static void stopAll() {
        if (mail != null) {
            mail.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
