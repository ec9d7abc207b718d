package org.studioresidency.manifests;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.studioresidency.manifests.Manifests.asList;
import static org.studioresidency.manifests.Manifests.asMap;
import static org.studioresidency.manifests.Manifests.get;

/** No cluster or Docker engine runs here, so the manifests are checked against the services' own configuration. */
class ManifestCheckTest {

    private final Manifests manifests = new Manifests();

    /** Read by the image's start script, the JVM or glibc, not by the service's configuration. */
    private static final Set<String> FOR_THE_RUNTIME = Set.of("JAVA_OPTS_APPEND", "GC_CONTAINER_OPTIONS", "MALLOC_ARENA_MAX");

    @Test
    void shouldParseEveryManifestAsKubernetesResources() {
        var documents = manifests.kubernetesDocuments();
        assertThat(documents).isNotEmpty();
        for (var document : documents) {
            assertThat(document.getValue()).as(document.getKey().toString()).containsKeys("apiVersion", "kind");
        }
        assertThat(manifests.compose()).containsKey("services");
    }

    @Test
    void shouldListOnlyExistingFilesInEachKustomization() {
        for (Path kustomization : Manifests.files(manifests.repository.resolve("deploy/k8s"), "kustomization.yaml")) {
            Map<String, Object> k = asMap(new org.yaml.snakeyaml.Yaml().load(Manifests.read(kustomization)));
            List<String> referenced = new ArrayList<>();
            asList(k.get("resources")).forEach(r -> referenced.add(r.toString()));
            asList(k.get("patches")).forEach(p -> {
                Object path = asMap(p).get("path");
                if (path != null) {
                    referenced.add(path.toString());
                }
            });
            for (String file : referenced) {
                assertThat(kustomization.getParent().resolve(file)).as("%s in %s", file, kustomization).exists();
            }
        }
    }

    @Test
    void shouldRunEachServiceImageOnItsPortWithHealthProbes() {
        for (String service : Manifests.SERVICES) {
            int port = manifests.httpPort(service);
            Map<String, Object> container = container(service);
            assertThat(container.get("image").toString()).startsWith("studio-residency/" + service + ":");
            assertThat(asList(container.get("ports"))).extracting(p -> asMap(p).get("containerPort")).contains(port);
            assertThat(get(container, "readinessProbe", "httpGet", "path")).isEqualTo("/q/health/ready");
            assertThat(get(container, "livenessProbe", "httpGet", "path")).isEqualTo("/q/health/live");
            int management = manifests.managementPort(service);
            assertThat(management).as("%s serves health and metrics on the management interface in prod", service).isPositive();
            assertThat(asList(container.get("ports"))).as("ports of %s", service)
                    .anyMatch(p -> "management".equals(asMap(p).get("name")) && Integer.valueOf(management).equals(asMap(p).get("containerPort")));
            for (String probe : List.of("readinessProbe", "livenessProbe", "startupProbe")) {
                assertThat(get(container, probe, "httpGet", "port")).as("%s of %s", probe, service).isEqualTo("management");
            }
            assertThat(asList(get(manifests.base("Service", service), "spec", "ports")))
                    .as("the Service of %s (and so the ingress) never reaches the management port", service)
                    .noneMatch(p -> "management".equals(asMap(p).get("targetPort")) || Integer.valueOf(management).equals(asMap(p).get("targetPort")));
            assertThat(get(container, "resources", "limits", "memory")).isNotNull();
            assertThat(get(container, "resources", "requests", "cpu")).isNotNull();

            String dockerfile = Manifests.read(manifests.repository.resolve(service + "/src/main/docker/Dockerfile.jvm"));
            assertThat(dockerfile).contains("EXPOSE " + port).containsPattern("(?m)^USER (?!root|0\\b)\\S+")
                    .contains("127.0.0.1:" + manifests.managementPort(service) + "/q/health/ready");

            Map<String, Object> composed = asMap(get(manifests.compose(), "services", service));
            assertThat(composed.get("image").toString()).startsWith("studio-residency/" + service + ":");
            assertThat(asList(composed.get("ports"))).anyMatch(p -> p.toString().endsWith(":" + port));
        }
    }

    @Test
    void shouldGiveEachServiceEveryEnvironmentVariableItRequires() {
        for (String service : Manifests.SERVICES) {
            Set<String> inKubernetes = kubernetesEnvironment(service);
            Set<String> inCompose = asMap(get(manifests.compose(), "services", service, "environment")).keySet();
            manifests.environmentVariables(service).forEach((variable, required) -> {
                if (required && !variable.equals("QUARKUS_HTTP_PORT")) {
                    assertThat(inKubernetes).as("%s requires %s in Kubernetes", service, variable).contains(variable);
                    assertThat(inCompose).as("%s requires %s in docker-compose", service, variable).contains(variable);
                }
            });
            Set<String> forTheService = new HashSet<>(inKubernetes);
            forTheService.removeAll(FOR_THE_RUNTIME);
            assertThat(manifests.environmentVariables(service).keySet())
                    .as("%s reads every variable the manifests set", service)
                    .containsAll(forTheService);
        }
    }

