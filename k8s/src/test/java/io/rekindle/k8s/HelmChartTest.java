package io.rekindle.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.client.utils.Serialization;

class HelmChartTest {

    private static final Path CHART = Path.of(System.getProperty("chart.dir", "rekindle"));
    private static final List<String> SERVICES = List.of("segment", "scenario", "messaging", "survey");

    @Test
    void chartLintsCleanly() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint failed: " + result.getMessages());
    }

    @Test
    void everyServiceGetsADeploymentWithProbesSecretsAndScrapeAnnotations() {
        List<HasMetadata> objects = render(template().set("apiKey.value", "k-123"));

        List<Deployment> deployments = ofKind(objects, Deployment.class);
        assertEquals(Set.copyOf(SERVICES), deployments.stream()
                .map(d -> d.getMetadata().getLabels().get("app.kubernetes.io/name")).collect(Collectors.toSet()));
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getLabels().get("app.kubernetes.io/name");
            assertEquals(2, deployment.getSpec().getReplicas());
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertEquals("true", annotations.get("prometheus.io/scrape"));
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"));

            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            assertEquals("ghcr.io/rekindle/" + name + "-service:0.1.0", container.getImage());
            assertEquals(8080, container.getPorts().get(0).getContainerPort());
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
            assertEquals("/q/health/started", container.getStartupProbe().getHttpGet().getPath());

            List<String> secretRefs = container.getEnvFrom().stream().map(EnvFromSource::getSecretRef)
                    .map(ref -> ref.getName()).toList();
            assertEquals(List.of("rk-rekindle-api-key", "rk-rekindle-" + name + "-db"), secretRefs);
            Map<String, String> env = container.getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            assertEquals("http://rk-rekindle-segment:80", env.get("QUARKUS_REST_CLIENT_SEGMENT_URL"));
            assertEquals("http://rk-rekindle-survey:80", env.get("QUARKUS_REST_CLIENT_SURVEY_URL"));
            assertEquals("8080", env.get("QUARKUS_HTTP_PORT"));
        }

        List<Service> services = ofKind(objects, Service.class);
        assertEquals(4, services.size());
        services.forEach(s -> assertEquals("http", s.getSpec().getPorts().get(0).getTargetPort().getStrVal()));
        assertEquals(4, ofKind(objects, PodDisruptionBudget.class).size());

        Secret apiKey = secret(objects, "rk-rekindle-api-key");
        assertEquals("k-123", apiKey.getStringData().get("REKINDLE_API_KEY"));
        Secret segmentDb = secret(objects, "rk-rekindle-segment-db");
        assertEquals("jdbc:postgresql://postgresql:5432/segment",
                segmentDb.getStringData().get("QUARKUS_DATASOURCE_JDBC_URL"));
    }

    @Test
    void existingSecretsAreUsedInsteadOfCreatedOnes() {
        List<HasMetadata> objects = render(template()
                .set("apiKey.existingSecret", "shop-api-keys")
                .set("services.segment.database.existingSecret", "segment-pg")
                .set("services.survey.enabled", "false")
                .set("image.native", "true"));

        assertTrue(ofKind(objects, Secret.class).stream().map(s -> s.getMetadata().getName())
                .noneMatch(n -> n.endsWith("-api-key") || n.equals("rk-rekindle-segment-db")));
        Deployment segment = ofKind(objects, Deployment.class).stream()
                .filter(d -> d.getMetadata().getName().equals("rk-rekindle-segment")).findFirst().orElseThrow();
        Container container = segment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(List.of("shop-api-keys", "segment-pg"),
                container.getEnvFrom().stream().map(e -> e.getSecretRef().getName()).toList());
        assertEquals("ghcr.io/rekindle/segment-service:0.1.0-native", container.getImage());
        assertEquals(3, ofKind(objects, Deployment.class).size());
    }

    @Test
    void renderingWithoutAnApiKeyFailsWithAClearMessage() {
        Exception e = assertThrows(Exception.class, () -> template().call());
        assertTrue(e.getMessage().contains("apiKey.value is required"), e.getMessage());
    }

    private static TemplateCommand template() {
        return new Helm(CHART).template().withName("rk").withNamespace("shop");
    }

    private static List<HasMetadata> render(TemplateCommand command) {
        String manifests = command.call();
        return Arrays.stream(manifests.split("(?m)^---\\s*$"))
                .filter(doc -> doc.lines().anyMatch(l -> l.startsWith("kind:")))
                .map(doc -> (HasMetadata) Serialization.unmarshal(doc))
                .toList();
    }

    private static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }

    private static Secret secret(List<HasMetadata> objects, String name) {
        return ofKind(objects, Secret.class).stream().filter(s -> s.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no Secret " + name));
    }
}
