package io.rekindle.segment.customer;

import java.util.List;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Profiles asked for together (the other services read a batch of customers at once). {@code withMetrics} false
 * leaves out the computed purchase and engagement figures, which cost a few queries per customer; {@code spendDays}
 * adds each profile's {@code recentSpend} over that many days before now (one query for the whole batch).
 */
public record CustomerLookup(@NotNull @Size(min = 1, max = 1000) List<@NotBlank String> customerIds,
        Boolean withMetrics, @Min(1) @Max(3_650) Integer spendDays) {

    /** The profiles found, in the order asked, and the ids no profile has (never created, or erased). */
    public record Result(List<CustomerView> customers, List<String> unknown) {
    }
}
