package io.rekindle.platform.work;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.health.api.HealthRegistry;

/**
 * One readiness check per running poller, named after it, with the time of its last successful pass: a poller that
 * keeps failing (its database unreachable, say) makes the service not ready, so Kubernetes routes around it without
 * restarting it, and ready again once a pass succeeds.
 */
@ApplicationScoped
class PollerReadiness {

    /** After every other startup observer, so every poller has started. */
    void register(@Observes @Priority(Integer.MAX_VALUE) StartupEvent event, @Readiness HealthRegistry readiness) {
        Poller.RUNNING.values().forEach(poller -> readiness.register(poller.name(), () -> {
            var response = HealthCheckResponse.named(poller.name()).status(poller.ready())
                    .withData("lastSuccessfulPass", poller.lastSuccess().map(Object::toString).orElse("none yet"))
                    .withData("failuresInARow", poller.failuresInARow());
            poller.lastFailure().ifPresent(failure -> response.withData("lastFailure", failure));
            return response.build();
        }));
    }
}
