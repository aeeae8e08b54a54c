package io.rekindle.scenario.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The report drawn for people: a funnel bar per step and variant (sent, opened, clicked, converted, as widths in
 * percent of the largest figure) and the absolute lift with its 95% interval on a scale around zero (SVG x positions).
 */
public record ReportPage(String scenarioId, String name, ScenarioReport report, List<FunnelRow> funnel,
        LiftChart lift) {

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
        return new ReportPage(report.scenarioId(), name, report, rows, liftChart(report.lift()));
    }

    private static long value(StepFigures s, String kind) {
        if (kind.equals("converted")) {
            return s.converted();
        }
        return s.customers().getOrDefault(kind, s.engine().getOrDefault(kind, 0L));
    }

    private static LiftChart liftChart(Lift lift) {
        if (lift.absolute() == null) {
            return new LiftChart(null, null, null, "No lift yet: both groups need measured customers.", "");
        }
        double reach = Math.max(0.01, Math.max(Math.abs(lift.absoluteLow()), Math.abs(lift.absoluteHigh())) * 1.2);
        String text = String.format(Locale.ROOT, "%+.2f points (95%% CI %+.2f to %+.2f), p = %.3f",
                100 * lift.absolute(), 100 * lift.absoluteLow(), 100 * lift.absoluteHigh(), lift.pValue());
        return new LiftChart(x(lift.absolute(), reach), x(lift.absoluteLow(), reach), x(lift.absoluteHigh(), reach),
                text, String.format(Locale.ROOT, "%.1f", 100 * reach));
    }

    private static double x(double value, double reach) {
        return 300 + 280 * value / reach;
    }
}
