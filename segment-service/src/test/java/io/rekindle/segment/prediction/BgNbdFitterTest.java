package io.rekindle.segment.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class BgNbdFitterTest {

    /** Kept in the test resources with its source (reference/README.md). */
    static final Path CDNOW = io.rekindle.segment.support.TestStore.CDNOW;

    /** Published estimates (weeks): r = 0.243, alpha = 4.414, a = 0.793, b = 2.426, LL = -9582.4. */
    @Test
    void recoversThePublishedCdnowEstimates() throws IOException {
        List<PurchaseHistory> histories = cdnowCalibration(LocalDate.of(1997, 9, 30), 7.0);
        assertEquals(2357, histories.size());

        BgNbdFit fit = new BgNbdFitter(histories).fit();

        assertEquals(0.243, fit.parameters().r(), 0.0005);
        assertEquals(4.414, fit.parameters().alpha(), 0.0005);
        assertEquals(0.793, fit.parameters().a(), 0.0005);
        assertEquals(2.426, fit.parameters().b(), 0.0005);
        assertEquals(-9582.4, fit.logLikelihood(), 0.05);
    }

    /** Thousands of customers simulated from known parameters (time in days) give those parameters back. */
    @Test
    void recoversParametersFromSimulatedHistories() {
        BgNbdParameters truth = new BgNbdParameters(0.8, 60.0, 0.6, 3.0);
        List<PurchaseHistory> histories = simulate(truth, 20_000, new Random(42));

        BgNbdFit fit = new BgNbdFitter(histories).fit();

        // Tolerances of about three standard errors at this sample size.
        assertEquals(truth.r(), fit.parameters().r(), 0.08);
        assertEquals(truth.alpha(), fit.parameters().alpha(), 7.0);
        assertEquals(truth.a(), fit.parameters().a(), 0.15);
        assertEquals(truth.b(), fit.parameters().b(), 0.9);
        // The optimum is at least as likely as the truth.
        double atTruth = new BgNbdFitter(histories).logLikelihood(truth);
        assertEquals(true, fit.logLikelihood() >= atTruth, fit.logLikelihood() + " < " + atTruth);
    }

    static List<PurchaseHistory> cdnowCalibration(LocalDate calibrationEnd, double daysPerUnit) throws IOException {
        Map<String, TreeSet<LocalDate>> days = new TreeMap<>();
        for (String line : Files.readAllLines(CDNOW).subList(1, Files.readAllLines(CDNOW).size())) {
            String[] cells = line.split(",");
            LocalDate date = LocalDate.parse(cells[1]);
            if (!date.isAfter(calibrationEnd)) {
                days.computeIfAbsent(cells[0], k -> new TreeSet<>()).add(date);
            }
        }
        List<PurchaseHistory> histories = new ArrayList<>();
        for (TreeSet<LocalDate> purchaseDays : days.values()) {
            LocalDate first = purchaseDays.first();
            histories.add(new PurchaseHistory(purchaseDays.size() - 1,
                    ChronoUnit.DAYS.between(first, purchaseDays.last()) / daysPerUnit,
                    ChronoUnit.DAYS.between(first, calibrationEnd) / daysPerUnit));
        }
        return histories;
    }

    /** The model's story: Poisson purchases at rate lambda, and after each repeat purchase a dropout with chance p. */
    static List<PurchaseHistory> simulate(BgNbdParameters p, int customers, Random random) {
        List<PurchaseHistory> histories = new ArrayList<>(customers);
        for (int c = 0; c < customers; c++) {
            double lambda = gamma(p.r(), random) / p.alpha();
            double x1 = gamma(p.a(), random);
            double dropout = x1 / (x1 + gamma(p.b(), random));
            double observed = 180 + random.nextInt(540);
            double time = 0;
            double last = 0;
            int repeats = 0;
            while (true) {
                time += -Math.log(1 - random.nextDouble()) / lambda;
                if (time > observed) {
                    break;
                }
                repeats++;
                last = time;
                if (random.nextDouble() < dropout) {
                    break;
                }
            }
            histories.add(new PurchaseHistory(repeats, last, observed));
        }
        return histories;
    }

    /** Marsaglia and Tsang's Gamma(shape, 1) sampler, boosted for shape < 1. */
    static double gamma(double shape, Random random) {
        if (shape < 1) {
            return gamma(shape + 1, random) * Math.pow(random.nextDouble(), 1 / shape);
        }
        double d = shape - 1.0 / 3, c = 1 / Math.sqrt(9 * d);
        while (true) {
            double x = random.nextGaussian();
            double v = Math.pow(1 + c * x, 3);
            if (v <= 0) {
                continue;
            }
            double u = random.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }
}
