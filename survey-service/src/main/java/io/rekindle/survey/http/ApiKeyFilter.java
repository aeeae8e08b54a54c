package io.rekindle.survey.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Every REST resource needs {@code Authorization: Bearer <key>} unless it is marked {@link PublicEndpoint}.
 * Health, metrics and OpenAPI are not REST resources and stay open for the cluster.
 */
public class ApiKeyFilter {

    private static final String BEARER = "Bearer ";

    private final List<byte[]> keys;

    ApiKeyFilter(@ConfigProperty(name = "rekindle.api.keys") List<String> keys) {
        this.keys = keys.stream().map(String::trim).filter(k -> !k.isEmpty())
                .map(k -> k.getBytes(StandardCharsets.UTF_8)).toList();
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
        byte[] presented = header.substring(BEARER.length()).trim().getBytes(StandardCharsets.UTF_8);
        // Constant-time comparison so that response timing does not reveal a key.
        boolean known = false;
        for (byte[] key : keys) {
            known |= MessageDigest.isEqual(key, presented);
        }
        return known ? null : Problems.unauthorized("Unknown API key.");
    }

    private static boolean isPublic(ResourceInfo resource) {
        if (resource == null || resource.getResourceMethod() == null) {
            return false;
        }
        return resource.getResourceMethod().isAnnotationPresent(PublicEndpoint.class)
                || resource.getResourceClass().isAnnotationPresent(PublicEndpoint.class);
    }
}
