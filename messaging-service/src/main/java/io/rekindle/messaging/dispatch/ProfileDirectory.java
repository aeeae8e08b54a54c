package io.rekindle.messaging.dispatch;

import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Reads customer profiles from segment-service at send time. */
@ApplicationScoped
public class ProfileDirectory {

    /** segment-service could not answer; the message waits and tries again. */
    public static class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final SegmentCustomers customers;
    private final ObjectMapper mapper;
    private final String authorization;

    ProfileDirectory(@RestClient SegmentCustomers customers, ObjectMapper mapper,
            @ConfigProperty(name = "rekindle.peer-api-key") String peerKey) {
        this.customers = customers;
        this.mapper = mapper;
        this.authorization = "Bearer " + peerKey;
    }

    /** The profile, or empty when segment-service does not know the customer (never created, or erased). */
    public Optional<Profile> find(String customerId) {
        JsonNode p;
        try {
            p = customers.get(customerId, authorization);
        } catch (WebApplicationException e) {
            if (e.getResponse().getStatus() == 404) {
                return Optional.empty();
            }
            throw new Unavailable("segment-service answered " + e.getResponse().getStatus(), e);
        } catch (RuntimeException e) {
            throw new Unavailable("segment-service unreachable: " + e.getMessage(), e);
        }
        Map<String, Object> view = mapper.convertValue(p, new TypeReference<Map<String, Object>>() {
        });
        view.remove("metrics");
        return Optional.of(new Profile(text(p, "customerId"), text(p, "email"), text(p, "phone"), text(p, "locale"),
                text(p, "timezone"), text(p, "country"), p.path("consents").path("email").path("granted").asBoolean(),
                p.path("consents").path("sms").path("granted").asBoolean(),
                p.path("consents").path("push").path("granted").asBoolean(), text(p.path("hygiene"), "status"), view));
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
