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
            assertThat(manifests.environmentVariables(service).keySet())
                    .as("%s reads every variable the manifests set", service)
                    .containsAll(inKubernetes);
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
