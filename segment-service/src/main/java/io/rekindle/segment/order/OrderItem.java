package io.rekindle.segment.order;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

public record OrderItem(
        @NotBlank @Size(max = 128) String sku,
        @Size(max = 128) String category,
        @Positive Integer quantity,
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal unitPrice) {
}
