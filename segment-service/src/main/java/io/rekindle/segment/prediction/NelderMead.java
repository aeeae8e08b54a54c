package io.rekindle.segment.prediction;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.ToDoubleFunction;

/** Derivative-free minimisation (Nelder and Mead's simplex), enough for the four BG/NBD parameters. */
final class NelderMead {

    record Result(double[] point, double value, int evaluations) {
    }

    private NelderMead() {
    }

    static Result minimize(ToDoubleFunction<double[]> f, double[] start, double step, double tolerance,
            int maxEvaluations) {
        int n = start.length;
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            double[] vertex = start.clone();
            vertex[i] += step;
            simplex[i + 1] = vertex;
        }
        int evaluations = 0;
        for (int i = 0; i <= n; i++) {
            values[i] = safe(f, simplex[i]);
            evaluations++;
        }
        Integer[] order = new Integer[n + 1];
        while (evaluations < maxEvaluations) {
            for (int i = 0; i <= n; i++) {
                order[i] = i;
            }
            final double[] v = values;
            Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
            double[][] sorted = new double[n + 1][];
            double[] sortedValues = new double[n + 1];
            for (int i = 0; i <= n; i++) {
                sorted[i] = simplex[order[i]];
                sortedValues[i] = values[order[i]];
            }
            simplex = sorted;
            values = sortedValues;
            if (converged(simplex, values, tolerance)) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] worst = simplex[n];
            double[] reflected = along(centroid, worst, -1);
            double fr = safe(f, reflected);
            evaluations++;
            if (fr < values[0]) {
                double[] expanded = along(centroid, worst, -2);
                double fe = safe(f, expanded);
                evaluations++;
                if (fe < fr) {
                    simplex[n] = expanded;
                    values[n] = fe;
                } else {
                    simplex[n] = reflected;
                    values[n] = fr;
                }
            } else if (fr < values[n - 1]) {
                simplex[n] = reflected;
                values[n] = fr;
            } else {
                boolean outside = fr < values[n];
                double[] contracted = outside ? along(centroid, worst, -0.5) : along(centroid, worst, 0.5);
                double fc = safe(f, contracted);
                evaluations++;
                if (fc < Math.min(fr, values[n])) {
                    simplex[n] = contracted;
                    values[n] = fc;
                } else {
                    for (int i = 1; i <= n; i++) {
                        simplex[i] = along(simplex[0], simplex[i], 0.5);
                        values[i] = safe(f, simplex[i]);
                        evaluations++;
                    }
                }
            }
        }
        int best = 0;
        for (int i = 1; i <= n; i++) {
            if (values[i] < values[best]) {
                best = i;
            }
        }
        return new Result(simplex[best], values[best], evaluations);
    }

    /** centroid + t (point - centroid). */
    private static double[] along(double[] centroid, double[] point, double t) {
        double[] result = new double[centroid.length];
        for (int j = 0; j < centroid.length; j++) {
            result[j] = centroid[j] + t * (point[j] - centroid[j]);
        }
        return result;
    }

    private static boolean converged(double[][] simplex, double[] values, double tolerance) {
        if (Math.abs(values[values.length - 1] - values[0]) > tolerance * (Math.abs(values[0]) + tolerance)) {
            return false;
        }
        for (int i = 1; i < simplex.length; i++) {
            for (int j = 0; j < simplex[0].length; j++) {
                if (Math.abs(simplex[i][j] - simplex[0][j]) > 1e-7) {
                    return false;
                }
            }
        }
        return true;
    }

    private static double safe(ToDoubleFunction<double[]> f, double[] x) {
        double value = f.applyAsDouble(x);
        return Double.isFinite(value) ? value : Double.MAX_VALUE;
    }
}
