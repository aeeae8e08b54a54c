package io.rekindle.messaging.offer;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An offer as stored: its current version, and for a pooled one how many codes are left and handed out. */
public record OfferView(String id, int version, OfferDefinition definition,
        @Schema(description = "Single-use codes not drawn yet (pooled offers)") long codesAvailable,
        @Schema(description = "Single-use codes drawn by messages") long codesAssigned) {
}
