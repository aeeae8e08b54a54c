package io.rekindle.k8s;

import static io.rekindle.k8s.Charts.full;
import static io.rekindle.k8s.Charts.ofKind;
import static io.rekindle.k8s.Charts.render;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;

/** The chart's monitoring: PodMonitor, Grafana dashboard, PrometheusRule, KEDA ScaledObjects and the values schema. */
class MonitoringChartTest {

    private static final Pattern METRIC = Pattern.compile("\\b(rekindle_[a-z_]+|http_server_requests_[a-z_]+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void monitoringIsOffUntilAskedFor() {
        List<HasMetadata> objects = render(full());
        assertTrue(ofKind(objects, ConfigMap.class).isEmpty());
        assertTrue(objects.stream().noneMatch(o -> o.getKind().equals("PrometheusRule")
                || o.getKind().equals("PodMonitor") || o.getKind().equals("ScaledObject")));
        ofKind(objects, Deployment.class).forEach(d -> assertEquals(2, d.getSpec().getReplicas()));
    }

    @Test
    void theDashboardIsAConfigMapForGrafanasSidecarAndReadsOnlyPublishedMetrics() throws IOException {
        ConfigMap map = ofKind(render(full().set("metrics.dashboard.enabled", "true")), ConfigMap.class).get(0);
        assertEquals("1", map.getMetadata().getLabels().get("grafana_dashboard"));
        JsonNode dashboard = JSON.readTree(map.getData().get("rekindle.json"));
        assertEquals(JSON.readTree(Files.readString(Charts.CHART.resolve("files/dashboard.json"))), dashboard);
        List<String> exprs = dashboard.findValues("expr").stream().map(JsonNode::asText).toList();
        assertTrue(exprs.size() >= 15, "every panel has its queries: " + exprs.size());
        exprs.forEach(e -> assertTrue(e.contains("namespace=\"$namespace\""), "filtered by namespace: " + e));
        for (JsonNode panel : dashboard.get("panels")) {
            if (!panel.get("type").asText().equals("row")) {
                assertFalse(panel.get("description").asText().isBlank(), panel.get("title").asText());
            }
        }
        assertTrue(documented().containsAll(metricsIn(exprs)), () -> "read but not in k8s/README.md: "
                + difference(metricsIn(exprs), documented()));
    }

    @Test
    void theAlertsAreAPrometheusRuleOnThisNamespaceWithARunbookEntryEach() throws IOException {
        HasMetadata rule = render(full().set("metrics.alerts.enabled", "true").set("metrics.alerts.labels.release",
                "kps").set("metrics.alerts.sendFailurePercent", "10")).stream()
                .filter(o -> o.getKind().equals("PrometheusRule")).findFirst().orElseThrow();
        assertEquals("kps", rule.getMetadata().getLabels().get("release"));
        List<Map<String, Object>> rules = rules((GenericKubernetesResource) rule);
        assertEquals(8, rules.size());
        String readme = Files.readString(Path.of("README.md"));
        for (Map<String, Object> r : rules) {
            String alert = (String) r.get("alert");
            String expr = (String) r.get("expr");
            assertTrue(expr.contains("namespace=\"shop\""), alert + ": " + expr);
            assertFalse(expr.contains("{{") || expr.contains("{ ") || expr.contains(" }"), alert + ": " + expr);
            assertEquals(balanced(expr), 0, alert + ": parentheses balance in " + expr);
            @SuppressWarnings("unchecked")
            Map<String, String> annotations = (Map<String, String>) r.get("annotations");
            String anchor = annotations.get("runbook").substring(annotations.get("runbook").indexOf('#') + 1);
            assertTrue(readme.contains("### " + alert), alert + " has no runbook entry in k8s/README.md");
            assertEquals(alert.toLowerCase(), anchor);
        }
        assertTrue(rules.stream().anyMatch(r -> ((String) r.get("expr")).endsWith("* 100 > 10")), "the ratio is a value");
        Set<String> read = metricsIn(rules.stream().map(r -> (String) r.get("expr")).toList());
        assertTrue(documented().containsAll(read), () -> "read but not documented: " + difference(read, documented()));
    }

    @Test
    void autoscalingGivesEachServiceAScaledObjectOnItsBacklogAndLeavesReplicasToIt() {
        List<HasMetadata> objects = render(full().set("autoscaling.enabled", "true")
                .set("autoscaling.maxReplicas", "8").set("services.survey.replicas", "1"));
        List<GenericKubernetesResource> scaled = objects.stream().filter(o -> o.getKind().equals("ScaledObject"))
                .map(GenericKubernetesResource.class::cast).toList();
        assertEquals(4, scaled.size());
        for (GenericKubernetesResource s : scaled) {
            @SuppressWarnings("unchecked")
            Map<String, Object> spec = (Map<String, Object>) s.getAdditionalProperties().get("spec");
            String service = s.getMetadata().getLabels().get("app.kubernetes.io/name");
            assertEquals(Map.of("name", "rk-rekindle-" + service), spec.get("scaleTargetRef"));
            assertEquals(service.equals("survey") ? 1 : 2, spec.get("minReplicaCount"));
            assertEquals(8, spec.get("maxReplicaCount"));
            @SuppressWarnings("unchecked")
            Map<String, Object> trigger = ((List<Map<String, Object>>) spec.get("triggers")).get(0);
            assertEquals("prometheus", trigger.get("type"));
            @SuppressWarnings("unchecked")
            Map<String, String> metadata = (Map<String, String>) trigger.get("metadata");
            assertEquals("max(rekindle_backlog{namespace=\"shop\",application=\"" + service + "-service\"})",
                    metadata.get("query"), "every replica reports the same database-wide figure: max");
            assertEquals("1000", metadata.get("threshold"));
        }
        ofKind(objects, Deployment.class).forEach(d -> assertNull(d.getSpec().getReplicas(), "KEDA sets replicas"));
        Exception e = assertThrows(Exception.class, () -> render(full().set("autoscaling.enabled", "true")
                .set("autoscaling.maxReplicas", "1")));
        assertTrue(e.getMessage().contains("autoscaling.maxReplicas (1) is below services."), e.getMessage());
    }

