package io.rekindle.demo;

import static io.rekindle.demo.DemoReport.f;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The demo report as one self-contained HTML page: summary figures, then charts drawn as inline SVG. */
final class ReportPage {

    private static final String[] SERIES = { "#1f4e79", "#4f8fc0", "#a9cce3" };

    private final DemoReport r;

    ReportPage(DemoReport report) {
        this.r = report;
    }

    private record Bar(String label, double... values) {
    }

    String render() {
        StringBuilder page = new StringBuilder("""
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Rekindle demo report</title>
                <style>body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:1000px;color:#1b1b1b}
                h1{margin-bottom:.2rem}h2{margin-top:2.2rem;border-bottom:1px solid #ddd}.muted{color:#666}
                .cards{display:flex;flex-wrap:wrap;gap:.8rem}.card{border:1px solid #ddd;border-radius:8px;padding:.6rem 1rem;min-width:150px}
                .card b{display:block;font-size:1.5rem}table{border-collapse:collapse;width:100%}td,th{padding:.25rem .5rem;
                border-bottom:1px solid #eee;text-align:right}td:first-child,th:first-child{text-align:left}
                .legend span{display:inline-block;width:.8rem;height:.8rem;margin:0 .3rem 0 1rem;vertical-align:middle}</style>
                </head><body><main>""");
        page.append(f("<h1>Rekindle demo report</h1><p class=\"muted\">%,d customers, %d simulated days, seed %d. "
                + "Every figure was read from the services' public APIs at the end of the run.</p>",
                r.options().customers(), r.options().days(), r.options().seed()));
        page.append("<div class=\"cards\">")
                .append(card("customers won back", f("%,d", r.wonBack())))
                .append(card("their revenue", f("%,.0f EUR", r.wonBackRevenue())))
                .append(card("messages sent", f("%,d", r.total("sent"))))
                .append(card("survey answers", f("%,d", r.survey().responses())))
                .append(card("addresses cleaned", f("%,d", r.segmentSize("dirty-addresses") + r.tally().bounced
                        + r.tally().unsubscribed + r.total("suppressed"))))
                .append(card("profiles erased", f("%,d", r.total("erased"))))
                .append("</div>");

        page.append("<h2>Lift against the holdout</h2><p class=\"muted\">Conversion of the treatment group minus the "
                + "holdout's, in percentage points, with its 95% interval (Newcombe's score interval; its p-value agrees with "
                + "it, read once at the planned size) and the always-valid verdict for reading it as it fills. Only "
                + "customers whose attribution window has closed are measured.</p>");
        page.append(liftChart());
        page.append("<table><tr><th scope=\"col\">scenario</th><th scope=\"col\">entered</th><th scope=\"col\">"
                + "treatment converted</th><th scope=\"col\">holdout converted</th><th scope=\"col\">lift, points "
                + "(95% CI)</th><th scope=\"col\">p-value</th><th scope=\"col\">revenue per customer, difference</th>"
                + "<th scope=\"col\">read as it fills</th></tr>");
        for (DemoReport.Scenario s : r.scenarios()) {
            DemoReport.Lift l = s.lift();
            page.append(f("<tr><td>%s</td><td>%,d</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td>"
                    + "<td>%s</td></tr>",
                    esc(s.name()), s.entered(), DemoReport.rate(s.treatment()), DemoReport.rate(s.holdout()),
                    DemoReport.interval(l), l.pValue() == null ? "-" : f("%.3f", l.pValue()),
                    l.revenueDifference() == null ? "-" : f("%+.2f EUR [%+.2f, %+.2f]", l.revenueDifference(),
                            l.revenueLow(), l.revenueHigh()),
                    esc(l.sequentialVerdict() == null ? "-" : l.sequentialVerdict())));
        }
        page.append("</table>");

        page.append("<h2>Adjusted for the past (CUPED)</h2><p class=\"muted\">The same differences adjusted for what "
                + "each customer bought in the 180 days before entry (orders for conversion, revenue for revenue): the "
                + "same lift on average, a narrower interval the more the past predicts the window. Width: the "
                + "adjusted interval's against the plain one's. Mean: " + esc(r.narrower()) + ".</p>"
                + "<table><tr><th scope=\"col\">scenario</th><th scope=\"col\">conversion, points</th>"
                + "<th scope=\"col\">adjusted</th><th scope=\"col\">width</th><th scope=\"col\">revenue per "
                + "customer</th><th scope=\"col\">adjusted</th><th scope=\"col\">width</th></tr>");
        for (DemoReport.Scenario s : r.scenarios()) {
            DemoReport.Lift l = s.lift();
            if (l.adjustedRevenue() != null) {
                page.append(f("<tr><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td><td>%s</td></tr>",
                        esc(s.name()), DemoReport.interval(l), DemoReport.points(l.adjustedConversion()),
                        DemoReport.ratio(l.adjustedConversion().width(), l.high() - l.low()),
                        DemoReport.money(l.plainRevenue()), DemoReport.money(l.adjustedRevenue()),
                        DemoReport.ratio(l.adjustedRevenue().width(), l.plainRevenue().width())));
            }
        }
        page.append("</table>");

        DemoReport.Program program = r.program();
        page.append(f("<h2>The whole program</h2><p class=\"muted\">%.0f%% of customers are kept out of every "
                + "scenario (the program-wide holdout); everyone else who entered one is in the program. Revenue and "
                + "margin per customer from joining, in the program minus held out, with 95%% intervals.</p>"
                + "<p><strong>%s</strong> (%,d in the program, %,d held out)</p>", 100 * program.share(),
                esc(program.headline()), program.inProgram(), program.heldOut()));
        page.append("<table><tr><th scope=\"col\">week of</th><th scope=\"col\">in the program</th>"
                + "<th scope=\"col\">held out</th><th scope=\"col\">revenue per customer, difference</th>"
                + "<th scope=\"col\">margin per customer, difference</th></tr>");
        for (DemoReport.ProgramWeek w : program.weeks()) {
            page.append(f("<tr><td>%s</td><td>%,d</td><td>%,d</td><td>%s</td><td>%s</td></tr>", w.from(),
                    w.inProgram(), w.heldOut(), w.revenue() == null ? "too few to tell" : DemoReport.money(w.revenue()),
                    w.margin() == null ? "too few to tell" : DemoReport.money(w.margin())));
        }
        page.append("</table>");

        page.append("<h2>Did each scenario earn money?</h2><p class=\"muted\">Margin per customer: the conversion's "
                + "revenue minus the discounts on the orders minus the messages' cost, treatment against holdout.</p>"
                + "<table><tr><th scope=\"col\">scenario</th><th scope=\"col\">margin</th></tr>");
        for (DemoReport.Scenario s : r.scenarios()) {
            page.append(f("<tr><td>%s</td><td>%s</td></tr>", esc(s.name()), esc(s.margin())));
        }
        page.append("</table>");

        page.append("<h2>Messages per scenario and step</h2>").append(legend("sent", "opened", "clicked"));
        for (DemoReport.Scenario s : r.scenarios()) {
            List<Bar> bars = new ArrayList<>();
            for (DemoReport.Step step : s.steps()) {
                Map<String, Long> fig = step.figures();
                if (fig.getOrDefault("sent", 0L) > 0) {
                    bars.add(new Bar(step.step() + (step.variant() == null ? "" : " [" + step.variant() + "]"),
                            fig.get("sent"), fig.getOrDefault("opened", 0L), fig.getOrDefault("clicked", 0L)));
                }
            }
            page.append("<h3>").append(esc(s.name())).append("</h3>");
            page.append(bars.isEmpty() ? "<p class=\"muted\">No message sent.</p>"
                    : bars(bars, "sent", "opened", "clicked"));
        }

        page.append("<h2>").append(esc(r.survey().title())).append("</h2>");
        page.append(f("<p class=\"muted\">%,d invitations, %,d answers.</p>", r.survey().invitations(),
                r.survey().responses()));
        page.append(bars(r.survey().reasons().entrySet().stream().map(e -> new Bar(e.getKey(), e.getValue())).toList(),
                "answers"));

        page.append("<h2>Segments</h2><p class=\"muted\">Members at the end of the run.</p>");
        page.append(bars(r.segments().stream().map(s -> new Bar(s.name(), s.size())).toList(), "members"));

        page.append("<h2>List cleaning</h2><table><tr><th scope=\"col\">what</th><th scope=\"col\">addresses</th></tr>")
                .append(row("flagged by list hygiene (disposable, invalid, role)", r.segmentSize("dirty-addresses")))
                .append(row("hard bounces reported by the provider", r.tally().bounced))
                .append(row("unsubscribed (one click)", r.tally().unsubscribed))
                .append(row("suppressed by scenarios", r.total("suppressed")))
                .append(row("profiles erased", r.total("erased"))).append("</table>");
        page.append("<p>Base health: ").append(esc(r.health().text()))
                .append(". <a href=\"health.html\">The base week by week</a>.</p>");
        page.append(f("<p class=\"muted\">The customers' side: %,d mails received, %,d opened, %,d clicked, "
                + "%,d surveys answered, %,d orders (%,.2f EUR).</p>", r.mails(), r.tally().opened,
                r.tally().clicked, r.tally().answered, r.tally().orders, r.tally().revenue));
        return page.append("</main></body></html>\n").toString();
    }

