package io.rekindle.k8s;

import static io.rekindle.k8s.Charts.CHART;
import static io.rekindle.k8s.Charts.REQUIRED;
import static io.rekindle.k8s.Charts.SERVICES;
import static io.rekindle.k8s.Charts.full;
import static io.rekindle.k8s.Charts.ofKind;
import static io.rekindle.k8s.Charts.render;
import static io.rekindle.k8s.Charts.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
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
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyIngressRule;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;

class HelmChartTest {

    private static final Set<String> API_KEYS = Set.of("REKINDLE_API_KEY", "REKINDLE_STOREFRONT_KEYS",
            "REKINDLE_SERVICE_KEYS");
    private static final Set<String> DATABASE = Set.of("QUARKUS_DATASOURCE_JDBC_URL", "QUARKUS_DATASOURCE_USERNAME",
            "QUARKUS_DATASOURCE_PASSWORD");

    @Test
    void chartLintsCleanly() {
        LintResult result = new Helm(CHART).lint().strict().call();
        assertFalse(result.isFailed(), () -> "helm lint failed: " + result.getMessages());
    }

    @Test
    void everyServiceGetsAHardenedDeploymentWithManagementProbesAndItsOwnSecret() {
        List<HasMetadata> objects = render(full());

        List<Deployment> deployments = ofKind(objects, Deployment.class);
        assertEquals(Set.copyOf(SERVICES), deployments.stream().map(HelmChartTest::serviceOf)
                .collect(Collectors.toSet()));
        for (Deployment deployment : deployments) {
            String name = serviceOf(deployment);
            assertEquals(2, deployment.getSpec().getReplicas());
            Map<String, String> annotations = deployment.getSpec().getTemplate().getMetadata().getAnnotations();
            assertEquals("true", annotations.get("prometheus.io/scrape"));
            assertEquals("/q/metrics", annotations.get("prometheus.io/path"));
            assertEquals("9000", annotations.get("prometheus.io/port"), "metrics are scraped on the management port");

            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertEquals(false, pod.getAutomountServiceAccountToken(), name + ": no service-account token");
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType());
            assertTrue(pod.getSecurityContext().getRunAsNonRoot());
            Container container = pod.getContainers().get(0);
            assertTrue(container.getSecurityContext().getReadOnlyRootFilesystem(), name);
            assertEquals(false, container.getSecurityContext().getAllowPrivilegeEscalation());
            assertEquals("/tmp", container.getVolumeMounts().get(0).getMountPath());
            assertTrue(pod.getVolumes().get(0).getEmptyDir() != null, "/tmp is an emptyDir");

            assertEquals("ghcr.io/rekindle/" + name + "-service:0.1.0", container.getImage());
            assertEquals(List.of("http", "management"), container.getPorts().stream().map(p -> p.getName()).toList());
            for (var probe : List.of(container.getLivenessProbe(), container.getReadinessProbe(),
                    container.getStartupProbe())) {
                assertEquals("management", probe.getHttpGet().getPort().getStrVal(), name + ": probes on management");
            }
            assertEquals("/q/health/ready", container.getReadinessProbe().getHttpGet().getPath());
            assertEquals("/q/health/live", container.getLivenessProbe().getHttpGet().getPath());

            assertEquals(List.of("rk-rekindle-" + name), container.getEnvFrom().stream()
                    .map(EnvFromSource::getSecretRef).map(ref -> ref.getName()).toList());
            Map<String, String> env = container.getEnv().stream()
                    .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
            assertEquals("http://rk-rekindle-segment:80", env.get("QUARKUS_REST_CLIENT_SEGMENT_URL"));
            assertEquals("9000", env.get("QUARKUS_MANAGEMENT_PORT"));
            assertEquals(name.equals("messaging") ? "https://mail.shop.example" : name.equals("survey")
                    ? "https://survey.shop.example" : null, env.get("REKINDLE_PUBLIC_URL"));
        }
        List<Service> services = ofKind(objects, Service.class);
        assertEquals(4, services.size());
        services.forEach(s -> assertEquals(List.of("http"), s.getSpec().getPorts().stream()
                .map(p -> p.getTargetPort().getStrVal()).toList(), "a Service routes to the API port only"));
        assertEquals(4, ofKind(objects, PodDisruptionBudget.class).size());
    }

    @Test
    void eachServicesSecretHoldsOnlyWhatThatServiceNeeds() {
        List<HasMetadata> objects = render(full().set("secrets.mailgunSigningKey", "mailgun-key"));
        assertEquals(Set.of("rk-rekindle-segment", "rk-rekindle-scenario", "rk-rekindle-messaging",
                "rk-rekindle-survey"), ofKind(objects, Secret.class).stream().map(s -> s.getMetadata().getName())
                        .collect(Collectors.toSet()));
        assertEquals(union(API_KEYS, DATABASE, Set.of("REKINDLE_ERASURE_SALT")), keys(objects, "segment"));
        assertEquals(union(API_KEYS, DATABASE, Set.of("REKINDLE_ASSIGNMENT_SALT")), keys(objects, "scenario"));
        assertEquals(union(API_KEYS, DATABASE, Set.of("REKINDLE_SURVEY_KEYS")), keys(objects, "survey"));
        assertEquals(union(API_KEYS, DATABASE, Set.of("REKINDLE_LINK_KEYS", "REKINDLE_ERASURE_SALT",
                "REKINDLE_TWILIO_AUTH_TOKEN", "REKINDLE_FCM_ACCESS_TOKEN", "REKINDLE_MAILGUN_SIGNING_KEY")),
                keys(objects, "messaging"));
        assertEquals("erasure-salt-0123456789", secret(objects, "rk-rekindle-messaging").getStringData()
                .get("REKINDLE_ERASURE_SALT"));
    }

    @Test
    void renderingWithoutASecretFailsNamingIt() {
        for (String value : List.of("secrets.apiKey", "secrets.erasureSalt", "secrets.linkKeys",
                "secrets.twilioAuthToken", "publicUrls.survey", "services.scenario.database.password")) {
            TemplateCommand missing = template();
            REQUIRED.forEach((k, v) -> {
                if (!k.equals(value)) {
                    missing.set(k, v);
                }
            });
            Exception e = assertThrows(Exception.class, missing::call, value);
            assertTrue(e.getMessage().contains(value + " is required"), value + ": " + e.getMessage());
        }
    }

    @Test
    void existingSecretsAreUsedInsteadOfCreatedOnes() {
        TemplateCommand command = template().set("services.segment.existingSecret", "segment-secrets")
                .set("services.segment.database.existingSecret", "segment-pg")
                .set("services.survey.enabled", "false").set("image.native", "true");
        REQUIRED.forEach((k, v) -> {
            if (!k.startsWith("secrets.") && !k.equals("services.segment.database.password")) {
                command.set(k, v);
            }
        });
        // The other services' secrets still come from the chart: give theirs.
        REQUIRED.forEach((k, v) -> {
            if (k.startsWith("secrets.")) {
                command.set(k, v);
            }
        });
        List<HasMetadata> objects = render(command);
        assertTrue(ofKind(objects, Secret.class).stream().map(s -> s.getMetadata().getName())
                .noneMatch(n -> n.equals("rk-rekindle-segment")));
        Deployment segment = deployment(objects, "segment");
        Container container = segment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertEquals(List.of("segment-secrets", "segment-pg"),
                container.getEnvFrom().stream().map(e -> e.getSecretRef().getName()).toList());
        assertEquals("ghcr.io/rekindle/segment-service:0.1.0-native", container.getImage());
        assertEquals(3, ofKind(objects, Deployment.class).size());
    }

    @Test
    void networkPoliciesLetEachServiceBeReachedOnlyByItsCallersAndTheIngressOnlyTheMessagingAndSurveyApis() {
        List<HasMetadata> objects = render(full());
        List<NetworkPolicy> policies = ofKind(objects, NetworkPolicy.class);
        assertEquals(4, policies.size());
        Map<String, Set<String>> callers = Map.of("segment", Set.of("scenario", "messaging", "survey"),
                "scenario", Set.of("segment", "messaging", "survey"), "messaging", Set.of("scenario", "segment"),
                "survey", Set.of("scenario", "segment"));
        for (NetworkPolicy policy : policies) {
            String name = policy.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name");
            assertEquals(List.of("Ingress", "Egress"), policy.getSpec().getPolicyTypes());
            NetworkPolicyIngressRule api = policy.getSpec().getIngress().get(0);
            assertEquals("http", api.getPorts().get(0).getPort().getStrVal());
            Set<String> from = api.getFrom().stream().filter(p -> p.getPodSelector() != null
                    && p.getPodSelector().getMatchLabels().containsKey("app.kubernetes.io/name"))
                    .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                    .collect(Collectors.toSet());
            assertEquals(callers.get(name), from, name);
            boolean fromIngressController = policy.getSpec().getIngress().stream().anyMatch(r -> r.getFrom().stream()
                    .anyMatch(p -> p.getNamespaceSelector() != null && "ingress-nginx".equals(p.getNamespaceSelector()
                            .getMatchLabels().get("kubernetes.io/metadata.name"))));
            assertEquals(name.equals("messaging") || name.equals("survey"), fromIngressController, name);
            NetworkPolicyIngressRule management = policy.getSpec().getIngress()
                    .get(policy.getSpec().getIngress().size() - 1);
            assertEquals("management", management.getPorts().get(0).getPort().getStrVal());
            assertEquals("monitoring", management.getFrom().get(0).getNamespaceSelector().getMatchLabels()
                    .get("kubernetes.io/metadata.name"));
            boolean outside = policy.getSpec().getEgress().stream().anyMatch(e -> e.getTo() != null && e.getTo()
                    .stream().anyMatch(t -> t.getIpBlock() != null));
            assertEquals(name.equals("messaging") || name.equals("segment"), outside, name + ": egress outside");
        }
        assertTrue(ofKind(render(full().set("networkPolicy.enabled", "false")), NetworkPolicy.class).isEmpty());
    }

    @Test
    void theOptionalIngressPublishesOnlyThePublicRoutes() {
        assertTrue(ofKind(render(full()), Ingress.class).isEmpty(), "off by default");
        Ingress ingress = ofKind(render(full().set("ingress.enabled", "true")
                .set("ingress.messagingHost", "mail.shop.example").set("ingress.surveyHost", "survey.shop.example")),
                Ingress.class).get(0);
        Map<String, String> routes = new LinkedHashMap<>();
        ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(p -> routes.put(
                rule.getHost() + p.getPath(), p.getBackend().getService().getName())));
        assertEquals(Map.of("mail.shop.example/v1/webhooks", "rk-rekindle-messaging",
                "mail.shop.example/u", "rk-rekindle-messaging", "mail.shop.example/t", "rk-rekindle-messaging",
                "survey.shop.example/s", "rk-rekindle-survey"), routes);
        ingress.getSpec().getRules().forEach(rule -> rule.getHttp().getPaths().forEach(p -> {
            assertEquals("Prefix", p.getPathType());
            assertEquals("http", p.getBackend().getService().getPort().getName());
        }));
    }

    @Test
    void theAddressCheckIsPublishedOnlyWhenTheShopsPagesAreToReachIt() {
        List<HasMetadata> objects = render(full().set("ingress.enabled", "true")
                .set("ingress.messagingHost", "mail.shop.example").set("ingress.surveyHost", "survey.shop.example")
                .set("ingress.segmentHost", "api.shop.example")
                .set("addressCheck.browserKeys", "pk-shop-forms").set("addressCheck.shopOrigins", "https://shop.example"));
        Ingress ingress = ofKind(objects, Ingress.class).get(0);
        var segmentRule = ingress.getSpec().getRules().stream().filter(r -> r.getHost().equals("api.shop.example"))
                .findFirst().orElseThrow();
        assertEquals(List.of("/v1/address-checks"), segmentRule.getHttp().getPaths().stream().map(p -> p.getPath())
                .toList());
        assertEquals("Exact", segmentRule.getHttp().getPaths().get(0).getPathType());
        NetworkPolicy segmentPolicy = ofKind(objects, NetworkPolicy.class).stream().filter(p -> "segment".equals(
                p.getSpec().getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))).findFirst().orElseThrow();
        assertTrue(segmentPolicy.getSpec().getIngress().stream().anyMatch(r -> r.getFrom().stream().anyMatch(p ->
                p.getNamespaceSelector() != null && "ingress-nginx".equals(p.getNamespaceSelector().getMatchLabels()
                        .get("kubernetes.io/metadata.name")))), "the ingress controller reaches segment");
        Map<String, String> env = new LinkedHashMap<>();
        deployment(objects, "segment").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .forEach(e -> env.put(e.getName(), e.getValue()));
        assertEquals("pk-shop-forms", env.get("REKINDLE_BROWSER_KEYS"));
        assertEquals("https://shop.example", env.get("REKINDLE_SHOP_ORIGINS"));
        assertEquals("30", env.get("REKINDLE_API_BROWSER_CALLS_PER_MINUTE"));
        assertTrue(deployment(objects, "messaging").getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .stream().noneMatch(e -> e.getName().equals("REKINDLE_BROWSER_KEYS")), "only segment has the check");
    }

    private static String serviceOf(HasMetadata object) {
        return object.getMetadata().getLabels().get("app.kubernetes.io/name");
    }

    private static Deployment deployment(List<HasMetadata> objects, String service) {
        return ofKind(objects, Deployment.class).stream().filter(d -> serviceOf(d).equals(service)).findFirst()
                .orElseThrow();
    }

    private static Secret secret(List<HasMetadata> objects, String name) {
        return ofKind(objects, Secret.class).stream().filter(s -> s.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no Secret " + name));
    }

    private static Set<String> keys(List<HasMetadata> objects, String service) {
        return secret(objects, "rk-rekindle-" + service).getStringData().keySet();
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        return Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toSet());
    }
}
