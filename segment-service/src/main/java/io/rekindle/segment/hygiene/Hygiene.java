package io.rekindle.segment.hygiene;

/** The verdict on one address, with a corrected address where a typo is likely. */
public record Hygiene(HygieneStatus status, String suggestion) {

    static Hygiene of(HygieneStatus status) {
        return new Hygiene(status, null);
    }
}
