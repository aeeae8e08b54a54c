package io.rekindle.segment.product;

import java.math.BigDecimal;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import io.rekindle.segment.intake.IdField;

/** A catalog entry; {@code inStock} defaults to true. */
@IdField("sku")
public record ProductRequest(
        @NotBlank @Size(max = 128) String sku,
        @Size(max = 500) String name,
        @Size(max = 128) String category,
        @DecimalMin(value = "0", message = "must not be negative") BigDecimal price,
        @Size(max = 2000) String url,
        @Size(max = 2000) String imageUrl,
        Boolean inStock) {
}
