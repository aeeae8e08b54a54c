package io.rekindle.segment.value;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Buyers by current and potential value quintile, as of the last full computation. */
public record ValueGrid(
        @Schema(description = "The day of the last full computation; absent before the first") LocalDate asOf,
        @Schema(description = "Every profile") long customers,
        @Schema(description = "Customers with a counted order") long buyers,
        @Schema(description = "Buyers without a cell: no potential yet (no fitted model) or written since the last "
                + "full computation without one") long unplaced,
        @Schema(description = "The 25 cells, current quintile 5 to 1, within it potential 1 to 5") List<ValueCell> cells,
        @Schema(description = "Revenue to date of the buyers in a cell") BigDecimal revenue,
        @Schema(description = "Expected revenue over the next 12 months of the buyers in a cell") double predictedRevenue) {
}
