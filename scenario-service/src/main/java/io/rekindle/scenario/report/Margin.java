package io.rekindle.scenario.report;

import java.util.Locale;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Did the scenario earn money or cost it? Each customer's margin over the measurement window is the revenue of their
 * conversion, minus the discounts on their orders in that window (as segment-service passed them on with the
 * purchase), minus what the scenario's messages to them cost ({@code rekindle.scenarios.send-cost.*} per channel);
 * the incremental margin per customer is the treatment's mean minus the holdout's, with the same interval and test as
 * revenue ({@link MeanDifference}).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Margin(
        @Schema(description = "The answer in words") String headline,
        @Schema(description = "Incremental margin per customer, treatment minus holdout") Estimate perCustomer,
        @Schema(description = "Discounts per treatment customer in the window") double discountPerCustomer,
        @Schema(description = "Messages' cost per treatment customer") double sendingCostPerCustomer) {

    static Margin of(Revenues treatment, Revenues holdout, double discount, double sendingCost, long minimumGroup,
            long seed) {
        if (treatment.customers() < minimumGroup || holdout.customers() < minimumGroup) {
            return new Margin("too few customers to tell whether it earned money", null,
                    perCustomer(discount, treatment), perCustomer(sendingCost, treatment));
        }
        Estimate e = MeanDifference.of(treatment, holdout, 0.95, seed);
        String figures = String.format(Locale.ROOT, "%+.2f per customer (95%% interval %+.2f to %+.2f)",
                e.difference(), e.low(), e.high());
        return new Margin(verdict(e, "it") + ": " + figures, e, perCustomer(discount, treatment), perCustomer(sendingCost, treatment));
    }

    /** What the margin's interval says: "earned money", "cost money", or "not clear yet whether {who} earned money". */
    static String verdict(Estimate margin, String who) {
        return margin.low() > 0 ? "earned money" : margin.high() < 0 ? "cost money"
                : "not clear yet whether " + who + " earned money";
    }

    private static double perCustomer(double total, Revenues group) {
        return group.customers() == 0 ? 0 : total / group.customers();
    }
}
