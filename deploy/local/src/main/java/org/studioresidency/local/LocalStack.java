package org.studioresidency.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole system on one machine: real PostgreSQL, Kafka and SMTP, and the three services as separate
 * processes started from their packaged builds, configured through the same environment variables as production.
 */
public final class LocalStack implements AutoCloseable {

    public static final List<String> SERVICES = List.of("pairing-service", "session-service", "notification-service");

    /** Where everything listens; {@link #defaults} for the run command, {@link #ephemeral} for tests. */
    /** {@code management}: each service's management interface (health and metrics), as in production. */
    public record Ports(int postgres, int kafka, int kafkaController, int smtp, int mailHttp, int hrSandbox,
                        Map<String, Integer> services, Map<String, Integer> management) {

        public static Ports defaults() {
            return new Ports(5433, 9092, 9093, 2525, 8025, 8090, Map.of(
                    "pairing-service", 8081, "session-service", 8082, "notification-service", 8083), Map.of(
                    "pairing-service", 9081, "session-service", 9082, "notification-service", 9083));
        }

        public static Ports ephemeral() {
            Map<String, Integer> services = new LinkedHashMap<>();
            Map<String, Integer> management = new LinkedHashMap<>();
            SERVICES.forEach(s -> services.put(s, FreePorts.next()));
            SERVICES.forEach(s -> management.put(s, FreePorts.next()));
            return new Ports(FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(), FreePorts.next(),
                    FreePorts.next(), services, management);
        }
    }

    /**
     * Sized from what each service was measured to need (deploy/README.md, "Memory"): the heap bound plus what the JVM
     * holds besides the heap (metaspace, code, threads: about 190 MB each, measured) keeps each process under its budget.
     * SerialGC has the smallest overhead on two cores; the free-ratio bounds let a full collection hand memory back.
     * session-service runs G1 instead: SerialGC gives heap back only after a full collection, which reads never cause,
     * so its heap stayed at what solving had taken; G1 collects when idle for 3 s (G1PeriodicGCInterval) and may spend
     * up to a third of its time collecting (GCTimeRatio=2) rather than grow the heap, with a young generation free to
     * shrink to 4 MB (measured: 337 MB at the reads' peak against 354, deploy/README.md, "Fifth round"). The same
     * figures are in the Kubernetes Deployments.
     */
    // Heap and young generation from each service's live set (deploy/README.md, "Memory"): a bounded young generation
    // keeps request garbage from growing the heap to its maximum. notification-service compiles with C1 only: its work
    // (events, emails) gains little from C2, whose code and compiler arenas cost resident memory. pairing-service and
    // session-service compile with C2 alone (no tiers): one compiled copy of each hot method instead of a profiled C1
    // copy and a C2 copy, measured at a quarter of the code, at the price of a slower first import after a start.
    private static final List<String> SERIAL_GC = List.of("-XX:+UseSerialGC");

    private static final Map<String, List<String>> DEFAULT_JVM_OPTIONS = Map.of(
            "pairing-service", withCommon(SERIAL_GC, "-Xmx96m", "-Xmn24m", "-XX:-TieredCompilation"),
            "session-service", withCommon(List.of("-XX:+UseG1GC", "-XX:G1PeriodicGCInterval=3000", "-XX:GCTimeRatio=2"),
                    "-Xmx224m", "-XX:NewSize=4m", "-XX:MaxNewSize=48m", "-XX:-TieredCompilation"),
            "notification-service", withCommon(SERIAL_GC, "-Xmx96m", "-Xmn16m", "-XX:TieredStopAtLevel=1"));

    private static List<String> withCommon(List<String> collector, String... own) {
        List<String> options = new ArrayList<>(collector);
        options.addAll(List.of("-Xms32m", "-XX:MinHeapFreeRatio=10", "-XX:MaxHeapFreeRatio=30",
                // glibc keeps what the JVM frees (compiler arenas, buffers) unless asked to trim; measured 105 MB of it.
                "-XX:TrimNativeHeapInterval=5000"));
        options.addAll(List.of(own));
        if (Runtime.version().feature() >= 25) {
            // 8-byte object headers (JEP 519, a product option from Java 25): every object in the heap is smaller.
            options.add("-XX:+UseCompactObjectHeaders");
        }
        return List.copyOf(options);
    }

    private final Path repository;
    private final Path data;
    private final Ports ports;
    private final Map<String, String> extraEnvironment;
    private final Map<String, Process> services = new LinkedHashMap<>();
    private PostgresServer postgres;
    private KafkaBroker kafka;
    private MailCatcher mail;
    private HrSandbox hr;
    private DevIdentity identity;

    public LocalStack(Path repository, Path data, Ports ports, Map<String, String> extraEnvironment) {
        this.repository = repository.toAbsolutePath().normalize();
        this.data = data.toAbsolutePath().normalize();
        this.ports = ports;
        this.extraEnvironment = extraEnvironment;
    }

