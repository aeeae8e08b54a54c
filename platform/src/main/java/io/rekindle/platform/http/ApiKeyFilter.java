package io.rekindle.platform.http;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.rekindle.platform.config.PlatformConfig;
import io.vertx.core.http.HttpServerRequest;

/**
 * Every REST resource needs {@code Authorization: Bearer <key>} unless it is marked {@link PublicEndpoint}, and the
 * key's scope must be one the endpoint allows ({@link AllowedKeys}; admin keys reach everything): 401 for a missing
 * or unknown key, 403 for a key of another scope. A browser key is public, so each client's calls with one are
 * limited ({@code rekindle.api.browser-calls-per-minute}; 429 past it). Health, metrics and OpenAPI are not REST
 * resources.
 */
public class ApiKeyFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;
    private final ClientRateLimit browserCalls;
    private final Clock clock;

    ApiKeyFilter(ApiKeys keys, PlatformConfig config, Clock clock) {
        this.keys = keys;
        this.browserCalls = new ClientRateLimit(config.api().browserCallsPerMinute(), Duration.ofMinutes(1), 100_000);
        this.clock = clock;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, ResourceInfo resource, HttpServerRequest http) {
        if (isPublic(resource)) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (header == null || !header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return Problems.unauthorized("Missing API key: send 'Authorization: Bearer <key>'.");
        }
        var scope = keys.scopeOf(header.substring(BEARER.length()).trim());
        if (scope.isEmpty()) {
            return Problems.unauthorized("Unknown API key.");
        }
        KeyScope[] allowed = allowed(resource);
        if (scope.get() == KeyScope.BROWSER && Arrays.asList(allowed).contains(KeyScope.BROWSER)) {
            return throttled(http);
        }
        if (scope.get() == KeyScope.ADMIN || Arrays.asList(allowed).contains(scope.get())) {
            return null;
        }
        return Problems.of(Response.Status.FORBIDDEN, "forbidden", "A " + name(scope.get()) + " key may not call this"
                + " endpoint; it takes " + Arrays.stream(allowed).map(ApiKeyFilter::name)
                        .map(n -> n + " or ").collect(Collectors.joining()) + "admin keys.");
    }

    private Response throttled(HttpServerRequest http) {
        String client = http.remoteAddress() == null ? "unknown" : http.remoteAddress().hostAddress();
        Duration wait = browserCalls.admit(client, clock.instant());
        if (wait.isZero()) {
            return null;
        }
        long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
        return Response.fromResponse(Problems.of(Response.Status.TOO_MANY_REQUESTS, "rate-limited",
                "Too many calls with a browser key from this address; try again in " + seconds + " s."))
                .header("Retry-After", seconds).build();
    }

    private static KeyScope[] allowed(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return new KeyScope[0];
        }
        AllowedKeys on = resource.getResourceMethod().getAnnotation(AllowedKeys.class);
        if (on == null) {
            on = resource.getResourceClass().getAnnotation(AllowedKeys.class);
        }
        return on == null ? new KeyScope[0] : on.value();
    }

    private static String name(KeyScope scope) {
        return scope.name().toLowerCase(Locale.ROOT);
    }

    private static boolean isPublic(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        return resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class);
    }
}
