package io.rekindle.messaging.offer;

import java.math.BigDecimal;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What an offer did: codes handed to customers in messages, messages that went without it, and the orders that
 * redeemed its codes (placed ones count; cancelled and refunded ones are reversed), with what the discounts cost and
 * what the redeeming orders brought in, per currency.
 */
public record OfferReport(String offerId,
        @Schema(description = "Messages handed to a provider with one of the offer's codes") long codesSent,
        @Schema(description = "Messages that asked for the offer and went without it") long withheld,
        @Schema(description = "Placed orders that carried one of its codes") long redeemed,
        @Schema(description = "Of those, by the customer a message gave the code to") long redeemedByRecipients,
        @Schema(description = "Redeeming orders later cancelled or refunded") long reversed,
        @Schema(description = "redeemedByRecipients over codesSent; null before any code went out") Double redemptionRate,
        List<Money> byCurrency) {

    /**
     * Placed redeeming orders in one currency: what their codes took off ({@code discountCost}; where the storefront
     * did not say, derived from the offer's kind and value, and counted in {@code discountEstimated}) and their total.
     */
    public record Money(String currency, long orders, BigDecimal discountCost, long discountEstimated,
            BigDecimal revenue) {
    }
}
