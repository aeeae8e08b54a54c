package io.rekindle.messaging.offer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.rekindle.messaging.template.Channel;
import io.rekindle.platform.http.Problem;

/**
 * A discount the shop offers: one shared {@code code} or a pool of single-use codes ({@code pooled}), of a kind and a
 * value, valid from one moment to another, on some channels, and whether it is a current site offering (public on
 * the shop's site, so it never beats what any visitor gets).
 */
public record OfferDefinition(
        @NotBlank @Size(max = 200) String name,
        @NotNull OfferKind kind,
        @DecimalMin("0") @Schema(description = "Percent off (up to 100) or an amount in the shop's currency; none "
                + "for free shipping") BigDecimal value,
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_-]+") @Schema(description = "The one code everyone gets; "
                + "without it, the offer is pooled: each message draws a single-use code") String code,
        Instant validFrom,
        @NotNull Instant validUntil,
        @Schema(description = "Where it may be sent; all channels when absent") List<Channel> channels,
        @Schema(description = "A current site offering: public on the shop's site") boolean siteOffering) {

    /** What validation annotations cannot say, each with the field it is about. */
    public List<Problem.FieldError> problems() {
        List<Problem.FieldError> problems = new ArrayList<>();
        if (kind == OfferKind.FREE_SHIPPING && value != null) {
            problems.add(new Problem.FieldError("value", "free shipping has no value"));
        }
        if (kind != null && kind != OfferKind.FREE_SHIPPING && value == null) {
            problems.add(new Problem.FieldError("value", "is required for a " + kind.name().toLowerCase() + " offer"));
        }
        if (kind == OfferKind.PERCENT && value != null && value.compareTo(BigDecimal.valueOf(100)) > 0) {
            problems.add(new Problem.FieldError("value", "a percentage is at most 100"));
        }
        if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
            problems.add(new Problem.FieldError("validUntil", "must be after validFrom"));
        }
        return problems;
    }

    public boolean pooled() {
        return code == null;
    }

    /**
     * Why it may not go out on this channel at this moment (with {@code siteOnly}: in a journey that may only carry
     * current site offerings), or null when it may.
     */
    public String withheldReason(Channel channel, Instant at, boolean siteOnly) {
        if (siteOnly && !siteOffering) {
            return "not a current site offering";
        }
        if (channels != null && !channels.isEmpty() && !channels.contains(channel)) {
            return "not offered on " + channel.name().toLowerCase();
        }
        if (validFrom != null && at.isBefore(validFrom)) {
            return "not valid before " + validFrom;
        }
        if (!at.isBefore(validUntil)) {
            return "expired at " + validUntil;
        }
        return null;
    }
}
