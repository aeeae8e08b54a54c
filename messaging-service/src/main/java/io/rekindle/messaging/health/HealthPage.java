package io.rekindle.messaging.health;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The health report drawn for people: one bar chart per figure, a bar per week, the weeks a cleaning scenario sent
 * mail in another colour, and the open rate before cleaning began beside the one since.
 */
public record HealthPage(HealthReport report, List<Chart> charts, String comparison) {

    static final int WIDTH = 520;
    static final int HEIGHT = 120;

    /** A chart of one figure; {@code top} labels the highest bar; a band behind each cleaning week. */
    public record Chart(String id, String title, String top, List<Bar> bars, List<Band> bands) {
    }

    /** The full height of a week's slot, in SVG user units. */
    public record Band(String x, String width) {
    }

    /** A bar in SVG user units, with its week and figure as the tooltip. */
    public record Bar(String x, String y, String width, String height, String title, boolean cleaning) {
    }

    public static HealthPage of(HealthReport report) {
        List<Chart> charts = new ArrayList<>();
        charts.add(chart("open-rate", "Unique open rate of delivered marketing email", report, HealthWeek::openRate, true));
        charts.add(chart("click-rate", "Click rate", report, HealthWeek::clickRate, true));
        charts.add(chart("bounce-rate", "Bounce rate", report, HealthWeek::bounceRate, true));
        charts.add(chart("complaint-rate", "Complaint rate", report, HealthWeek::complaintRate, true));
        charts.add(chart("sent", "Marketing emails sent", report, w -> (double) w.sent(), false));
        charts.add(chart("suppressed", "Addresses suppressed", report, w -> (double) w.suppressed(), false));
        if (report.baseAvailable()) {
            charts.add(chart("customers", "Customers on the list", report,
                    w -> w.base() == null ? null : (double) w.base().customers(), false));
            charts.add(chart("inactive-share", "Share of the list inactive (the store's inactivity segments)", report,
                    w -> w.base() == null ? null : w.base().inactiveShare(), true));
            charts.add(chart("dirty", "Dirty addresses on the list", report,
                    w -> w.base() == null ? null : (double) w.base().dirty(), false));
        }
        return new HealthPage(report, charts, comparison(report.cleaning()));
    }

    private static Chart chart(String id, String title, HealthReport report, Function<HealthWeek, Double> figure,
            boolean share) {
        List<HealthWeek> weeks = report.weeks();
        double max = weeks.stream().map(figure).filter(v -> v != null).mapToDouble(Double::doubleValue).max()
                .orElse(0);
        double slot = (double) WIDTH / Math.max(1, weeks.size());
        List<Bar> bars = new ArrayList<>();
        List<Band> bands = new ArrayList<>();
        for (int i = 0; i < weeks.size(); i++) {
            HealthWeek week = weeks.get(i);
            Double value = figure.apply(week);
            double height = value == null || max <= 0 ? 0 : HEIGHT * value / max;
            bars.add(new Bar(units(i * slot + slot * 0.1), units(HEIGHT - height), units(slot * 0.8), units(height),
                    "week of " + week.weekStart() + ": " + (value == null ? "no record" : format(value, share)),
                    week.cleaning()));
            if (week.cleaning()) {
                bands.add(new Band(units(i * slot), units(slot)));
            }
        }
        return new Chart(id, title, format(max, share), bars, bands);
    }

    private static String comparison(HealthReport.Comparison c) {
        if (c == null) {
            return "No base-cleaning scenario has sent mail in these weeks.";
        }
        return "Open rate before cleaning began (before the week of " + c.firstCleaningWeek() + "): "
                + rate(c.openRateBefore(), c.deliveredBefore()) + "; since (the weeks after it): "
                + rate(c.openRateSince(), c.deliveredSince()) + ".";
    }

    private static String rate(Double rate, int delivered) {
        return rate == null ? "no delivered mail" : format(rate, true) + " of " + delivered + " delivered";
    }

    static String format(double value, boolean share) {
        return share ? String.format(Locale.ROOT, "%.1f%%", value * 100)
                : String.format(Locale.US, "%,d", Math.round(value));
    }

    private static String units(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }
}
