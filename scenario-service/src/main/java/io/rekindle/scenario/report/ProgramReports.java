package io.rekindle.scenario.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.scenario.config.ScenarioConfig;
import io.rekindle.scenario.scenario.ScenarioCatalog;
import io.rekindle.scenario.scenario.ScenarioView;
import io.rekindle.scenario.scenario.Step;

/** Reads the whole program's figures against the program-wide holdout ({@link ProgramReport}). */
@ApplicationScoped
public class ProgramReports {

    private final DataSource dataSource;
    private final Clock clock;
    private final ScenarioCatalog catalog;
    private final ScenarioConfig config;

    ProgramReports(DataSource dataSource, Clock clock, ScenarioCatalog catalog, ScenarioConfig config) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.catalog = catalog;
        this.config = config;
    }

    /** The last {@code weeks} weeks, the current one included. */
    public ProgramReport report(int weeks) {
        Instant now = clock.instant();
        Instant thisWeek = now.atZone(ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY))
                .truncatedTo(ChronoUnit.DAYS).toInstant();
        Instant first = thisWeek.minus(7L * (weeks - 1), ChronoUnit.DAYS);
        long seed = 0x9E0C4A11L;
        ProgramFigures.SendingCosts costs = sendingCosts();
        try (Connection c = dataSource.getConnection()) {
            ProgramFigures.Sides all = ProgramFigures.read(c, Instant.EPOCH, now, false, costs, true)
                    .get(Instant.EPOCH);
            ProgramReport.ProgramPeriod overall = period(null, all, seed);
            List<ProgramReport.ProgramPeriod> series = new ArrayList<>();
            for (Map.Entry<Instant, ProgramFigures.Sides> week : ProgramFigures.read(c, first, now, true, costs,
                    false).entrySet()) {
                series.add(period(week.getKey(), week.getValue(), seed));
            }
            return new ProgramReport(now, config.programHoldout(), headline(overall), overall.inProgram(),
                    overall.heldOut(), overall, series);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private ProgramReport.ProgramPeriod period(Instant from, ProgramFigures.Sides sides, long seed) {
        Revenues none = new Revenues(0, null, 0, 0);
        Revenues revenueIn = sides == null || sides.revenue()[0] == null ? none : sides.revenue()[0];
        Revenues revenueOut = sides == null || sides.revenue()[1] == null ? none : sides.revenue()[1];
        Revenues marginIn = sides == null || sides.margin()[0] == null ? none : sides.margin()[0];
        Revenues marginOut = sides == null || sides.margin()[1] == null ? none : sides.margin()[1];
        long in = revenueIn.customers();
        long out = revenueOut.customers();
        if (in < config.reportMinimumGroup() || out < config.reportMinimumGroup()) {
            return new ProgramReport.ProgramPeriod(from, in, out, mean(revenueIn), mean(revenueOut), null, null, null,
                    null);
        }
        Estimate revenue = MeanDifference.of(revenueIn, revenueOut, 0.95, seed);
        Estimate margin = MeanDifference.of(marginIn, marginOut, 0.95, seed);
        return new ProgramReport.ProgramPeriod(from, in, out, mean(revenueIn), mean(revenueOut), revenue, margin,
                revenue.difference() * in, margin.difference() * in);
    }

    private static Double mean(Revenues group) {
        return group.customers() == 0 ? null : group.mean();
    }

    private String headline(ProgramReport.ProgramPeriod overall) {
        if (config.programHoldout() == 0 && overall.heldOut() == 0) {
            return "the program-wide holdout is off (rekindle.scenarios.program-holdout): nothing to measure against";
        }
        Estimate e = overall.marginPerCustomer();
        if (e == null) {
            return String.format(Locale.ROOT, "too few customers to tell: %d in the program and %d held out, at least "
                    + "%d in each needed", overall.inProgram(), overall.heldOut(), config.reportMinimumGroup());
        }
        String figures = String.format(Locale.ROOT, "%+.2f margin per customer (95%% interval %+.2f to %+.2f), about "
                + "%+.0f over the %d customers in it", e.difference(), e.low(), e.high(), overall.incrementalMargin(),
                overall.inProgram());
        String verdict = Margin.verdict(e, "the program");
        return (e.conclusive() ? "the program " + verdict : verdict) + ": " + figures;
    }

    private ProgramFigures.SendingCosts sendingCosts() {
        List<String> scenarios = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        List<Double> costs = new ArrayList<>();
        for (ScenarioView scenario : catalog.all()) {
            for (Step step : scenario.definition().steps()) {
                if (step.channel() != null) {
                    scenarios.add(scenario.id());
                    steps.add(step.id());
                    costs.add(config.sendCost().of(step.channel()));
                }
            }
        }
        return new ProgramFigures.SendingCosts(scenarios.toArray(String[]::new), steps.toArray(String[]::new),
                costs.toArray(Double[]::new));
    }
}
