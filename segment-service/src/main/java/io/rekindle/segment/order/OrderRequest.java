package io.rekindle.segment.order;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rekindle.segment.intake.IdField;

/**
 * An order as the storefront sends it; {@code orderId} makes a retry or an update safe. {@code cartId}, when given,
 * ends the cart-abandonment journey of that cart.
 */
@IdField("orderId")
public record OrderRequest(
        @NotBlank @Size(max = 128) String orderId,
        @NotBlank @Size(max = 128) String customerId,
        @NotNull Instant placedAt,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @DecimalMin(value = "0", message = "must not be negative") BigDecimal total,
        @Size(max = 64) String discountCode,
        @DecimalMin(value = "0", message = "must not be negative")
        @Schema(description = "What the discount code took off the order") BigDecimal discountAmount,
        @Size(max = 128) String cartId,
        @NotNull OrderStatus status,
        @Size(max = 1000) List<@Valid @NotNull OrderItem> items) {
}
