package io.rekindle.survey.privacy;

import java.time.Instant;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** One customer segment-service has erased, and when. */
public record ErasureRequest(@NotBlank @Size(max = 128) String customerId, Instant erasedAt) {
}
