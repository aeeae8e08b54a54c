package io.rekindle.segment.metrics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

/** How many scored customers have each R, F and M score, and how many fall in each named cell. */
public record RfmDistribution(LocalDate asOf, long windowDays, long customers, Map<Integer, Long> recency,
        Map<Integer, Long> frequency, Map<Integer, Long> monetary, Map<String, Long> cells, Map<String, Long> scores) {

    static final class Builder {
        private final LocalDate asOf;
        private final Duration window;
        private long customers;
        private final Map<Integer, Long> r = new TreeMap<>(), f = new TreeMap<>(), m = new TreeMap<>();
        private final Map<String, Long> cells = new TreeMap<>(), scores = new TreeMap<>();

        Builder(LocalDate asOf, Duration window) {
            this.asOf = asOf;
            this.window = window;
        }

        void add(int recency, int frequency, int monetary, long count) {
            customers += count;
            r.merge(recency, count, Long::sum);
            f.merge(frequency, count, Long::sum);
            m.merge(monetary, count, Long::sum);
            cells.merge(RfmCell.of(recency, frequency, monetary), count, Long::sum);
            scores.merge("" + recency + frequency + monetary, count, Long::sum);
        }

        RfmDistribution build() {
            return new RfmDistribution(asOf, window.toDays(), customers, r, f, m, cells, scores);
        }
    }
}
