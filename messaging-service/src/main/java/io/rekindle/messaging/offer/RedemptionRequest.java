package io.rekindle.messaging.offer;

import java.math.BigDecimal;
import java.time.Instant;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An order that carried a discount code, as segment-service passes it on: each write of the order (placed, then maybe
 * cancelled or refunded) is sent again, so the latest status wins.
 */
public record RedemptionRequest(
        @NotBlank @Size(max = 128) String orderId,
        @NotBlank @Size(max = 128) String customerId,
        @NotBlank @Size(max = 64) String code,
        @NotNull @Pattern(regexp = "placed|cancelled|refunded", message = "must be placed, cancelled or refunded")
        String status,
        @NotNull Instant placedAt,
        @NotNull @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code such as EUR") String currency,
        @NotNull @DecimalMin(value = "0", message = "must not be negative") BigDecimal total,
        @DecimalMin(value = "0", message = "must not be negative")
        @Schema(description = "What the code took off the order, when the storefront said") BigDecimal discount) {
}
