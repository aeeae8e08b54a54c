package io.rekindle.segment.prediction;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What a customer is expected to bring in over the next 12 months. */
public record Potential(
        @Schema(description = "BG/NBD expected orders (purchase days) in the next 365 days") double expectedOrders,
        @Schema(description = "Gamma-Gamma expected spend per order: the customer's own mean spend shrunk towards the "
                + "store's, the more so the fewer repeat orders it rests on") double expectedSpendPerOrder,
        @Schema(description = "expectedOrders x expectedSpendPerOrder") double expectedRevenue,
        @Schema(description = "The same, discounted at rekindle.value.discount-rate a year "
                + "(each half-year's expected orders as if spread evenly over it)") double discountedRevenue) {
}
