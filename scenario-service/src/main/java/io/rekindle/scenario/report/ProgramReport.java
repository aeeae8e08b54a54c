package io.rekindle.scenario.report;

import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The whole program against the program-wide holdout ({@code rekindle.scenarios.program-holdout}): customers join on
 * one side or the other the first time they would enter a scenario that is not transactional, and from then on every
 * purchase counts. {@code overall} measures each customer from joining to now; {@code weeks} week by week (Monday to
 * Monday, UTC), counting the customers who had joined by the week's end. Margin is revenue minus the discounts on
 * those orders minus what the scenarios' messages cost ({@code rekindle.scenarios.send-cost.*}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ProgramReport(
        Instant asOf,
        @Schema(description = "The configured share held out; 0 when the program-wide holdout is off") double share,
        @Schema(description = "The answer in words") String headline,
        long inProgram,
        long heldOut,
        @Schema(description = "From each customer's joining to now") ProgramPeriod overall,
        List<ProgramPeriod> weeks) {

    /**
     * One period's figures: per customer in each group, and treatment minus holdout with its 95% interval (the same
     * method as a scenario's revenue, {@link MeanDifference}); {@code incrementalRevenue} is the difference times the
     * customers in the program. Null estimates when a group has fewer than the report's minimum.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ProgramPeriod(
            @Schema(description = "The week's Monday (absent for overall)") Instant from,
            long inProgram,
            long heldOut,
            Double revenuePerCustomerInProgram,
            Double revenuePerCustomerHeldOut,
            @Schema(description = "Revenue per customer, in the program minus held out") Estimate revenuePerCustomer,
            @Schema(description = "Margin per customer, in the program minus held out") Estimate marginPerCustomer,
            @Schema(description = "Revenue per customer difference times the customers in the program")
            Double incrementalRevenue,
            @Schema(description = "Margin per customer difference times the customers in the program")
            Double incrementalMargin) {
    }
}
