package io.rekindle.segment.metrics;

/** PostgreSQL COPY text format: tab-separated fields, \N for null, backslash escapes. */
final class CopyText {

    private CopyText() {
    }

    static String escape(String value) {
        StringBuilder out = new StringBuilder(value.length());
        appendEscaped(out, value);
        return out.toString();
    }

    /** Appends one field and its tab. */
    static void field(StringBuilder out, Object value) {
        value(out, value);
        out.append('\t');
    }

    /** Appends a row's last field and the end of the row. */
    static void lastField(StringBuilder out, Object value) {
        value(out, value);
        out.append('\n');
    }

    private static void value(StringBuilder out, Object value) {
        if (value == null) {
            out.append("\\N");
        } else if (value instanceof String s) {
            appendEscaped(out, s);
        } else {
            out.append(value);
        }
    }

    private static void appendEscaped(StringBuilder out, String s) {
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }
}
