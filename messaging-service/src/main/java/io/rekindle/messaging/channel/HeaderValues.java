package io.rekindle.messaging.channel;

/**
 * Header values Rekindle writes (subject, addresses, List-Unsubscribe) hold no control characters: a bare CR or LF
 * in a rendered subject would otherwise start a header of the customer's choosing, or end the header block.
 */
public final class HeaderValues {

    private HeaderValues() {
    }

    /** The value with every run of control characters (CR, LF, TAB, NUL...) as one space. */
    public static String clean(String value) {
        return value == null ? null : value.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]+", " ").strip();
    }

    public static boolean hasControlCharacters(String value) {
        return value != null && !value.equals(value.replaceAll("[\\p{Cntrl}\\u2028\\u2029\\u0085]", ""));
    }
}
