package io.rekindle.k8s;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;

/** The chart rendered as {@code helm template rk --namespace shop} would, with every value a production install gives. */
final class Charts {

    static final Path CHART = Path.of(System.getProperty("chart.dir", "rekindle"));
    static final List<String> SERVICES = List.of("segment", "scenario", "messaging", "survey");
    /** Every value a production install must give, as --set would. */
    static final Map<String, String> REQUIRED = new LinkedHashMap<>();

    static {
        REQUIRED.put("secrets.apiKey", "admin-key-0123456789abcdef");
        REQUIRED.put("secrets.storefrontKeys", "storefront-key-0123456789ab");
        REQUIRED.put("secrets.serviceKeys", "service-key-0123456789abcd");
        REQUIRED.put("secrets.erasureSalt", "erasure-salt-0123456789");
        REQUIRED.put("secrets.assignmentSalt", "assignment-salt-012345");
        REQUIRED.put("secrets.linkKeys", "link-key-0123456789abcdef");
        REQUIRED.put("secrets.surveyKeys", "survey-key-0123456789abcd");
        REQUIRED.put("secrets.twilioAuthToken", "twilio-token-0123456789");
        REQUIRED.put("secrets.fcmAccessToken", "fcm-token-0123456789abc");
        REQUIRED.put("publicUrls.messaging", "https://mail.shop.example");
        REQUIRED.put("publicUrls.survey", "https://survey.shop.example");
        for (String s : SERVICES) {
            REQUIRED.put("services." + s + ".database.password", s + "-db-password");
        }
    }

    private Charts() {
    }

    static TemplateCommand template() {
        return new Helm(CHART).template().withName("rk").withNamespace("shop");
    }

    static TemplateCommand full() {
        TemplateCommand command = template();
        REQUIRED.forEach(command::set);
        return command;
    }

    static List<HasMetadata> render(TemplateCommand command) {
        String manifests = command.call();
        return Arrays.stream(manifests.split("(?m)^---\\s*$"))
                .filter(doc -> doc.lines().anyMatch(l -> l.startsWith("kind:")))
                .map(doc -> (HasMetadata) Serialization.unmarshal(doc))
                .toList();
    }

    static <T extends HasMetadata> List<T> ofKind(List<HasMetadata> objects, Class<T> kind) {
        return objects.stream().filter(kind::isInstance).map(kind::cast).toList();
    }
}
