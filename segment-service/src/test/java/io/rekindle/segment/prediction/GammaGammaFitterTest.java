package io.rekindle.segment.prediction;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

class GammaGammaFitterTest {

    /**
     * Fader and Hardie's note on the Gamma-Gamma model fits the 946 repeat customers of CDNOW's 39-week calibration
     * period (spend per purchase day, the first one left out): p = 6.25, q = 3.74, gamma = 15.44.
     */
    @Test
    void recoversThePublishedCdnowEstimates() throws IOException {
        List<SpendHistory> repeatCustomers = cdnowRepeatSpend(LocalDate.of(1997, 9, 30));
        assertEquals(946, repeatCustomers.size());

        GammaGammaFit fit = new GammaGammaFitter(repeatCustomers).fit();

        assertEquals(6.25, fit.parameters().p(), 6.25 * 0.01);
        assertEquals(3.74, fit.parameters().q(), 3.74 * 0.01);
        assertEquals(15.44, fit.parameters().gamma(), 15.44 * 0.01);
        // The implied mean spend per transaction, p gamma / (q - 1), about $35.
        assertEquals(35.2, fit.parameters().populationMeanSpend(), 35.2 * 0.02);
    }

    /** A store simulated from known parameters gives them back, and the model's expected spend beats the raw mean. */
    @Test
    void recoversParametersFromASimulatedStoreAndShrinksFewPurchasesTowardsThePopulation() {
        GammaGammaParameters truth = new GammaGammaParameters(4.0, 3.0, 30.0);
        Random random = new Random(7);
        List<SpendHistory> histories = new ArrayList<>();
        List<Double> trueMeans = new ArrayList<>();
        for (int c = 0; c < 20_000; c++) {
            double nu = BgNbdFitterTest.gamma(truth.q(), random) / truth.gamma();
            int x = 1 + poisson(2.0, random);
            double total = 0;
            for (int i = 0; i < x; i++) {
                total += BgNbdFitterTest.gamma(truth.p(), random) / nu;
            }
            histories.add(new SpendHistory(x, total / x));
            trueMeans.add(truth.p() / nu);
        }

        GammaGammaFit fit = new GammaGammaFitter(histories).fit();

        // About three standard errors at this sample size: twelve stores simulated alike gave p 3.65-4.46 (sd 0.25),
        // q 2.95-3.07 (sd 0.04), gamma 26.5-34.2 (sd 2.4), and a mean spend of 59.3-60.6 (sd 0.5) for a true 60.
        assertEquals(truth.p(), fit.parameters().p(), 0.75);
        assertEquals(truth.q(), fit.parameters().q(), 0.12);
        assertEquals(truth.gamma(), fit.parameters().gamma(), 7.0);
        assertEquals(truth.populationMeanSpend(), fit.parameters().populationMeanSpend(), 1.5);
        double atTruth = new GammaGammaFitter(histories).logLikelihood(truth);
        assertTrue(fit.logLikelihood() >= atTruth, fit.logLikelihood() + " < " + atTruth);

        double modelError = 0, rawError = 0;
        for (int c = 0; c < histories.size(); c++) {
            SpendHistory h = histories.get(c);
            modelError += Math.abs(fit.parameters().expectedSpend(h.x(), h.meanSpend()) - trueMeans.get(c));
            rawError += Math.abs(h.meanSpend() - trueMeans.get(c));
        }
        assertTrue(modelError < 0.95 * rawError, "expected spend off by " + modelError / histories.size()
                + " on average, the customer's own mean by " + rawError / histories.size());
    }

    @Test
    void aCustomerWithoutRepeatPurchasesIsExpectedToSpendThePopulationMean() {
        GammaGammaParameters p = new GammaGammaParameters(6.25, 3.74, 15.44);
        assertEquals(6.25 * 15.44 / 2.74, p.expectedSpend(0, 0), 1e-9);
        // Equation (5) for x = 2, m = 40: a weighted mean of the population's mean and the customer's own.
        double weight = 6.25 * 2 / (6.25 * 2 + 3.74 - 1);
        assertEquals((1 - weight) * p.populationMeanSpend() + weight * 40, p.expectedSpend(2, 40), 1e-9);
    }

    /** Repeat purchase days within the calibration period, the amounts of one day summed. */
    static List<SpendHistory> cdnowRepeatSpend(LocalDate calibrationEnd) throws IOException {
        Map<String, TreeMap<LocalDate, Double>> days = new TreeMap<>();
        List<String> lines = Files.readAllLines(BgNbdFitterTest.CDNOW);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",");
            LocalDate date = LocalDate.parse(cells[1]);
            if (!date.isAfter(calibrationEnd)) {
                days.computeIfAbsent(cells[0], k -> new TreeMap<>()).merge(date, Double.parseDouble(cells[2]),
                        Double::sum);
            }
        }
        List<SpendHistory> histories = new ArrayList<>();
        for (TreeMap<LocalDate, Double> spend : days.values()) {
            int repeats = spend.size() - 1;
            double repeatTotal = spend.values().stream().mapToDouble(Double::doubleValue).sum()
                    - spend.firstEntry().getValue();
            if (repeats > 0 && repeatTotal > 0) {
                histories.add(new SpendHistory(repeats, repeatTotal / repeats));
            }
        }
        return histories;
    }

    private static int poisson(double mean, Random random) {
        double limit = Math.exp(-mean), product = random.nextDouble();
        int k = 0;
        while (product > limit) {
            product *= random.nextDouble();
            k++;
        }
        return k;
    }
}
