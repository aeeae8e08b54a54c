package io.rekindle.platform.http;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.rekindle.platform.config.PlatformConfig;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * A request whose declared body is larger than the server accepts gets a 413 problem document at once, before the
 * body is read, before authentication and before any parsing (the HTTP layer's own refusal has no body a client could
 * read). Public routes have limits of their own, fitted to what their senders send
 * ({@code rekindle.http.public-body-limits}, entries {@code <path prefix>=<size>}); a body there must declare its
 * length (411 otherwise), so a stranger cannot stream megabytes at an endpoint that takes a form.
 */
@ApplicationScoped
class BodyLimit {

    record RouteLimit(String prefix, long max) {
    }

    void refuseOversizedBodies(@Observes Router router,
            @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K") MemorySize limit,
            PlatformConfig config) {
        long max = limit.asLongValue();
        List<RouteLimit> routes = parse(config.http().publicBodyLimits().orElse(List.of()));
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            String path = ctx.normalizedPath();
            Optional<RouteLimit> route = routes.stream().filter(r -> path.startsWith(r.prefix())).findFirst();
            long allowed = route.map(RouteLimit::max).orElse(max);
            String length = ctx.request().getHeader("Content-Length");
            boolean declared = length != null && length.chars().allMatch(Character::isDigit) && !length.isEmpty()
                    && length.length() < 19;
            if (declared && Long.parseLong(length) > allowed) {
                refuse(ctx, 413, "too-large", "Payload Too Large", "The body is larger than the " + allowed
                        + " bytes this endpoint accepts" + (route.isPresent() ? "." : "; send smaller batches."));
                return;
            }
            if (route.isPresent() && !declared && ctx.request().headers().contains("Transfer-Encoding")) {
                refuse(ctx, 411, "length-required", "Length Required",
                        "This endpoint takes a body only with its Content-Length.");
                return;
            }
            ctx.next();
        });
    }

    static List<RouteLimit> parse(List<String> entries) {
        MemorySizeConverter sizes = new MemorySizeConverter();
        List<RouteLimit> routes = new ArrayList<>();
        for (String entry : entries) {
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("rekindle.http.public-body-limits: '" + entry
                        + "' is not <path prefix>=<size>");
            }
            routes.add(new RouteLimit(entry.substring(0, eq).trim(),
                    sizes.convert(entry.substring(eq + 1).trim()).asLongValue()));
        }
        // The longest prefix decides.
        routes.sort(Comparator.comparingInt((RouteLimit r) -> r.prefix().length()).reversed());
        return routes;
    }

    private static void refuse(RoutingContext ctx, int status, String type, String title, String detail) {
        ctx.response().setStatusCode(status).putHeader("Content-Type", "application/problem+json")
                .putHeader("Connection", "close")
                .end("{\"type\":\"https://rekindle.dev/problems/" + type + "\",\"title\":\"" + title + "\",\"status\":"
                        + status + ",\"detail\":\"" + detail + "\"}");
    }
}
