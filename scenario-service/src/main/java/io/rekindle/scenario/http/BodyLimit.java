package io.rekindle.scenario.http;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.ext.web.Router;

/**
 * A request whose declared body is larger than the server accepts gets a 413 problem document at once, before the
 * body is read (the HTTP layer's own refusal has no body a client could read).
 */
@ApplicationScoped
class BodyLimit {

    void refuseOversizedBodies(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit) {
        long max = limit.asLongValue();
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String length = ctx.request().getHeader("Content-Length");
            if (length != null && length.chars().allMatch(Character::isDigit) && length.length() < 19
                    && Long.parseLong(length) > max) {
                ctx.response().setStatusCode(413).putHeader("Content-Type", "application/problem+json")
                        .putHeader("Connection", "close")
                        .end("{\"type\":\"https://rekindle.dev/problems/too-large\",\"title\":\"Payload Too Large\","
                                + "\"status\":413,\"detail\":\"The body is larger than the " + max
                                + " bytes this service accepts; send smaller batches.\"}");
                return;
            }
            ctx.next();
        });
    }
}
