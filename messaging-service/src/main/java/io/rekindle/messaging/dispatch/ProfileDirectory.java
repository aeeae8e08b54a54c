package io.rekindle.messaging.dispatch;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;

import io.rekindle.messaging.peers.segment.api.CustomersApi;
import io.rekindle.messaging.peers.segment.model.CustomerResourceGet200ResponseConsentsEmail;
import io.rekindle.messaging.peers.segment.model.CustomerLookup;
import io.rekindle.messaging.peers.segment.model.CustomerResourceGet200Response;
import io.rekindle.messaging.peers.segment.model.RecommendationItemsInner;
import io.rekindle.platform.peers.Peer;
import io.rekindle.platform.peers.PeerRefusedException;
import io.rekindle.platform.peers.Peers;

/**
 * Reads customer profiles, and the products recommended to them, from segment-service at send time, through the
 * client generated from segment-service's stored contract. When segment-service cannot answer, a
 * {@link io.rekindle.platform.peers.PeerUnavailableException}: the message waits and tries again.
 */
@ApplicationScoped
public class ProfileDirectory {

    private static final TypeReference<Map<String, Object>> VIEW = new TypeReference<>() {
    };

    private final Peer peer;
    private final CustomersApi customers;
    private final ObjectMapper mapper;
    /** Every field a profile has, so a template reads an absent one as null, as the contract's JSON gives it. */
    private final List<String> profileFields;

    ProfileDirectory(Peers peers, @RestClient CustomersApi customers, ObjectMapper mapper) {
        this.peer = peers.named("segment-service");
        this.customers = customers;
        this.mapper = mapper;
        BeanDescription profile = mapper.getSerializationConfig()
                .introspect(mapper.constructType(CustomerResourceGet200Response.class));
        this.profileFields = profile.findProperties().stream().map(BeanPropertyDefinition::getName)
                .filter(name -> !name.equals("metrics")).toList();
    }

    /**
     * The profiles of these customers, read in one call (without the computed metrics, which sending does not use):
     * each customer maps to its profile, or to empty when segment-service does not know them.
     */
    public Map<String, Optional<Profile>> findAll(List<String> customerIds) {
        Map<String, Optional<Profile>> profiles = new LinkedHashMap<>();
        if (customerIds.isEmpty()) {
            return profiles;
        }
        customerIds.forEach(id -> profiles.put(id, Optional.empty()));
        List<CustomerResourceGet200Response> found = peer.read(() -> customers.customerResourceLookup(
                new CustomerLookup().customerIds(customerIds).withMetrics(false))).getCustomers();
        if (found != null) {
            for (CustomerResourceGet200Response p : found) {
                if (profiles.containsKey(p.getCustomerId())) {
                    profiles.put(p.getCustomerId(), Optional.of(profile(p)));
                }
            }
        }
        return profiles;
    }

    private Profile profile(CustomerResourceGet200Response p) {
        Map<String, Object> view = mapper.convertValue(p, VIEW);
        view.remove("metrics");
        profileFields.forEach(field -> view.putIfAbsent(field, null));
        var consents = p.getConsents();
        return new Profile(p.getCustomerId(), p.getEmail(), p.getPhone(), p.getPushToken(), p.getLocale(),
                p.getTimezone(), p.getCountry(), consents != null && granted(consents.getEmail()),
                consents != null && granted(consents.getSms()), consents != null && granted(consents.getPush()),
                p.getHygiene() == null || p.getHygiene().getStatus() == null ? null
                        : p.getHygiene().getStatus().value(), view);
    }

    private static boolean granted(CustomerResourceGet200ResponseConsentsEmail consent) {
        return consent != null && Boolean.TRUE.equals(consent.getGranted());
    }

    /**
     * The recommendations block: products segment-service recommends for the customer. The step's variables choose
     * the strategy ({@code recommendationStrategy}: last-category, viewed-similar, bestsellers) and how many
     * ({@code recommendationCount}, default 4); none when segment-service has none for them.
     */
    public List<Map<String, Object>> recommendations(String customerId, Map<String, Object> variables) {
        Object strategy = variables == null ? null : variables.get("recommendationStrategy");
        Object count = variables == null ? null : variables.get("recommendationCount");
        List<RecommendationItemsInner> items;
        try {
            items = peer.read(() -> customers.recommendationResourceGet(customerId,
                    count instanceof Number n ? n.intValue() : 4,
                    strategy == null ? "last-category" : strategy.toString())).getItems();
        } catch (PeerRefusedException e) {
            return List.of();
        }
        List<Map<String, Object>> products = new ArrayList<>();
        for (RecommendationItemsInner item : items == null ? List.<RecommendationItemsInner>of() : items) {
            Map<String, Object> product = new LinkedHashMap<>();
            product.put("sku", item.getSku());
            product.put("name", item.getName());
            product.put("category", item.getCategory());
            // Prices as sent (89.90, not 89.9).
            product.put("price", item.getPrice() == null ? null : item.getPrice().toPlainString());
            product.put("url", item.getUrl());
            product.put("imageUrl", item.getImageUrl());
            product.put("reason", item.getReason());
            products.add(product);
        }
        return products;
    }
}
