package io.rekindle.segment.prediction;

import static io.rekindle.segment.prediction.SpecialFunctions.digamma;
import static io.rekindle.segment.prediction.SpecialFunctions.logGamma;

import java.util.Arrays;
import java.util.Collection;

/**
 * Fits the Gamma-Gamma spend model by maximum likelihood on repeat customers ({@link Bfgs} on the logarithms of p,
 * q and gamma, with the analytic gradient). A customer's log-likelihood, from equation (3) of the note:
 * ln Gamma(px+q) - ln Gamma(px) - ln Gamma(q) + q ln gamma + (px-1) ln m + px ln x - (px+q) ln(gamma+mx).
 * The gamma and digamma terms depend on x alone: they are computed once per distinct x and evaluation (a million
 * customers have a few dozen), in the same order of operations as per customer, so the sums are unchanged.
 */
public final class GammaGammaFitter {

    private final int[] x;
    private final double[] logX;
    private final double[] spend;
    private final double[] logSpend;
    /** Each customer's index into {@link #distinctX}. */
    private final int[] xIndex;
    private final int[] distinctX;
    private final double meanSpend;

    public GammaGammaFitter(Collection<SpendHistory> histories) {
        int n = histories.size();
        x = new int[n];
        logX = new double[n];
        spend = new double[n];
        logSpend = new double[n];
        int i = 0;
        for (SpendHistory h : histories) {
            x[i] = h.x();
            logX[i] = Math.log(h.x());
            spend[i] = h.meanSpend();
            logSpend[i] = Math.log(h.meanSpend());
            i++;
        }
        distinctX = Arrays.stream(x).distinct().sorted().toArray();
        xIndex = Arrays.stream(x).map(v -> Arrays.binarySearch(distinctX, v)).toArray();
        meanSpend = histories.stream().mapToDouble(SpendHistory::meanSpend).average().orElse(1);
    }

    public GammaGammaFit fit() {
        if (x.length == 0) {
            throw new IllegalStateException("no repeat customers to fit spend on");
        }
        Bfgs.Minimum minimum = Bfgs.minimise(this::negativeLogLikelihood, new double[] { 0, 0, Math.log(meanSpend) },
                1e-9 * Math.max(1, x.length));
        double[] theta = minimum.x();
        return new GammaGammaFit(new GammaGammaParameters(Math.exp(theta[0]), Math.exp(theta[1]),
                Math.exp(theta[2])), -minimum.value(), x.length, minimum.evaluations());
    }

    /** The total log-likelihood of the data under the given parameters. */
    public double logLikelihood(GammaGammaParameters parameters) {
        return -negativeLogLikelihood(new double[] { Math.log(parameters.p()), Math.log(parameters.q()),
                Math.log(parameters.gamma()) }, new double[3]);
    }

    /**
     * -LL and its gradient with respect to the log-parameters: dLL/dp = x (psi(px+q) - psi(px) + ln m + ln x
     * - ln(gamma+mx)); dLL/dq = psi(px+q) - psi(q) + ln gamma - ln(gamma+mx); dLL/dgamma = q/gamma
     * - (px+q)/(gamma+mx).
     */
    private double negativeLogLikelihood(double[] theta, double[] gradient) {
        double p = Math.exp(theta[0]), q = Math.exp(theta[1]), gamma = Math.exp(theta[2]);
        if (!(Double.isFinite(p) && Double.isFinite(q) && Double.isFinite(gamma))) {
            return Double.NaN;
        }
        double logGammaQ = logGamma(q), psiQ = digamma(q), logG = Math.log(gamma);
        int groups = distinctX.length;
        double[] logGammaPxQ = new double[groups], logGammaPx = new double[groups];
        double[] psiPxQ = new double[groups], psiPx = new double[groups];
        for (int g = 0; g < groups; g++) {
            double px = p * distinctX[g];
            logGammaPxQ[g] = logGamma(px + q);
            logGammaPx[g] = logGamma(px);
            psiPxQ[g] = digamma(px + q);
            psiPx[g] = digamma(px);
        }
        double ll = 0, dp = 0, dq = 0, dGamma = 0;
        for (int i = 0; i < x.length; i++) {
            int g = xIndex[i];
            double px = p * x[i];
            double total = gamma + spend[i] * x[i];
            double logTotal = Math.log(total);
            ll += logGammaPxQ[g] - logGammaPx[g] - logGammaQ + q * logG + (px - 1) * logSpend[i] + px * logX[i]
                    - (px + q) * logTotal;
            dp += x[i] * (psiPxQ[g] - psiPx[g] + logSpend[i] + logX[i] - logTotal);
            dq += psiPxQ[g] - psiQ + logG - logTotal;
            dGamma += q / gamma - (px + q) / total;
        }
        gradient[0] = -dp * p;
        gradient[1] = -dq * q;
        gradient[2] = -dGamma * gamma;
        return -ll;
    }
}
