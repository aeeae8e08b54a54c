package io.rekindle.demo;

import java.nio.charset.StandardCharsets;

/**
 * Deterministic chance: a uniform number in [0, 1) from the seed and what is being decided (customer, purpose, day,
 * message), so the same seed gives the same decisions whatever order the mail arrives in or the threads run.
 */
final class Draws {

    private final long seed;

    Draws(long seed) {
        this.seed = seed;
    }

    double uniform(Object... what) {
        long h = seed * 0x9E3779B97F4A7C15L;
        for (Object part : what) {
            for (byte b : String.valueOf(part).getBytes(StandardCharsets.UTF_8)) {
                h = mix(h ^ b);
            }
            h = mix(h ^ 0xFF);
        }
        return (h >>> 11) * 0x1.0p-53;
    }

    /** Picks an index with probability proportional to its weight. */
    int pick(int[] weights, Object... what) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        double u = uniform(what) * total;
        for (int i = 0; i < weights.length; i++) {
            u -= weights[i];
            if (u < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }

    /** SplitMix64's finaliser. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