    /**
     * Starts everything, or, when any part fails to start (a service that exits or is not ready in time), stops what
     * had started before throwing: a failed start used to leave Kafka and the other services running, holding memory
     * and ports, after the caller (a test, a benchmark) had ended.
     */
    public LocalStack start() {
        try {
            return startAll();
        } catch (RuntimeException | Error e) {
            close();
            throw e;
        }
    }

    private LocalStack startAll() {
        try {
            Files.createDirectories(data.resolve("logs"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        stopLeftovers();
        requireFreePorts();
        for (String service : SERVICES) {
            Path jar = jar(service);
            if (!Files.exists(jar)) {
                throw new IllegalStateException(jar + " is missing: build first with ./mvnw -DskipTests package");
            }
        }
        log("Starting PostgreSQL on " + ports.postgres());
        postgres = PostgresServer.start(data.resolve("postgres"), ports.postgres());
        SERVICES.forEach(s -> postgres.ensureDatabase(database(s)));
        log("Starting Kafka (KRaft) on " + ports.kafka());
        kafka = KafkaBroker.start(data.resolve("kafka"), ports.kafka(), ports.kafkaController());
        log("Starting SMTP on " + ports.smtp());
        mail = MailCatcher.start(ports.smtp(), ports.mailHttp());
        identity = DevIdentity.in(data.resolve("identity"));
        log("Starting the HR substitute-system sandbox on " + ports.hrSandbox());
        hr = HrSandbox.start(ports.hrSandbox(), identity.hrApiKey(), identity.hrWebhookSecret(),
                serviceUrl("session-service") + "/hr/callbacks");
        rememberPids();
        SERVICES.forEach(this::startService);
        SERVICES.forEach(s -> awaitReady(s, Duration.ofMinutes(3)));
        rememberPids();
        return this;
    }

    public void startService(String service) {
        int port = ports.services().get(service);
        log("Starting " + service + " on " + port);
        Map<String, String> env = new HashMap<>();
        env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        env.put("MANAGEMENT_PORT", String.valueOf(ports.management().get(service)));
        env.put("DB_URL", postgres.jdbcUrl(database(service)));
        env.put("DB_USER", PostgresServer.USER);
        env.put("DB_PASSWORD", PostgresServer.PASSWORD);
        env.put("KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers());
        env.put("SMTP_HOST", "127.0.0.1");
        env.put("SMTP_PORT", String.valueOf(mail.smtpPort()));
        env.put("SMTP_FROM", "Studio/Residency Programme <pd-office@district.local>");
        env.put("JWT_PUBLIC_KEY_LOCATION", identity.publicKeyFile().toString());
        env.put("JWT_ISSUER", DevIdentity.ISSUER);
        env.put("CORS_ORIGINS", "http://localhost:3000");
        env.put("PAIRING_SERVICE_URL", "http://127.0.0.1:" + ports.services().get("pairing-service"));
        env.put("SESSION_SERVICE_URL", "http://127.0.0.1:" + ports.services().get("session-service"));
        env.put("HR_BASE_URL", hr.url());
        env.put("HR_API_KEY", identity.hrApiKey());
        env.put("HR_WEBHOOK_SECRETS", identity.hrWebhookSecret());
        // glibc gives each thread that allocates its own malloc arena (up to 8 per core); two keep native memory
        // from fragmenting across arenas.
        env.put("MALLOC_ARENA_MAX", "2");
        env.putAll(extraEnvironment);
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions(service));
        command.addAll(List.of("-jar", jar(service).toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(data.resolve("logs").resolve(service + ".log").toFile()));
        builder.environment().putAll(env);
        try {
            services.put(service, builder.start());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The service's JVM options. For an experiment, the system property {@code local.jvm.options} (space-separated)
     * replaces them for every service, {@code local.jvm.extra} adds to them, e.g.
     * {@code -XX:NativeMemoryTracking=summary}, and {@code local.jvm.extra.<service>} adds to one service's (a later
     * option wins, so {@code -Dlocal.jvm.extra.pairing-service=-Xmx96m} tries a smaller heap).
     */
    static List<String> jvmOptions(String service) {
        String override = System.getProperty("local.jvm.options");
        if (override != null && !override.isBlank()) {
            return List.of(override.trim().split("\\s+"));
        }
        List<String> options = new ArrayList<>(DEFAULT_JVM_OPTIONS.get(service));
        for (String extra : new String[]{System.getProperty("local.jvm.extra"), System.getProperty("local.jvm.extra." + service)}) {
            if (extra != null && !extra.isBlank()) {
                options.addAll(List.of(extra.trim().split("\\s+")));
            }
        }
        return options;
    }

    /** The operating-system process of a running service, e.g. to read its resident memory. */
    public long pid(String service) {
        Process process = services.get(service);
        if (process == null || !process.isAlive()) {
            throw new IllegalStateException(service + " is not running");
        }
        return process.pid();
    }

    /** Ends a service at once, as a crash would (kill -9). */
    public void killService(String service) {
        Process process = services.remove(service);
        if (process != null) {
            process.destroyForcibly();
            waitFor(process, 30);
        }
    }

    public void stopService(String service) {
        Process process = services.remove(service);
        if (process != null) {
            process.destroy();
            if (!waitFor(process, 30)) {
                process.destroyForcibly();
                waitFor(process, 10);
            }
        }
    }

    public void awaitReady(String service, Duration timeout) {
        String url = managementUrl(service) + "/q/health/ready";
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            Process process = services.get(service);
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(service + " exited while starting; see " + data.resolve("logs").resolve(service + ".log"));
            }
            try {
                HttpResponse<Void> response = client.send(HttpRequest.newBuilder(URI.create(url))
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            KafkaBroker.sleepQuietly(250);
        }
        throw new IllegalStateException(service + " was not ready within " + timeout + "; see "
                + data.resolve("logs").resolve(service + ".log"));
    }

    /** Where the service's health and metrics are (the management interface, as in production). */
    public String managementUrl(String service) {
        return "http://127.0.0.1:" + ports.management().get(service);
    }

    public String serviceUrl(String service) {
        return "http://127.0.0.1:" + ports.services().get(service);
    }

    /** JDBC URL of a service's database, e.g. {@code session}, for checks that count rows. */
    public String jdbcUrl(String database) {
        return postgres.jdbcUrl(database);
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public MailCatcher mail() {
        return mail;
    }

    public HrSandbox hr() {
        return hr;
    }

    public DevIdentity identity() {
        return identity;
    }

    public Path logs() {
        return data.resolve("logs");
    }

    @Override
    public void close() {
        new ArrayList<>(services.keySet()).forEach(this::stopService);
        if (hr != null) {
            hr.close();
        }
        if (mail != null) {
            mail.close();
        }
        if (kafka != null) {
            kafka.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        try {
            Files.deleteIfExists(data.resolve("pids"));
        } catch (IOException ignored) {
            // next start checks each recorded pid anyway
        }
    }

    private Path jar(String service) {
        return repository.resolve(service).resolve("target/quarkus-app/quarkus-run.jar");
    }

    private static String database(String service) {
        return service.replace("-service", "");
    }

    /**
     * Records child processes (pid and start time, so a reused pid is never mistaken for ours) so that a start
     * after a hard kill of the launcher, which runs no shutdown hook, can end the orphans first.
     */
    private void rememberPids() {
        List<String> lines = new ArrayList<>();
        services.values().forEach(p -> lines.add(identify(p.toHandle())));
        if (kafka != null) {
            ProcessHandle.of(kafka.pid()).ifPresent(h -> lines.add(identify(h)));
        }
        try {
            Files.write(data.resolve("pids"), lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String identify(ProcessHandle process) {
        return process.pid() + " " + process.info().startInstant().map(Instant::toEpochMilli).orElse(0L);
    }

    private void stopLeftovers() {
        Path file = data.resolve("pids");
        try {
            if (Files.exists(file)) {
                for (String line : Files.readAllLines(file)) {
                    String[] parts = line.trim().split(" ");
                    if (parts.length != 2) {
                        continue;
                    }
                    ProcessHandle.of(Long.parseLong(parts[0]))
                            .filter(p -> parts[1].equals(String.valueOf(p.info().startInstant().map(Instant::toEpochMilli).orElse(-1L))))
                            .ifPresent(p -> {
                                log("Stopping a process left over from an earlier run: " + p.pid());
                                p.destroyForcibly();
                                p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
                            });
                }
                Files.delete(file);
            }
            Path pgPid = data.resolve("postgres/postmaster.pid");
            if (Files.exists(pgPid)) {
                long pid = Long.parseLong(Files.readAllLines(pgPid).get(0).trim());
                ProcessHandle.of(pid).filter(p -> p.info().command().map(c -> c.endsWith("postgres")).orElse(false)).ifPresent(p -> {
                    log("Stopping a PostgreSQL server left over from an earlier run: " + pid);
                    p.destroy();
                    p.onExit().orTimeout(30, TimeUnit.SECONDS).exceptionally(t -> null).join();
                });
            }
        } catch (IOException | NumberFormatException e) {
            log("Could not read leftover pids: " + e.getMessage());
        }
    }

    private void requireFreePorts() {
        Map<String, Integer> wanted = new LinkedHashMap<>();
        wanted.put("PostgreSQL", ports.postgres());
        wanted.put("Kafka", ports.kafka());
        wanted.put("Kafka controller", ports.kafkaController());
        wanted.put("SMTP", ports.smtp());
        wanted.put("the mail window", ports.mailHttp());
        wanted.put("the HR sandbox", ports.hrSandbox());
        ports.services().forEach(wanted::put);
        ports.management().forEach((service, port) -> wanted.put(service + " health and metrics", port));
        List<String> taken = wanted.entrySet().stream().filter(e -> FreePorts.inUse(e.getValue()))
                .map(e -> e.getValue() + " (" + e.getKey() + ")").toList();
        if (!taken.isEmpty()) {
            throw new IllegalStateException("These ports are taken by other programs: " + String.join(", ", taken)
                    + ". Stop them (e.g. another deploy/local/run) and start again.");
        }
    }

    private static boolean waitFor(Process process, int seconds) {
        try {
            return process.waitFor(seconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    static void log(String message) {
        System.out.println("[local-stack] " + message);
    }

    public static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
