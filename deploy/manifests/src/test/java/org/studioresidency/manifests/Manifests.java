package org.studioresidency.manifests;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads the repository's manifests and the services' configuration for the checks. */
final class Manifests {

    static final List<String> SERVICES = List.of("pairing-service", "session-service", "notification-service");
    private static final Pattern ENV_REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(:[^}]*)?}");

    final Path repository = Path.of(System.getProperty("studio.repository", "../..")).toAbsolutePath().normalize();

    /** Every YAML document under deploy/k8s, with the file it came from. */
    List<Map.Entry<Path, Map<String, Object>>> kubernetesDocuments() {
        List<Map.Entry<Path, Map<String, Object>>> documents = new ArrayList<>();
        for (Path file : files(repository.resolve("deploy/k8s"), ".yaml")) {
            for (Object document : yaml().loadAll(read(file))) {
                if (document != null) {
                    documents.add(Map.entry(file, asMap(document)));
                }
            }
        }
        return documents;
    }

    List<Map<String, Object>> ofKind(String kind) {
        return kubernetesDocuments().stream().map(Map.Entry::getValue)
                .filter(d -> kind.equals(d.get("kind"))).toList();
    }

    /** The base (not overlay) resource of a kind and name. */
    Map<String, Object> base(String kind, String name) {
        return kubernetesDocuments().stream()
                .filter(e -> e.getKey().startsWith(repository.resolve("deploy/k8s/base")))
                .map(Map.Entry::getValue)
                .filter(d -> kind.equals(d.get("kind")) && name.equals(get(d, "metadata", "name")))
                .findFirst().orElseThrow(() -> new AssertionError("No " + kind + " named " + name + " in deploy/k8s/base"));
    }

    /** Every document of a kind and name in the production overlay (resources and patches). */
    List<Map<String, Object>> prod(String kind, String name) {
        return kubernetesDocuments().stream()
                .filter(e -> e.getKey().startsWith(repository.resolve("deploy/k8s/overlays/prod")))
                .map(Map.Entry::getValue)
                .filter(d -> kind.equals(d.get("kind")) && name.equals(get(d, "metadata", "name")))
                .toList();
    }

    /** Topics the service consumes (its incoming channels). */
    java.util.Set<String> topicsConsumedBy(String service) {
        java.util.Set<String> topics = new java.util.TreeSet<>();
        applicationProperties(service).forEach((key, value) -> {
            String k = key.toString();
            if (k.startsWith("mp.messaging.incoming.") && k.endsWith(".topic") && !k.endsWith(".dead-letter-queue.topic")) {
                topics.add(value.toString());
            }
        });
        return topics;
    }

    /** Topics the service writes: what it names but does not consume (its outbox topics), and its dead-letter topic. */
    java.util.Set<String> topicsWrittenBy(String service) {
        java.util.Set<String> topics = new java.util.TreeSet<>(topicsUsedBy(service));
        topics.removeAll(topicsConsumedBy(service));
        return topics;
    }

    /** The consumer groups of the service's incoming channels. */
    java.util.Set<String> consumerGroupsOf(String service) {
        java.util.Set<String> groups = new java.util.TreeSet<>();
        applicationProperties(service).forEach((key, value) -> {
            if (key.toString().startsWith("mp.messaging.incoming.") && key.toString().endsWith(".group.id")) {
                groups.add(value.toString());
            }
        });
        return groups;
    }

    Map<String, Object> compose() {
        return asMap(yaml().load(read(repository.resolve("deploy/compose/docker-compose.yml"))));
    }

    Properties applicationProperties(String service) {
        Properties properties = new Properties();
        try (var in = Files.newBufferedReader(repository.resolve(service + "/src/main/resources/application.properties"))) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    int httpPort(String service) {
        return Integer.parseInt(applicationProperties(service).getProperty("quarkus.http.port"));
    }

    /** The production management interface's port (health and metrics), or -1 when the service has none. */
    int managementPort(String service) {
        Properties properties = applicationProperties(service);
        if (!"true".equals(properties.getProperty("%prod.quarkus.management.enabled"))) {
            return -1;
        }
        String port = properties.getProperty("%prod.quarkus.management.port", "9000");
        Matcher m = ENV_REFERENCE.matcher(port);
        return Integer.parseInt(m.matches() && m.group(2) != null ? m.group(2).substring(1) : port);
    }

    /** Environment variables the service reads in production; required ones have no default. */
    Map<String, Boolean> environmentVariables(String service) {
        Map<String, Boolean> required = new LinkedHashMap<>();
        applicationProperties(service).forEach((key, value) -> {
            String k = key.toString();
            if (k.startsWith("%") && !k.startsWith("%prod.")) {
                return;
            }
            Matcher m = ENV_REFERENCE.matcher(value.toString());
            while (m.find()) {
                required.merge(m.group(1), m.group(2) == null, Boolean::logicalOr);
            }
        });
        return required;
    }

    /** Topics the service names: Kafka channels and dead-letter topics in its configuration, and its Topics constants. */
    List<String> topicsUsedBy(String service) {
        List<String> topics = new ArrayList<>();
        applicationProperties(service).forEach((key, value) -> {
            String k = key.toString();
            if (k.startsWith("mp.messaging.") && (k.endsWith(".topic") || k.endsWith(".dead-letter-queue.topic"))) {
                topics.add(value.toString());
            }
        });
        Pattern constant = Pattern.compile("\"(district\\.[a-z-]+)\"");
        for (Path source : files(repository.resolve(service + "/src/main/java"), "Topics.java")) {
            Matcher m = constant.matcher(read(source));
            while (m.find()) {
                topics.add(m.group(1));
            }
        }
        return topics;
    }

    static List<Path> files(Path root, String suffix) {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> asMap(Object value) {
        return value instanceof Map<?, ?> map ? (Map<String, Object>) map : new HashMap<>();
    }

    @SuppressWarnings("unchecked")
    static List<Object> asList(Object value) {
        return value instanceof List<?> list ? (List<Object>) list : List.of();
    }

    static Object get(Map<String, Object> document, String... path) {
        Object current = document;
        for (String step : path) {
            current = asMap(current).get(step);
        }
        return current;
    }

    private static Yaml yaml() {
        return new Yaml(new SafeConstructor(new LoaderOptions()));
    }
}
