package io.rekindle.segment.prediction;

import static io.rekindle.segment.prediction.SpecialFunctions.hypergeometric2F1;
import static io.rekindle.segment.prediction.SpecialFunctions.logBeta;
import static io.rekindle.segment.prediction.SpecialFunctions.logGamma;

/** The BG/NBD model of Fader, Hardie and Lee (2005), "Counting Your Customers the Easy Way", with given parameters. */
public final class BgNbdModel {

    private final BgNbdParameters p;

    public BgNbdModel(BgNbdParameters parameters) {
        this.p = parameters;
    }

    public BgNbdParameters parameters() {
        return p;
    }

    /** ln L(r, alpha, a, b | x, tx, T): equation (6) of the paper. */
    public double logLikelihood(PurchaseHistory h) {
        return logLikelihood(p.r(), p.alpha(), p.a(), p.b(), h.x(), h.tx(), h.t());
    }

    static double logLikelihood(double r, double alpha, double a, double b, int x, double tx, double t) {
        double a1 = logGamma(r + x) - logGamma(r) + r * Math.log(alpha);
        double a2 = logBeta(a, b + x) - logBeta(a, b);
        double a3 = -(r + x) * Math.log(alpha + t);
        if (x == 0) {
            return a1 + a2 + a3;
        }
        double a4 = Math.log(a) - Math.log(b + x - 1) - (r + x) * Math.log(alpha + tx);
        double max = Math.max(a3, a4);
        return a1 + a2 + max + Math.log(Math.exp(a3 - max) + Math.exp(a4 - max));
    }

    /** P(alive | x, tx, T): equation (11). A customer with no repeat purchase cannot have dropped out yet. */
    public double probabilityAlive(PurchaseHistory h) {
        if (h.x() == 0) {
            return 1.0;
        }
        return 1.0 / (1.0 + oddsOfDropout(h));
    }

    /** E[Y(t) | x, tx, T], the expected purchases in the next {@code horizon}: equation (10). */
    public double expectedPurchases(PurchaseHistory h, double horizon) {
        if (horizon <= 0) {
            return 0;
        }
        double r = p.r(), alpha = p.alpha(), a = p.a(), b = p.b();
        int x = h.x();
        double z = horizon / (alpha + h.t() + horizon);
        double hyper = hypergeometric2F1(r + x, b + x, a + b + x - 1, z);
        double numerator = (a + b + x - 1) / (a - 1)
                * (1 - Math.pow((alpha + h.t()) / (alpha + h.t() + horizon), r + x) * hyper);
        double denominator = 1 + (x > 0 ? oddsOfDropout(h) : 0);
        return numerator / denominator;
    }

    /** E[X(t)] for a customer picked at random: equation (9). */
    public double expectedPurchasesOfNewCustomer(double horizon) {
        double r = p.r(), alpha = p.alpha(), a = p.a(), b = p.b();
        double hyper = hypergeometric2F1(r, b, a + b - 1, horizon / (alpha + horizon));
        return (a + b - 1) / (a - 1) * (1 - Math.pow(alpha / (alpha + horizon), r) * hyper);
    }

    private double oddsOfDropout(PurchaseHistory h) {
        return p.a() / (p.b() + h.x() - 1) * Math.pow((p.alpha() + h.t()) / (p.alpha() + h.tx()), p.r() + h.x());
    }
}
