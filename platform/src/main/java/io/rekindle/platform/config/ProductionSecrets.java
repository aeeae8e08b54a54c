package io.rekindle.platform.config;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.ConfigUtils;

/**
 * Outside the development profiles (dev, test, and the local run's {@code local}), every secret this service lists in
 * {@code rekindle.production.secrets} must come from the environment: a start with a development default, or with a
 * key too short to resist guessing, stops at once with a message naming the property and its variable, instead of
 * running with values anyone can read in this repository. (A secret not set at all stops it earlier still: Quarkus
 * checks every injected property before anything starts, naming the property.)
 */
@Singleton
public class ProductionSecrets {

    static final Set<String> DEVELOPMENT_PROFILES = Set.of("dev", "test", "local");
    /** Every default in this repository's configuration that stands in for a secret or a public address. */
    static final Set<String> DEVELOPMENT_VALUES = Set.of("rekindle-dev-key", "rekindle-dev-storefront-key",
            "rekindle-dev-service-key", "rekindle-dev-salt", "rekindle-dev-assignment-salt",
            "rekindle-dev-link-key-change-me", "rekindle-dev-survey-key-change-me", "local-twilio-token",
            "local-fcm-token", "http://localhost:8081", "http://localhost:8082", "http://localhost:8083",
            "http://localhost:8084");
    static final int MINIMUM_SECRET_LENGTH = 16;
    static final int MINIMUM_API_KEY_LENGTH = 24;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z0-9_]+)");

    private final List<String> names;

    ProductionSecrets(PlatformConfig config) {
        this.names = config.production().secrets();
    }

    /** Before the beans that read these secrets start (their default startup priority is 2500). */
    void check(@Observes @Priority(1) StartupEvent event, Config config) {
        List<String> profiles = ConfigUtils.getProfiles();
        if (profiles.stream().anyMatch(DEVELOPMENT_PROFILES::contains)) {
            return;
        }
        List<String> problems = problems(names, name -> config.getOptionalValues(name, String.class)
                .orElse(List.of()), name -> declared(config, profiles, name));
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start in production: " + String.join("; ", problems));
        }
    }

    /** @param values a property's values ({@link NoSuchElementException} when its variable is not set) */
    static List<String> problems(List<String> names, Function<String, List<String>> values,
            Function<String, String> rawValue) {
        List<String> problems = new ArrayList<>();
        for (String name : names) {
            String from = variable(rawValue.apply(name));
            List<String> given;
            try {
                given = values.apply(name).stream().map(String::trim).filter(v -> !v.isEmpty()).toList();
            } catch (NoSuchElementException e) {
                given = List.of();
            }
            int minimum = name.startsWith("rekindle.api.keys.") ? MINIMUM_API_KEY_LENGTH : MINIMUM_SECRET_LENGTH;
            if (given.isEmpty()) {
                problems.add(name + " is not set (set " + from + ")");
            } else if (given.stream().anyMatch(DEVELOPMENT_VALUES::contains)) {
                problems.add(name + " holds a development value from the repository (set " + from + ")");
            } else if (!name.endsWith("-url") && given.stream().anyMatch(v -> v.length() < minimum)) {
                problems.add(name + " must be at least " + minimum + " characters (set " + from + ")");
            }
        }
        return problems;
    }

    /**
     * How application.properties declares the property ({@code ${REKINDLE_ERASURE_SALT}}): the variable to name. The
     * value itself may come from elsewhere, such as that very variable, which the environment source maps to the
     * property directly.
     */
    private static String declared(Config config, List<String> profiles, String name) {
        for (var source : config.getConfigSources()) {
            for (String profile : profiles) {
                String raw = source.getValue("%" + profile + "." + name);
                if (raw != null && raw.contains("${")) {
                    return raw;
                }
            }
            String raw = source.getValue(name);
            if (raw != null && raw.contains("${")) {
                return raw;
            }
        }
        return null;
    }

    private static String variable(String raw) {
        Matcher m = raw == null ? null : VARIABLE.matcher(raw);
        return m != null && m.find() ? m.group(1) : "it in the environment";
    }
}
