package io.rekindle.platform.metrics;

import java.util.List;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.config.MeterFilter;

/**
 * Tags every meter with the service that publishes it ({@code application="segment-service"}), so a dashboard or an
 * alert can group by service whatever labels the scrape adds (a Kubernetes {@code service} label among them).
 */
@Singleton
public class ApplicationTag {

    @Produces
    @Singleton
    MeterFilter application(@ConfigProperty(name = "quarkus.application.name") String name) {
        return MeterFilter.commonTags(List.of(Tag.of("application", name)));
    }
}