    @Test
    void tracingIsOffUntilACollectorIsGivenThenEveryServiceExportsItsSampleThere() {
        ofKind(render(full()), Deployment.class).forEach(d -> assertTrue(otelEnv(d).isEmpty(), otelEnv(d).toString()));
        List<Deployment> traced = ofKind(render(full().set("tracing.otlpEndpoint", "http://otel-collector.obs:4317")
                .set("tracing.samplePercent", "10")), Deployment.class);
        assertEquals(4, traced.size());
        traced.forEach(d -> assertEquals(Map.of("QUARKUS_OTEL_SDK_DISABLED", "false",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", "http://otel-collector.obs:4317",
                "QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "grpc",
                "QUARKUS_OTEL_TRACES_SAMPLER", "parentbased_traceidratio",
                "QUARKUS_OTEL_TRACES_SAMPLER_ARG", "0.1"), otelEnv(d), d.getMetadata().getName()));
    }

    private static Map<String, String> otelEnv(Deployment d) {
        return d.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getName().startsWith("QUARKUS_OTEL_"))
                .collect(Collectors.toMap(e -> e.getName(), e -> e.getValue()));
    }

    @Test
    void aPodMonitorScrapesTheManagementPortOfTheReleasesPods() {
        GenericKubernetesResource monitor = (GenericKubernetesResource) render(full()
                .set("metrics.podMonitor.enabled", "true")).stream().filter(o -> o.getKind().equals("PodMonitor"))
                .findFirst().orElseThrow();
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = (Map<String, Object>) monitor.getAdditionalProperties().get("spec");
        assertEquals(List.of(Map.of("port", "management", "path", "/q/metrics", "interval", "30s")),
                spec.get("podMetricsEndpoints"));
    }

    @Test
    void theSchemaRefusesAValueOfTheWrongShapeNamingIt() {
        Map<String, String> wrong = Map.of("services.segment.replicas", "two", "autoscaling.backlogPerReplica", "0",
                "metrics.alerts.sendFailurePercent", "200", "metrics.alerts.backlogGrowingFor", "soon",
                "image.pullPolicy", "Sometimes", "managementPort", "70000", "tracing.protocol", "zipkin",
                "tracing.samplePercent", "0", "tracing.otlpEndpoint", "otel-collector:4317");
        wrong.forEach((key, value) -> {
            Exception e = assertThrows(Exception.class, () -> render(full().set(key, value)), key);
            String leaf = key.substring(key.lastIndexOf('.') + 1);
            assertTrue(e.getMessage().contains(leaf), key + ": " + e.getMessage());
        });
        Exception typo = assertThrows(Exception.class, () -> render(full().set("metrics.dashbord.enabled", "true")));
        assertTrue(typo.getMessage().contains("dashbord"), typo.getMessage());
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules(GenericKubernetesResource rule) {
        Map<String, Object> spec = (Map<String, Object>) rule.getAdditionalProperties().get("spec");
        return ((List<Map<String, Object>>) spec.get("groups")).stream()
                .flatMap(g -> ((List<Map<String, Object>>) g.get("rules")).stream()).toList();
    }

    private static int balanced(String expr) {
        int depth = 0;
        for (char c : expr.toCharArray()) {
            depth += c == '(' || c == '{' || c == '[' ? 1 : c == ')' || c == '}' || c == ']' ? -1 : 0;
        }
        return depth;
    }

    static Set<String> metricsIn(List<String> exprs) {
        Set<String> names = new TreeSet<>();
        for (String e : exprs) {
            Matcher m = METRIC.matcher(e);
            while (m.find()) {
                names.add(m.group(1).replaceAll("_(bucket|count|sum)$", ""));
            }
        }
        return names;
    }

    /** The metrics k8s/README.md's "What to watch" names, and Quarkus's HTTP server timer. */
    private static Set<String> documented() {
        try {
            String readme = Files.readString(Path.of("README.md"));
            Set<String> names = metricsIn(List.of(readme));
            names.add("http_server_requests_seconds");
            return names;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Set<String> difference(Set<String> a, Set<String> b) {
        return a.stream().filter(x -> !b.contains(x)).collect(Collectors.toCollection(TreeSet::new));
    }
}
