package io.rekindle.scenario.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report drawn for people: a funnel bar per step and variant (sent, opened, clicked, converted, as widths in
 * percent of the largest figure), the absolute lift in conversion with its 95% interval on a scale around zero (SVG x
 * positions) and in words, and the variants' comparisons as a table.
 */
public record ReportPage(String scenarioId, String name, ScenarioReport report, List<FunnelRow> funnel,
        LiftChart lift, String revenue, String adjusted, List<VariantRow> variants, String measurement, String costs) {

    /** One comparison of the variants' table, its figures in words. */
    public record VariantRow(String label, String customers, String conversion, String revenue) {
    }

    public record FunnelRow(String label, List<Bar> bars) {
    }

    public record Bar(String kind, long value, double width) {
    }

    /** x positions on a 0-600 axis centred on zero; null positions when there is no lift to draw. */
    public record LiftChart(Double pointX, Double lowX, Double highX, String text, String scale) {
    }

    private static final String[] FUNNEL = {"sent", "delivered", "opened", "clicked", "converted"};

    static ReportPage of(String name, ScenarioReport report) {
        long max = 1;
        for (StepFigures s : report.steps()) {
            for (String kind : FUNNEL) {
                max = Math.max(max, value(s, kind));
            }
        }
        List<FunnelRow> rows = new ArrayList<>();
        for (StepFigures s : report.steps()) {
            List<Bar> bars = new ArrayList<>();
            for (String kind : FUNNEL) {
                long v = value(s, kind);
                if (v > 0 || kind.equals("sent")) {
                    bars.add(new Bar(kind, v, 100.0 * v / max));
                }
            }
            rows.add(new FunnelRow(s.variant() == null ? s.step() : s.step() + " (" + s.variant() + ")", bars));
        }
        List<VariantRow> variants = report.variants().stream().map(v -> new VariantRow(v.first() + " against "
                + v.second(), v.firstCustomers() + " / " + v.secondCustomers(), points(v.conversion()),
                money(v.revenuePerCustomer()))).toList();
        Lift lift = report.lift();
        String revenue = lift.revenuePerCustomer() == null ? null : "Revenue per customer " + money(
                lift.revenuePerCustomer()) + ", p = " + String.format(Locale.ROOT, "%.3f",
                        lift.revenuePerCustomer().pValue()) + " (" + lift.revenuePerCustomer().method()
                + "); read as it fills: " + lift.revenueSequential().verdict() + ".";
        return new ReportPage(report.scenarioId(), name, report, rows, liftChart(lift), revenue, adjusted(lift),
                variants,
                String.format(Locale.ROOT, "%.1f days", report.measurement().windowDays()),
                String.format(Locale.ROOT, "per treatment customer: discounts %.2f, messages %.3f",
                        report.margin().discountPerCustomer(), report.margin().sendingCostPerCustomer()));
    }

    /** The CUPED figures in words, beside the plain ones. */
    private static String adjusted(Lift lift) {
        Adjusted a = lift.adjusted();
        if (a == null) {
            return null;
        }
        return String.format(Locale.ROOT, "Adjusted for the %d days before entry (CUPED): conversion %s, variance "
                + "%.0f%% lower; revenue per customer %s, variance %.0f%% lower.", a.preEntryDays(),
                points(a.conversion().estimate()), 100 * a.conversion().varianceReduction(),
                money(a.revenuePerCustomer().estimate()), 100 * a.revenuePerCustomer().varianceReduction());
    }

    private static String points(Estimate e) {
        return e == null ? "too few customers" : String.format(Locale.ROOT, "%+.2f points (%+.2f to %+.2f)",
                100 * e.difference(), 100 * e.low(), 100 * e.high());
    }

    private static String money(Estimate e) {
        return e == null ? "too few customers" : String.format(Locale.ROOT, "%+.2f (%+.2f to %+.2f)",
                e.difference(), e.low(), e.high());
    }

    private static long value(StepFigures s, String kind) {
        if (kind.equals("converted")) {
            return s.converted();
        }
        return s.customers().getOrDefault(kind, s.engine().getOrDefault(kind, 0L));
    }

    private static LiftChart liftChart(Lift lift) {
        if (lift.conversion() == null) {
            return new LiftChart(null, null, null, "No lift yet: " + lift.verdict() + ".", "");
        }
        Estimate c = lift.conversion();
        double reach = Math.max(0.01, Math.max(Math.abs(c.low()), Math.abs(c.high())) * 1.2);
        String text = String.format(Locale.ROOT, "Conversion %+.2f points (95%% interval %+.2f to %+.2f, p = %.3f, "
                + "fixed horizon); read as it fills: %s.", 100 * c.difference(), 100 * c.low(), 100 * c.high(),
                c.pValue(), lift.conversionSequential().verdict());
        return new LiftChart(x(c.difference(), reach), x(c.low(), reach), x(c.high(), reach), text,
                String.format(Locale.ROOT, "%.1f", 100 * reach));
    }

    private static double x(double value, double reach) {
        return 300 + 280 * value / reach;
    }
}
