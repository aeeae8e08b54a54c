package io.rekindle.segment.prediction;

import static io.rekindle.segment.prediction.SpecialFunctions.digamma;
import static io.rekindle.segment.prediction.SpecialFunctions.logBeta;
import static io.rekindle.segment.prediction.SpecialFunctions.logGamma;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

/**
 * Fits BG/NBD by maximum likelihood ({@link Bfgs} on the logarithms of the parameters, so they stay positive), using
 * the analytic gradient of the log-likelihood. Customers with the same (x, tx, T) are counted once with a weight, and the
 * logarithms of alpha + T and alpha + tx are computed once per distinct value, which keeps an evaluation over a
 * million customers to a few tens of milliseconds.
 */
public final class BgNbdFitter {

    /** Distinct histories grouped by x, so the x-only terms are computed once per group and evaluation. */
    private final int[] xs;
    private final int[][] tIndex;
    private final int[][] txIndex;
    private final double[][] weights;
    private final double[] distinctT;
    private final double[] distinctTx;
    private final int customers;
    private final double meanT;

    public BgNbdFitter(Collection<PurchaseHistory> histories) {
        Map<PurchaseHistory, Integer> counts = new HashMap<>();
        for (PurchaseHistory h : histories) {
            counts.merge(h, 1, Integer::sum);
        }
        distinctT = counts.keySet().stream().mapToDouble(PurchaseHistory::t).distinct().sorted().toArray();
        distinctTx = counts.keySet().stream().mapToDouble(PurchaseHistory::tx).distinct().sorted().toArray();
        Map<Integer, List<Map.Entry<PurchaseHistory, Integer>>> byX = new HashMap<>();
        counts.entrySet().forEach(e -> byX.computeIfAbsent(e.getKey().x(), k -> new ArrayList<>()).add(e));
        xs = byX.keySet().stream().mapToInt(Integer::intValue).sorted().toArray();
        tIndex = new int[xs.length][];
        txIndex = new int[xs.length][];
        weights = new double[xs.length][];
        for (int g = 0; g < xs.length; g++) {
            List<Map.Entry<PurchaseHistory, Integer>> group = byX.get(xs[g]);
            tIndex[g] = group.stream().mapToInt(e -> Arrays.binarySearch(distinctT, e.getKey().t())).toArray();
            txIndex[g] = group.stream().mapToInt(e -> Arrays.binarySearch(distinctTx, e.getKey().tx())).toArray();
            weights[g] = group.stream().mapToDouble(Map.Entry::getValue).toArray();
        }
        customers = histories.size();
        meanT = histories.stream().mapToDouble(PurchaseHistory::t).average().orElse(1);
    }

    public BgNbdFit fit() {
        if (customers == 0) {
            throw new IllegalStateException("no customers to fit on");
        }
        double[] start = { 0, Math.log(Math.max(meanT / 4, 1e-3)), 0, 0 };
        Bfgs.Minimum minimum = Bfgs.minimise(this::negativeLogLikelihood, start, 1e-9 * Math.max(1, customers));
        double[] theta = minimum.x();
        return new BgNbdFit(new BgNbdParameters(Math.exp(theta[0]), Math.exp(theta[1]), Math.exp(theta[2]),
                Math.exp(theta[3])), -minimum.value(), customers, minimum.evaluations());
    }

    /** The total log-likelihood of the data under the given parameters. */
    public double logLikelihood(BgNbdParameters p) {
        return -negativeLogLikelihood(new double[] { Math.log(p.r()), Math.log(p.alpha()), Math.log(p.a()),
                Math.log(p.b()) }, new double[4]);
    }

