package io.rekindle.platform.http;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every REST resource needs {@code Authorization: Bearer <key>} unless it is marked {@link PublicEndpoint}, and the
 * key's scope must be one the endpoint allows ({@link AllowedKeys}; admin keys reach everything): 401 for a missing
 * or unknown key, 403 for a key of another scope. Health, metrics and OpenAPI are not REST resources.
 */
public class ApiKeyFilter {

    private static final String BEARER = "Bearer ";

    private final ApiKeys keys;

    ApiKeyFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request, ResourceInfo resource) {
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
        if (scope.get() == KeyScope.ADMIN || Arrays.asList(allowed).contains(scope.get())) {
            return null;
        }
        return Problems.of(Response.Status.FORBIDDEN, "forbidden", "A " + name(scope.get()) + " key may not call this"
                + " endpoint; it takes " + Arrays.stream(allowed).map(ApiKeyFilter::name)
                        .map(n -> n + " or ").collect(Collectors.joining()) + "admin keys.");
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
