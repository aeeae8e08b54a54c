package io.rekindle.segment.recommendation;

/** How products are picked; every strategy falls back to bestsellers to fill the list. */
public enum Strategy {
    LAST_CATEGORY("last-category"),
    VIEWED_SIMILAR("viewed-similar"),
    BESTSELLERS("bestsellers");

    private final String key;

    Strategy(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }

    public static Strategy of(String key) {
        for (Strategy s : values()) {
            if (s.key.equals(key)) {
                return s;
            }
        }
        return null;
    }
}
