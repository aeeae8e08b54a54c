package io.rekindle.messaging.template;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a template sees: {@code customer} (the profile: firstName, lastName, email, locale, ...), {@code vars} (the
 * step's variables), {@code recommendations} (products: name, url, imageUrl, price) and {@code unsubscribeUrl}.
 */
public final class TemplateData {

    private TemplateData() {
    }

    public static Map<String, Object> of(Map<String, Object> customer, Map<String, Object> variables,
            List<Map<String, Object>> recommendations, String unsubscribeUrl) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("customer", customer == null ? Map.of() : customer);
        data.put("vars", variables == null ? Map.of() : variables);
        data.put("recommendations", recommendations == null ? List.of() : recommendations);
        data.put("unsubscribeUrl", unsubscribeUrl);
        return data;
    }

    /** Sample data for previews, overridden by what the caller gives. */
    public static Map<String, Object> sample(Map<String, Object> customer, Map<String, Object> variables) {
        Map<String, Object> profile = new LinkedHashMap<>(Map.of("customerId", "sample", "firstName", "Alex",
                "lastName", "Martin", "email", "alex@example.com", "locale", "en"));
        if (customer != null) {
            profile.putAll(customer);
        }
        return of(profile, variables, List.of(
                Map.of("name", "Linen shirt", "url", "https://shop.example/p/linen-shirt", "imageUrl",
                        "https://shop.example/img/linen-shirt.jpg", "price", "49.00"),
                Map.of("name", "Canvas tote", "url", "https://shop.example/p/canvas-tote", "imageUrl",
                        "https://shop.example/img/canvas-tote.jpg", "price", "19.00")),
                "https://shop.example/u/sample");
    }
}
