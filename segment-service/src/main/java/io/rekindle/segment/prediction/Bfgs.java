package io.rekindle.segment.prediction;

/**
 * Minimises a smooth function of unconstrained variables by BFGS with a backtracking (Armijo) line search, from the
 * value and analytic gradient the objective gives. The models fit the logarithms of their parameters, so every
 * parameter stays positive; steps are capped so an {@code exp()} of them cannot overflow.
 */
final class Bfgs {

    private static final int MAX_ITERATIONS = 500;

    /** The value at {@code x}, with its gradient written to {@code gradient}; NaN where the function is undefined. */
    interface Objective {
        double valueAndGradient(double[] x, double[] gradient);
    }

    /** Where the search stopped, the value there and how many times the objective was evaluated. */
    record Minimum(double[] x, double value, int evaluations) {
    }

    private Bfgs() {
    }

    /** Stops when every gradient component is below {@code gradientTolerance}, or when steps stop improving. */
    static Minimum minimise(Objective f, double[] start, double gradientTolerance) {
        int n = start.length;
        double[] theta = start.clone();
        double[] gradient = new double[n];
        double value = f.valueAndGradient(theta, gradient);
        double[][] inverseHessian = identity(n);
        int evaluations = 1;
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] direction = times(inverseHessian, gradient, -1);
            double slope = dot(gradient, direction);
            if (slope >= 0) {
                inverseHessian = identity(n);
                direction = times(inverseHessian, gradient, -1);
                slope = dot(gradient, direction);
            }
            double step = Math.min(1, 2 / Math.max(1e-12, maxAbs(direction)));
            double[] next = null;
            double[] nextGradient = new double[n];
            double nextValue = Double.NaN;
            for (int tries = 0; tries < 60; tries++) {
                next = plus(theta, direction, step);
                nextValue = f.valueAndGradient(next, nextGradient);
                evaluations++;
                if (Double.isFinite(nextValue) && nextValue <= value + 1e-4 * step * slope) {
                    break;
                }
                step /= 2;
            }
            if (!Double.isFinite(nextValue) || nextValue > value) {
                break;
            }
            double[] s = minus(next, theta);
            double[] y = minus(nextGradient, gradient);
            double improvement = value - nextValue;
            theta = next;
            gradient = nextGradient;
            value = nextValue;
            if (maxAbs(gradient) < gradientTolerance || (improvement < 1e-13 * Math.abs(value) && maxAbs(s) < 1e-10)) {
                break;
            }
            double sy = dot(s, y);
            if (sy > 1e-16) {
                inverseHessian = bfgsUpdate(inverseHessian, s, y, sy);
            }
        }
        return new Minimum(theta, value, evaluations);
    }

    private static double[][] bfgsUpdate(double[][] h, double[] s, double[] y, double sy) {
        int n = s.length;
        double[] hy = times(h, y, 1);
        double yhy = dot(y, hy);
        double[][] next = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                next[i][j] = h[i][j] + ((sy + yhy) * s[i] * s[j]) / (sy * sy) - (hy[i] * s[j] + s[i] * hy[j]) / sy;
            }
        }
        return next;
    }

    private static double[][] identity(int n) {
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            m[i][i] = 1;
        }
        return m;
    }

    private static double[] times(double[][] m, double[] v, double factor) {
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            for (int j = 0; j < v.length; j++) {
                out[i] += factor * m[i][j] * v[j];
            }
        }
        return out;
    }

    private static double dot(double[] u, double[] v) {
        double sum = 0;
        for (int i = 0; i < u.length; i++) {
            sum += u[i] * v[i];
        }
        return sum;
    }

    private static double[] plus(double[] u, double[] v, double factor) {
        double[] out = new double[u.length];
        for (int i = 0; i < u.length; i++) {
            out[i] = u[i] + factor * v[i];
        }
        return out;
    }

    private static double[] minus(double[] u, double[] v) {
        return plus(u, v, -1);
    }

    private static double maxAbs(double[] v) {
        double max = 0;
        for (double d : v) {
            max = Math.max(max, Math.abs(d));
        }
        return max;
    }
}
