package io.rekindle.demo;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * What a demo run shows, read back from the suite's own APIs at the end (segment sizes, each scenario's report, the
 * survey results) plus the demo's count of what its customers did. Rendered as text for the terminal and as a
 * self-contained HTML page with charts ({@link ReportPage}). Holds no times of day, so one seed gives one report.
 */
record DemoReport(Demo.Options options, Demo.Tally tally, long mails, List<Segment> segments,
        List<Scenario> scenarios, Survey survey, Health health, Program program) {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Segment(String id, String name, long size) {
    }

    record Step(String step, String variant, Map<String, Long> figures) {
    }

    record Group(long customers, long converted, double revenue) {
        double rate() {
            return customers == 0 ? 0 : (double) converted / customers;
        }
    }

    /** The scenario report's lift; {@code verdict} set when the groups were too small to tell. */
    record Lift(Double absolute, Double low, Double high, Double relative, Double pValue, Double revenueDifference,
            Double revenueLow, Double revenueHigh, String verdict, String sequentialVerdict, Interval adjustedConversion,
            Interval adjustedRevenue, Interval plainRevenue) {
    }

    /** A difference with its 95% interval, and the variance the CUPED adjustment removed (null for a plain one). */
    record Interval(double difference, double low, double high, Double varianceReduction) {

        double width() {
            return high - low;
        }

        static Interval of(JsonNode estimate, JsonNode cuped) {
            return estimate.hasNonNull("low") ? new Interval(estimate.path("difference").asDouble(),
                    estimate.path("low").asDouble(), estimate.path("high").asDouble(),
                    cuped == null ? null : cuped.path("varianceReduction").asDouble()) : null;
        }
    }

    /** The whole program against the program-wide holdout: the headline, and week by week. */
    record Program(double share, String headline, long inProgram, long heldOut, List<ProgramWeek> weeks) {
    }

    record ProgramWeek(String from, long inProgram, long heldOut, Interval revenue, Interval margin) {
    }

    /** A scenario's figures; {@code margin} is its report's headline: did it earn money. */
    record Scenario(String id, String name, long entered, long active, long pending, Group treatment, Group holdout,
            Lift lift, String margin, List<Step> steps) {

        long total(String figure) {
            return steps.stream().mapToLong(s -> s.figures().getOrDefault(figure, 0L)).sum();
        }
    }

    record Survey(String title, long invitations, long responses, Map<String, Long> reasons) {
    }

    static DemoReport collect(Suite suite, Demo.Options options, Demo.Tally tally, long mails) throws Exception {
        List<Segment> segments = new ArrayList<>();
        for (JsonNode s : JSON.readTree(suite.segment.get("/v1/segments"))) {
            segments.add(new Segment(s.path("id").asText(), s.path("name").asText(), s.path("size").asLong()));
        }
        List<Scenario> scenarios = new ArrayList<>();
        for (JsonNode s : JSON.readTree(suite.scenario.get("/v1/scenarios"))) {
            String id = s.path("id").asText();
            scenarios.add(scenario(id, s.path("definition").path("name").asText(id),
                    JSON.readTree(suite.scenario.get("/v1/scenarios/" + id + "/report"))));
        }
        JsonNode results = JSON.readTree(suite.survey.get("/v1/surveys/why-stopped/results"));
        Map<String, Long> reasons = new LinkedHashMap<>();
        for (JsonNode q : results.path("questions")) {
            if ("reason".equals(q.path("id").asText())) {
                q.path("options").forEach(o -> reasons.put(o.path("label").asText(), o.path("count").asLong()));
            }
        }
        String title = JSON.readTree(suite.survey.get("/v1/surveys/why-stopped")).path("definition").path("texts")
                .path("en").path("title").asText("Why did you stop buying?");
        Health health = Health.of(JSON.readTree(suite.messaging.get("/v1/analytics/health")));
        return new DemoReport(options, tally, mails, segments, scenarios,
                new Survey(title, results.path("invitations").asLong(), results.path("responses").asLong(), reasons),
                health, program(JSON.readTree(suite.scenario.get("/v1/reports/program?weeks=104"))));
    }

    private static Program program(JsonNode p) {
        List<ProgramWeek> weeks = new ArrayList<>();
        for (JsonNode w : p.path("weeks")) {
            weeks.add(new ProgramWeek(w.path("from").asText().substring(0, 10), w.path("inProgram").asLong(),
                    w.path("heldOut").asLong(), Interval.of(w.path("revenuePerCustomer"), null),
                    Interval.of(w.path("marginPerCustomer"), null)));
        }
        return new Program(p.path("share").asDouble(), p.path("headline").asText("-"), p.path("inProgram").asLong(),
                p.path("heldOut").asLong(), weeks);
    }

    private static Scenario scenario(String id, String name, JsonNode r) {
        List<Step> steps = new ArrayList<>();
        for (JsonNode s : r.path("steps")) {
            Map<String, Long> figures = new LinkedHashMap<>();
            s.path("engine").fields().forEachRemaining(e -> figures.put(e.getKey(), e.getValue().asLong()));
            s.path("customers").fields().forEachRemaining(e -> figures.put(e.getKey(), e.getValue().asLong()));
            figures.put("converted", s.path("converted").asLong());
            steps.add(new Step(s.path("step").asText(), s.path("variant").asText(null), figures));
        }
        JsonNode l = r.path("lift");
        return new Scenario(id, name, r.path("entered").asLong(), r.path("active").asLong(), r.path("pending").asLong(),
                group(r.path("treatment")), group(r.path("holdout")),
                new Lift(number(l.path("conversion"), "difference"), number(l.path("conversion"), "low"),
                        number(l.path("conversion"), "high"), number(l, "relative"),
                        number(l.path("conversion"), "pValue"), number(l.path("revenuePerCustomer"), "difference"),
                        number(l.path("revenuePerCustomer"), "low"), number(l.path("revenuePerCustomer"), "high"),
                        l.path("verdict").asText(null), l.path("conversionSequential").path("verdict").asText(null),
                        Interval.of(l.path("adjusted").path("conversion").path("estimate"),
                                l.path("adjusted").path("conversion")),
                        Interval.of(l.path("adjusted").path("revenuePerCustomer").path("estimate"),
                                l.path("adjusted").path("revenuePerCustomer")),
                        Interval.of(l.path("revenuePerCustomer"), null)),
                r.path("margin").path("headline").asText("-"), steps);
    }

    private static Group group(JsonNode g) {
        return new Group(g.path("customers").asLong(), g.path("converted").asLong(), g.path("revenue").asDouble());
    }

    static Double number(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asDouble() : null;
    }

    long wonBack() {
        return scenarios.stream().mapToLong(s -> s.treatment().converted()).sum();
    }

    double wonBackRevenue() {
        return scenarios.stream().mapToDouble(s -> s.treatment().revenue()).sum();
    }

    long total(String figure) {
        return scenarios.stream().mapToLong(s -> s.total(figure)).sum();
    }

    long segmentSize(String id) {
        return segments.stream().filter(s -> s.id().equals(id)).mapToLong(Segment::size).sum();
    }

    String text() {
        StringBuilder out = new StringBuilder();
        out.append(f("Rekindle demo report: %,d customers, %d simulated days, seed %d%n%n", options.customers(),
                options.days(), options.seed()));
        out.append("Segments (members at the end)\n");
        for (Segment s : segments) {
            out.append(f("  %-52s %,8d%n", s.name(), s.size()));
        }
        out.append("\nScenarios: treatment against holdout (customers measured after their attribution window)\n");
        out.append(f("  %-34s %8s %8s %8s %13s %13s %26s %9s%n", "", "entered", "sent", "measured", "converted T",
                "converted H", "lift, points (95% CI)", "p-value"));
        for (Scenario s : scenarios) {
            out.append(f("  %-34s %,8d %,8d %,8d %13s %13s %26s %9s%n", s.name(), s.entered(), s.total("sent"),
                    s.treatment().customers() + s.holdout().customers(), rate(s.treatment()), rate(s.holdout()),
                    interval(s.lift()), s.lift().pValue() == null ? "-" : f("%.3f", s.lift().pValue())));
        }
        out.append("\nAdjusted for each customer's 180 days before entry (CUPED), beside the plain intervals\n");
        out.append(f("  %-34s %26s %26s %8s %30s %30s %8s%n", "", "conversion, points", "adjusted", "width",
                "revenue per customer", "adjusted", "width"));
        for (Scenario s : scenarios) {
            Lift l = s.lift();
            if (l.adjustedRevenue() != null) {
                out.append(f("  %-34s %26s %26s %8s %30s %30s %8s%n", s.name(), interval(l), points(
                        l.adjustedConversion()), ratio(l.adjustedConversion().width(), l.high() - l.low()),
                        money(l.plainRevenue()), money(l.adjustedRevenue()),
                        ratio(l.adjustedRevenue().width(), l.plainRevenue().width())));
            }
        }
        out.append(f("  Mean width of the adjusted intervals against the plain ones: %s%n", narrower()));
        out.append(f("%nThe whole program against the program-wide holdout (%.0f%% of customers kept out of every "
                + "scenario): %,d in the program, %,d held out%n  %s%n", 100 * program.share(), program.inProgram(),
                program.heldOut(), program.headline()));
        out.append("\nDid each scenario earn money? (margin per customer: revenue minus discounts minus messages, "
                + "treatment against holdout)\n");
        for (Scenario s : scenarios) {
            out.append(f("  %-34s %s%n", s.name(), s.margin()));
        }
        out.append("\nMessages per scenario and step\n");
        for (Scenario s : scenarios) {
            out.append("  ").append(s.name()).append('\n');
            for (Step step : s.steps()) {
                out.append(f("    %-24s %s%n", step.step() + (step.variant() == null ? "" : " [" + step.variant() + "]"),
                        figures(step.figures())));
            }
        }
        out.append(f("%n%s  %,d invitations, %,d answers%n", survey.title(), survey.invitations(), survey.responses()));
        long answered = survey.reasons().values().stream().mapToLong(Long::longValue).sum();
        survey.reasons().forEach((reason, n) -> out.append(f("  %-34s %,6d  %s%n", reason, n,
                "#".repeat(answered == 0 ? 0 : (int) Math.round(40.0 * n / answered)))));
        out.append(f("%nCustomers won back (treatment, converted): %,d, revenue %,.2f EUR%n", wonBack(),
                wonBackRevenue()));
        out.append(f("Addresses cleaned: %,d flagged by hygiene (disposable, invalid, role), %,d hard bounces, "
                + "%,d unsubscribed, %,d suppressed by scenarios%n", segmentSize("dirty-addresses"), tally.bounced,
                tally.unsubscribed, total("suppressed")));
        out.append(f("Profiles erased: %,d%n", total("erased")));
        out.append(f("Base health: %s (charts week by week: health.html)%n", health.text()));
        out.append(f("The customers' side: %,d mails received, %,d opened, %,d clicked, %,d surveys answered, "
                + "%,d orders (%,.2f EUR)%n", mails, tally.opened, tally.clicked, tally.answered, tally.orders,
                tally.revenue));
        return out.toString();
    }

    String html() {
        return new ReportPage(this).render();
    }

    static String points(Interval i) {
        return i == null ? "-" : f("%+.1f [%+.1f, %+.1f]", 100 * i.difference(), 100 * i.low(), 100 * i.high());
    }

    static String money(Interval i) {
        return i == null ? "-" : f("%+.2f [%+.2f, %+.2f]", i.difference(), i.low(), i.high());
    }

    static String ratio(double adjusted, double plain) {
        return plain <= 0 ? "-" : f("%.2fx", adjusted / plain);
    }

    /** How much narrower the adjusted intervals are on average, over the scenarios with figures. */
    String narrower() {
        double conversion = 0;
        double revenue = 0;
        int n = 0;
        for (Scenario s : scenarios) {
            Lift l = s.lift();
            if (l.adjustedRevenue() != null && l.high() - l.low() > 0 && l.plainRevenue().width() > 0) {
                conversion += l.adjustedConversion().width() / (l.high() - l.low());
                revenue += l.adjustedRevenue().width() / l.plainRevenue().width();
                n++;
            }
        }
        return n == 0 ? "no scenario with figures" : f("conversion %.2fx, revenue per customer %.2fx (%d scenarios)",
                conversion / n, revenue / n, n);
    }

    static String rate(Group g) {
        return g.customers() == 0 ? "-" : f("%.1f%% of %,d", 100 * g.rate(), g.customers());
    }

    static String interval(Lift l) {
        if (l.absolute() == null) {
            return l.verdict() == null ? "-" : "too few to tell";
        }
        return f("%+.1f [%+.1f, %+.1f]", 100 * l.absolute(), 100 * l.low(), 100 * l.high());
    }

    private static String figures(Map<String, Long> figures) {
        StringBuilder out = new StringBuilder();
        figures.forEach((k, v) -> {
            if (v > 0) {
                out.append(f("%s %,d  ", k, v));
            }
        });
        return out.toString().trim();
    }

    static String f(String format, Object... args) {
        return String.format(Locale.ROOT, format, args);
    }
}
