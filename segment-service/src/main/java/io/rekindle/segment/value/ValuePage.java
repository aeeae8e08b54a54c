package io.rekindle.segment.value;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The grid drawn for people: three heat maps (customers, revenue to date, predicted revenue), current quintile 5 at
 * the top, potential quintile 1 on the left, each cell shaded by its share of the map's largest cell.
 */
public record ValuePage(ValueGrid grid, List<HeatMap> maps, String summary) {

    public record HeatMap(String id, String title, List<Row> rows) {
    }

    public record Row(int current, List<Shade> cells) {
    }

    /** {@code opacity} from 0.04 (empty) to 1 (the largest cell); {@code dark} when the text needs to be white. */
    public record Shade(int potential, String text, String opacity, boolean dark) {
    }

    public static ValuePage of(ValueGrid grid) {
        List<HeatMap> maps = List.of(
                map("customers", "Customers", grid, c -> c.customers()),
                map("revenue", "Revenue to date", grid, c -> c.revenue().doubleValue()),
                map("predicted", "Predicted revenue, next 12 months", grid, ValueCell::predictedRevenue));
        String summary = whole(grid.buyers()) + " buyers of " + whole(grid.customers()) + " customers; "
                + whole(grid.revenue().doubleValue()) + " revenue to date, " + whole(grid.predictedRevenue())
                + " expected over the next 12 months.";
        return new ValuePage(grid, maps, summary);
    }

    private static HeatMap map(String id, String title, ValueGrid grid, ToDoubleFunction<ValueCell> figure) {
        double max = grid.cells().stream().mapToDouble(figure).max().orElse(0);
        List<Row> rows = new ArrayList<>();
        for (int current = 5; current >= 1; current--) {
            List<Shade> shades = new ArrayList<>();
            for (ValueCell cell : grid.cells()) {
                if (cell.current() == current) {
                    double share = max > 0 ? Math.max(0, figure.applyAsDouble(cell)) / max : 0;
                    double opacity = 0.04 + 0.96 * share;
                    shades.add(new Shade(cell.potential(), whole(figure.applyAsDouble(cell)),
                            String.format(Locale.ROOT, "%.2f", opacity), opacity > 0.55));
                }
            }
            rows.add(new Row(current, shades));
        }
        return new HeatMap(id, title, rows);
    }

    /** Whole numbers with thousands separators: counts, and amounts in the shop's currency. */
    private static String whole(double value) {
        return NumberFormat.getIntegerInstance(Locale.US).format(Math.round(value));
    }
}