    @Test
    void shouldDeclareEveryTopicTheServicesUse() {
        Set<String> declared = new HashSet<>();
        for (Map<String, Object> topic : manifests.ofKind("KafkaTopic")) {
            declared.add(get(topic, "spec", "topicName").toString());
            assertThat(get(topic, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("district-kafka");
        }
        for (String service : Manifests.SERVICES) {
            assertThat(declared).as("topics of %s", service).containsAll(manifests.topicsUsedBy(service));
        }
        Matcher catalog = Pattern.compile("(?m)^## (district\\.[a-z]+)").matcher(Manifests.read(manifests.repository.resolve("deploy/EVENTS.md")));
        while (catalog.find()) {
            assertThat(declared).contains(catalog.group(1));
        }
    }

    @Test
    void shouldCommitNoSecretValues() {
        for (var document : manifests.kubernetesDocuments()) {
            if ("Secret".equals(document.getValue().get("kind"))) {
                assertThat(document.getValue()).as("Secret in %s", document.getKey()).doesNotContainKeys("data", "stringData");
            }
        }
        Pattern secretName = Pattern.compile("PASSWORD|SECRET|TOKEN|PRIVATE|CREDENTIAL|API_KEY");
        for (String service : Manifests.SERVICES) {
            asMap(get(manifests.compose(), "services", service, "environment")).forEach((name, value) -> {
                if (secretName.matcher(name).find()) {
                    assertThat(value.toString()).as("%s of %s comes from the environment", name, service).startsWith("${");
                }
            });
            for (Object env : asList(get(container(service), "env"))) {
                Map<String, Object> variable = asMap(env);
                if (secretName.matcher(variable.get("name").toString()).find()) {
                    assertThat(variable).as("%s of %s comes from a Secret", variable.get("name"), service)
                            .doesNotContainKey("value").containsKey("valueFrom");
                }
            }
        }
        for (Map<String, Object> configMap : manifests.ofKind("ConfigMap")) {
            assertThat(asMap(configMap.get("data")).keySet()).noneMatch(k -> secretName.matcher(k).find());
        }
    }

    @Test
    void shouldRouteThePortalToEveryService() {
        Set<String> backends = new HashSet<>();
        for (Map<String, Object> ingress : manifests.ofKind("Ingress")) {
            for (Object rule : asList(get(ingress, "spec", "rules"))) {
                for (Object path : asList(get(asMap(rule), "http", "paths"))) {
                    backends.add(get(asMap(path), "backend", "service", "name").toString());
                }
            }
        }
        assertThat(backends).containsAll(Manifests.SERVICES);
    }

    /**
     * The heap has a fixed bound and the container leaves room beyond it for the rest of the JVM, which was measured
     * at about 190 MB (deploy/README.md, "Memory"): a limit closer to the heap gets the pod killed, a heap sized as a
     * share of the limit grows into it.
     */
    @Test
    void shouldBoundEachServiceHeapWithRoomForTheRestOfTheJvmWithinItsMemoryLimit() {
        for (String service : Manifests.SERVICES) {
            Map<String, Object> container = container(service);
            Map<String, String> env = new java.util.HashMap<>();
            asList(container.get("env")).forEach(e -> {
                Object value = asMap(e).get("value");
                if (value != null) {
                    env.put(asMap(e).get("name").toString(), value.toString());
                }
            });
            Matcher heap = Pattern.compile("-Xmx(\\d+)m").matcher(env.getOrDefault("JAVA_OPTS_APPEND", ""));
            assertThat(heap.find()).as("%s: -Xmx in JAVA_OPTS_APPEND", service).isTrue();
            assertThat(env.get("JAVA_OPTS_APPEND")).as(service).doesNotContain("MaxRAMPercentage")
                    .contains("-Dquarkus.http.host=0.0.0.0").contains("-Djava.util.logging.manager=org.jboss.logmanager.LogManager");
            // session-service runs G1 so that the heap solving took is returned when idle (deploy/README.md, "Memory").
            assertThat(env.get("GC_CONTAINER_OPTIONS")).as("%s: GC_CONTAINER_OPTIONS", service)
                    .isEqualTo(service.equals("session-service") ? "-XX:+UseG1GC -XX:G1PeriodicGCInterval=3000 -XX:GCTimeRatio=2"
                            : "-XX:+UseSerialGC");
            assertThat(env.get("MALLOC_ARENA_MAX")).as("%s: MALLOC_ARENA_MAX", service).isEqualTo("2");
            int heapMb = Integer.parseInt(heap.group(1));
            int request = mebibytes(get(container, "resources", "requests", "memory"));
            int limit = mebibytes(get(container, "resources", "limits", "memory"));
            assertThat(request).as("%s: memory request leaves 192Mi beyond the heap", service).isGreaterThanOrEqualTo(heapMb + 192);
            assertThat(limit).as("%s: memory limit at least the request", service).isGreaterThanOrEqualTo(request);
        }
    }

    private static int mebibytes(Object quantity) {
        assertThat(quantity).isNotNull();
        Matcher m = Pattern.compile("(\\d+)(Mi|Gi)").matcher(quantity.toString());
        assertThat(m.matches()).as("memory quantity %s in Mi or Gi", quantity).isTrue();
        return Integer.parseInt(m.group(1)) * (m.group(2).equals("Gi") ? 1024 : 1);
    }

    @Test
    void shouldKeepEachServiceAvailableDuringDisruptionsAndScaling() {
        for (String service : Manifests.SERVICES) {
            manifests.base("PodDisruptionBudget", service);
            manifests.base("HorizontalPodAutoscaler", service);
            manifests.base("Service", service);
            assertThat(Files.exists(manifests.repository.resolve("deploy/k8s/overlays/prod/replicas.yaml"))).isTrue();
        }
        String replicas = Manifests.read(manifests.repository.resolve("deploy/k8s/overlays/prod/replicas.yaml"));
        for (String service : Manifests.SERVICES) {
            assertThat(replicas).contains("name: " + service);
        }
        assertThat(replicas).doesNotContain("replicas: 1\n");
        String prod = Manifests.read(manifests.repository.resolve("deploy/k8s/overlays/prod/kustomization.yaml"));
        assertThat(prod).contains("min.insync.replicas").contains("value: 3").contains("value: 2");
    }

    @Test
    void shouldLetClientsReachKafkaInProductionOnlyOverTlsWithScramAndOnlyFromTheServices() {
        Map<String, Object> kafka = single(manifests.prod("Kafka", "district-kafka"));
        List<Object> listeners = asList(get(kafka, "spec", "kafka", "listeners"));
        assertThat(listeners).as("production listeners").hasSize(1);
        Map<String, Object> listener = asMap(listeners.get(0));
        assertThat(listener.get("tls")).as("TLS listener").isEqualTo(true);
        assertThat(get(listener, "authentication", "type")).as("listener authentication").isEqualTo("scram-sha-512");
        assertThat(get(kafka, "spec", "kafka", "authorization", "type")).as("ACLs enforced").isEqualTo("simple");
        assertThat(get(kafka, "spec", "entityOperator", "userOperator")).as("the User Operator manages the KafkaUsers").isNotNull();
        assertThat(asList(listener.get("networkPolicyPeers"))).as("who may reach the listener")
                .extracting(p -> get(asMap(p), "podSelector", "matchLabels", "app.kubernetes.io/name"))
                .containsExactlyInAnyOrderElementsOf(Manifests.SERVICES);
    }

    @Test
    void shouldGiveEachServiceAKafkaUserWithAclsForExactlyItsTopicsAndGroup() {
        for (String service : Manifests.SERVICES) {
            Map<String, Object> user = single(manifests.prod("KafkaUser", service));
            assertThat(get(user, "metadata", "labels", "strimzi.io/cluster")).isEqualTo("district-kafka");
            assertThat(get(user, "spec", "authentication", "type")).as("%s logs in with SCRAM", service).isEqualTo("scram-sha-512");
            assertThat(get(user, "spec", "authorization", "type")).isEqualTo("simple");
            Set<String> reads = new java.util.TreeSet<>();
            Set<String> writes = new java.util.TreeSet<>();
            Set<String> groups = new java.util.TreeSet<>();
            for (Object entry : asList(get(user, "spec", "authorization", "acls"))) {
                Map<String, Object> acl = asMap(entry);
                assertThat(get(acl, "resource", "patternType")).as("ACLs of %s name resources literally", service).isEqualTo("literal");
                String name = get(acl, "resource", "name").toString();
                List<Object> operations = asList(acl.get("operations"));
                assertThat(operations).as("%s on %s", service, name).doesNotContain("All", "Alter", "Delete", "Create");
                switch (get(acl, "resource", "type").toString()) {
                    case "topic" -> {
                        if (operations.contains("Read")) {
                            reads.add(name);
                        }
                        if (operations.contains("Write")) {
                            writes.add(name);
                        }
                    }
                    case "group" -> groups.add(name);
                    default -> throw new AssertionError(service + " has an ACL on " + acl.get("resource"));
                }
            }
            assertThat(reads).as("topics %s may read", service).isEqualTo(manifests.topicsConsumedBy(service));
            assertThat(writes).as("topics %s may write", service).isEqualTo(manifests.topicsWrittenBy(service));
            assertThat(groups).as("consumer groups of %s", service).isEqualTo(manifests.consumerGroupsOf(service));
        }
    }

    @Test
    void shouldConnectEachServiceToKafkaWithItsOwnCredentialsInProduction() {
        for (String service : Manifests.SERVICES) {
            Map<String, Object> settings = new java.util.HashMap<>();
            manifests.prod("ConfigMap", service + "-config").forEach(c -> settings.putAll(asMap(c.get("data"))));
            assertThat(settings).as("Kafka settings of %s", service)
                    .containsEntry("KAFKA_SECURITY_PROTOCOL", "SASL_SSL")
                    .containsEntry("KAFKA_SASL_MECHANISM", "SCRAM-SHA-512")
                    .containsEntry("KAFKA_BOOTSTRAP_SERVERS", "district-kafka-kafka-bootstrap:9093")
                    .containsKey("KAFKA_SSL_TRUSTSTORE_LOCATION");
            List<Map<String, Object>> containers = manifests.prod("Deployment", service).stream()
                    .flatMap(d -> asList(get(d, "spec", "template", "spec", "containers")).stream()).map(Manifests::asMap).toList();
            assertThat(containers).as("the %s container gets its KafkaUser's login", service)
                    .flatExtracting(c -> asList(c.get("env")))
                    .anyMatch(e -> "KAFKA_SASL_JAAS_CONFIG".equals(asMap(e).get("name"))
                            && service.equals(get(asMap(e), "valueFrom", "secretKeyRef", "name"))
                            && "sasl.jaas.config".equals(get(asMap(e), "valueFrom", "secretKeyRef", "key")));
            assertThat(containers).flatExtracting(c -> asList(c.get("volumeMounts")))
                    .anyMatch(m -> settings.get("KAFKA_SSL_TRUSTSTORE_LOCATION").toString().startsWith(asMap(m).get("mountPath").toString()));
        }
    }

    @Test
    void shouldLetOnlyEachServiceReachItsDatabaseInProduction() {
        List<Map<String, Object>> policies = manifests.kubernetesDocuments().stream()
                .filter(e -> e.getKey().startsWith(manifests.repository.resolve("deploy/k8s/overlays/prod")))
                .map(Map.Entry::getValue).filter(d -> "NetworkPolicy".equals(d.get("kind"))).toList();
        for (String service : Manifests.SERVICES) {
            String database = service.replace("-service", "-db");
            List<Map<String, Object>> guarding = policies.stream()
                    .filter(p -> database.equals(get(p, "spec", "podSelector", "matchLabels", "cnpg.io/cluster"))).toList();
            assertThat(guarding).as("a NetworkPolicy guards %s", database).isNotEmpty();
            Set<Object> apps = new HashSet<>();
            for (Map<String, Object> policy : guarding) {
                assertThat(asList(get(policy, "spec", "policyTypes"))).contains("Ingress");
                for (Object rule : asList(get(policy, "spec", "ingress"))) {
                    assertThat(asList(asMap(rule).get("from"))).as("every ingress rule of %s names who", database).isNotEmpty();
                    for (Object from : asList(asMap(rule).get("from"))) {
                        Object app = get(asMap(from), "podSelector", "matchLabels", "app.kubernetes.io/name");
                        if (app != null) {
                            apps.add(app);
                        }
                    }
                }
            }
            assertThat(apps).as("services that reach %s", database).containsExactly(service);
        }
        String prod = Manifests.read(manifests.repository.resolve("deploy/k8s/overlays/prod/kustomization.yaml"));
        assertThat(prod).contains("network-policies.yaml").contains("kafka-users.yaml").contains("kafka-clients.yaml");
    }

    private static Map<String, Object> single(List<Map<String, Object>> documents) {
        assertThat(documents).hasSize(1);
        return documents.get(0);
    }

    private Map<String, Object> container(String service) {
        Map<String, Object> deployment = manifests.base("Deployment", service);
        return asMap(asList(get(deployment, "spec", "template", "spec", "containers")).get(0));
    }

    private Set<String> kubernetesEnvironment(String service) {
        Map<String, Object> container = container(service);
        Set<String> names = new HashSet<>();
        asList(container.get("env")).forEach(e -> names.add(asMap(e).get("name").toString()));
        for (Object source : asList(container.get("envFrom"))) {
            Object configMap = get(asMap(source), "configMapRef", "name");
            if (configMap != null) {
                names.addAll(asMap(manifests.base("ConfigMap", configMap.toString()).get("data")).keySet());
            }
        }
        return names;
    }
}
