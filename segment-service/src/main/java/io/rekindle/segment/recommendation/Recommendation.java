package io.rekindle.segment.recommendation;

import java.math.BigDecimal;
import java.util.List;

/** In-stock products the customer has not bought, with why each was picked. */
public record Recommendation(String customerId, String strategy, String basisCategory, List<Item> items) {

    public record Item(String sku, String name, String category, BigDecimal price, String url, String imageUrl,
            String reason) {
    }
}