    /** Horizontal bars, one row per label, up to three series side by side; the figures in words for screen readers. */
    private static String bars(List<Bar> bars, String... series) {
        double max = bars.stream().flatMapToDouble(b -> java.util.Arrays.stream(b.values())).max().orElse(0);
        int rowHeight = bars.stream().mapToInt(b -> b.values().length).max().orElse(1) * 9 + 10;
        int labelWidth = 330;
        int width = 960;
        StringBuilder words = new StringBuilder();
        for (Bar b : bars) {
            words.append(words.length() == 0 ? "" : "; ").append(b.label()).append(':');
            for (int k = 0; k < b.values().length; k++) {
                words.append(f(" %,.0f", b.values()[k])).append(k < series.length ? " " + series[k] : "");
            }
        }
        StringBuilder svg = new StringBuilder(f("<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                width, bars.size() * rowHeight + 10, esc(words.toString())));
        for (int i = 0; i < bars.size(); i++) {
            Bar b = bars.get(i);
            int y = 5 + i * rowHeight;
            svg.append(f("<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text>", y + rowHeight / 2 + 2,
                    esc(shortened(b.label()))));
            for (int k = 0; k < b.values().length; k++) {
                double w = max == 0 ? 0 : (width - labelWidth - 90) * b.values()[k] / max;
                svg.append(f("<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"8\" fill=\"%s\"/>", labelWidth,
                        y + k * 9, w, SERIES[k]));
                svg.append(f("<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%,.0f</text>", labelWidth + w + 4,
                        y + k * 9 + 8, b.values()[k]));
            }
        }
        return svg.append("</svg>").toString();
    }

    /** Each scenario's absolute lift as a point with its interval, around a zero line. */
    private String liftChart() {
        List<DemoReport.Scenario> measured = r.scenarios().stream().filter(s -> s.lift().absolute() != null).toList();
        if (measured.isEmpty()) {
            return "<p class=\"muted\">No scenario has measured customers in both groups yet.</p>";
        }
        double span = measured.stream().mapToDouble(s -> Math.max(Math.abs(s.lift().low()),
                Math.abs(s.lift().high()))).max().orElse(0.01);
        int labelWidth = 330;
        int width = 960;
        int plot = width - labelWidth - 80;
        double zero = labelWidth + plot / 2.0;
        String words = String.join("; ", measured.stream().map(s -> s.name() + ": " + DemoReport.interval(s.lift())
                + " points").toList());
        StringBuilder svg = new StringBuilder(f("<svg width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                width, measured.size() * 30 + 40, esc("Lift in conversion with its 95% interval. " + words)));
        svg.append(f("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"0\" y2=\"%d\" stroke=\"#999\" stroke-dasharray=\"4\"/>",
                zero, zero, measured.size() * 30 + 10));
        svg.append(f("<text x=\"%.1f\" y=\"%d\" font-size=\"11\" text-anchor=\"middle\">0</text>", zero,
                measured.size() * 30 + 25));
        for (int i = 0; i < measured.size(); i++) {
            DemoReport.Lift l = measured.get(i).lift();
            int y = 15 + i * 30;
            double x = zero + plot / 2.0 * l.absolute() / span;
            double lo = zero + plot / 2.0 * l.low() / span;
            double hi = zero + plot / 2.0 * l.high() / span;
            svg.append(f("<text x=\"0\" y=\"%d\" font-size=\"13\">%s</text>", y + 4,
                    esc(shortened(measured.get(i).name()))));
            svg.append(f("<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"%s\" stroke-width=\"3\"/>", lo, hi,
                    y, y, SERIES[1]));
            svg.append(f("<circle cx=\"%.1f\" cy=\"%d\" r=\"6\" fill=\"%s\"/>", x, y, SERIES[0]));
            svg.append(f("<text x=\"%.1f\" y=\"%d\" font-size=\"11\">%+.1f pts</text>", hi + 6, y + 4,
                    100 * l.absolute()));
        }
        return svg.append("</svg>").toString();
    }

    /** A label that fits the label column. */
    private static String shortened(String label) {
        return label.length() <= 46 ? label : label.substring(0, 45) + "\u2026";
    }

    private static String legend(String... names) {
        StringBuilder out = new StringBuilder("<p class=\"legend\">");
        for (int i = 0; i < names.length; i++) {
            out.append(f("<span style=\"background:%s\"></span>%s", SERIES[i], names[i]));
        }
        return out.append("</p>").toString();
    }

    private static String card(String label, String value) {
        return f("<div class=\"card\"><b>%s</b>%s</div>", esc(value), esc(label));
    }

    private static String row(String label, long n) {
        return f("<tr><td>%s</td><td>%,d</td></tr>", esc(label), n);
    }

    private static String esc(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
