package io.rekindle.segment.prediction;

import static io.rekindle.segment.prediction.SpecialFunctions.logBeta;
import static io.rekindle.segment.prediction.SpecialFunctions.logGamma;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Fits BG/NBD by maximum likelihood. Customers with the same (x, tx, T) are counted once with a weight, and the
 * search runs on the logarithms of the parameters so they stay positive.
 */
public final class BgNbdFitter {

    private static final double TOLERANCE = 1e-11;
    private static final int MAX_EVALUATIONS = 20_000;

    /** Distinct histories grouped by x, so the x-only terms are computed once per group and evaluation. */
    private final int[] xs;
    private final double[][] txs;
    private final double[][] ts;
    private final double[][] weights;
    private final int customers;

    public BgNbdFitter(Collection<PurchaseHistory> histories) {
        Map<PurchaseHistory, Integer> counts = new HashMap<>();
        for (PurchaseHistory h : histories) {
            counts.merge(h, 1, Integer::sum);
        }
        Map<Integer, java.util.List<Map.Entry<PurchaseHistory, Integer>>> byX = new HashMap<>();
        counts.entrySet().forEach(e -> byX.computeIfAbsent(e.getKey().x(), k -> new java.util.ArrayList<>()).add(e));
        xs = byX.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        txs = new double[xs.length][];
        ts = new double[xs.length][];
        weights = new double[xs.length][];
        for (int g = 0; g < xs.length; g++) {
            var group = byX.get(xs[g]);
            group.sort(Comparator.comparingDouble((Map.Entry<PurchaseHistory, Integer> e) -> e.getKey().t())
                    .thenComparingDouble(e -> e.getKey().tx()));
            txs[g] = group.stream().mapToDouble(e -> e.getKey().tx()).toArray();
            ts[g] = group.stream().mapToDouble(e -> e.getKey().t()).toArray();
            weights[g] = group.stream().mapToDouble(Map.Entry::getValue).toArray();
        }
        customers = histories.size();
    }

    public BgNbdFit fit() {
        if (customers == 0) {
            throw new IllegalStateException("no customers to fit on");
        }
        double meanT = Arrays.stream(ts).flatMapToDouble(Arrays::stream).average().orElse(1);
        double[] start = { Math.log(1.0), Math.log(Math.max(meanT / 4, 1e-3)), Math.log(1.0), Math.log(1.0) };
        NelderMead.Result result = NelderMead.minimize(this::negativeLogLikelihood, start, 1.0, TOLERANCE,
                MAX_EVALUATIONS);
        int evaluations = result.evaluations();
        // Restarting from the optimum with a fresh simplex guards against a collapsed simplex stopping early.
        for (int restart = 0; restart < 3; restart++) {
            NelderMead.Result again = NelderMead.minimize(this::negativeLogLikelihood, result.point(), 0.1,
                    TOLERANCE, MAX_EVALUATIONS);
            evaluations += again.evaluations();
            boolean improved = again.value() < result.value() - 1e-9;
            result = again.value() <= result.value() ? again : result;
            if (!improved) {
                break;
            }
        }
        double[] x = result.point();
        return new BgNbdFit(new BgNbdParameters(Math.exp(x[0]), Math.exp(x[1]), Math.exp(x[2]), Math.exp(x[3])),
                -result.value(), customers, evaluations);
    }

    /** The total log-likelihood of the data under the given parameters. */
    public double logLikelihood(BgNbdParameters p) {
        return -negativeLogLikelihood(new double[] { Math.log(p.r()), Math.log(p.alpha()), Math.log(p.a()),
                Math.log(p.b()) });
    }

    private double negativeLogLikelihood(double[] logParameters) {
        double r = Math.exp(logParameters[0]);
        double alpha = Math.exp(logParameters[1]);
        double a = Math.exp(logParameters[2]);
        double b = Math.exp(logParameters[3]);
        double logAlpha = Math.log(alpha);
        double logBetaAB = logBeta(a, b);
        double logGammaR = logGamma(r);
        double logA = Math.log(a);
        double total = IntStream.range(0, xs.length).parallel().mapToDouble(g -> {
            int x = xs[g];
            double constant = logGamma(r + x) - logGammaR + r * logAlpha + logBeta(a, b + x) - logBetaAB;
            double dropout = x > 0 ? logA - Math.log(b + x - 1) : 0;
            double power = r + x;
            double[] tx = txs[g];
            double[] t = ts[g];
            double[] w = weights[g];
            double sum = 0;
            for (int i = 0; i < t.length; i++) {
                double a3 = -power * Math.log(alpha + t[i]);
                double ll;
                if (x == 0) {
                    ll = a3;
                } else {
                    double a4 = dropout - power * Math.log(alpha + tx[i]);
                    double max = Math.max(a3, a4);
                    ll = max + Math.log1p(Math.exp(Math.min(a3, a4) - max));
                }
                sum += w[i] * (constant + ll);
            }
            return sum;
        }).sum();
        return -total;
    }
}