    /**
     * -LL and its gradient with respect to the log-parameters. Per customer, with w3 and w4 the shares of the "still
     * alive" and "dropped out after tx" terms of equation (6): dLL/dr = psi(r+x) - psi(r) + ln alpha - w3 ln(alpha+T)
     * - w4 ln(alpha+tx); dLL/dalpha = r/alpha - (r+x)(w3/(alpha+T) + w4/(alpha+tx)); dLL/da = psi(a+b) - psi(a+b+x)
     * + w4/a; dLL/db = psi(a+b) + psi(b+x) - psi(b) - psi(a+b+x) - w4/(b+x-1).
     */
    private double negativeLogLikelihood(double[] theta, double[] gradient) {
        double r = Math.exp(theta[0]), alpha = Math.exp(theta[1]), a = Math.exp(theta[2]), b = Math.exp(theta[3]);
        if (!(Double.isFinite(r) && Double.isFinite(alpha) && Double.isFinite(a) && Double.isFinite(b))) {
            return Double.NaN;
        }
        double[] logAlphaT = new double[distinctT.length];
        double[] invAlphaT = new double[distinctT.length];
        for (int i = 0; i < distinctT.length; i++) {
            logAlphaT[i] = Math.log(alpha + distinctT[i]);
            invAlphaT[i] = 1 / (alpha + distinctT[i]);
        }
        double[] logAlphaTx = new double[distinctTx.length];
        double[] invAlphaTx = new double[distinctTx.length];
        for (int i = 0; i < distinctTx.length; i++) {
            logAlphaTx[i] = Math.log(alpha + distinctTx[i]);
            invAlphaTx[i] = 1 / (alpha + distinctTx[i]);
        }
        double logAlpha = Math.log(alpha);
        double logBetaAB = logBeta(a, b);
        double logGammaR = logGamma(r);
        double psiR = digamma(r), psiB = digamma(b), psiAB = digamma(a + b);
        double logA = Math.log(a);
        double[][] partial = IntStream.range(0, xs.length).parallel().mapToObj(g -> {
            int x = xs[g];
            double power = r + x;
            double constant = logGamma(power) - logGammaR + r * logAlpha + logBeta(a, b + x) - logBetaAB;
            double dropout = x > 0 ? logA - Math.log(b + x - 1) : 0;
            int[] ti = tIndex[g], txi = txIndex[g];
            double[] w = weights[g];
            double sumW = 0, ll = 0, sumLogT = 0, sumLogTx = 0, sumAlpha = 0, sumW4 = 0;
            for (int i = 0; i < ti.length; i++) {
                double a3 = -power * logAlphaT[ti[i]];
                double weight = w[i];
                sumW += weight;
                if (x == 0) {
                    ll += weight * a3;
                    sumLogT += weight * logAlphaT[ti[i]];
                    sumAlpha += weight * invAlphaT[ti[i]];
                    continue;
                }
                double a4 = dropout - power * logAlphaTx[txi[i]];
                double w3;
                if (a3 >= a4) {
                    double e = Math.exp(a4 - a3);
                    ll += weight * (a3 + Math.log1p(e));
                    w3 = 1 / (1 + e);
                } else {
                    double e = Math.exp(a3 - a4);
                    ll += weight * (a4 + Math.log1p(e));
                    w3 = e / (1 + e);
                }
                double w4 = 1 - w3;
                sumLogT += weight * (w3 * logAlphaT[ti[i]] + w4 * logAlphaTx[txi[i]]);
                sumAlpha += weight * (w3 * invAlphaT[ti[i]] + w4 * invAlphaTx[txi[i]]);
                sumW4 += weight * w4;
            }
            double dr = sumW * (digamma(power) - psiR + logAlpha) - sumLogT;
            double dAlpha = sumW * r / alpha - power * sumAlpha;
            double psiABX = digamma(a + b + x);
            double da = sumW * (psiAB - psiABX) + sumW4 / a;
            double db = sumW * (psiAB + digamma(b + x) - psiB - psiABX) - (x > 0 ? sumW4 / (b + x - 1) : 0);
            return new double[] { ll + sumW * constant, dr, dAlpha, da, db };
        }).toArray(double[][]::new);
        double total = 0, dr = 0, dAlpha = 0, da = 0, db = 0;
        for (double[] p : partial) {
            total += p[0];
            dr += p[1];
            dAlpha += p[2];
            da += p[3];
            db += p[4];
        }
        gradient[0] = -dr * r;
        gradient[1] = -dAlpha * alpha;
        gradient[2] = -da * a;
        gradient[3] = -db * b;
        return -total;
    }
}
