package io.rekindle.scenario.engine;

/**
 * What the journal records of an enrollment; stored as its {@link #value()}, counted by the report. The kinds the
 * engine writes are the constants; a wait_for step that saw its event records the event's type ({@link #seen}),
 * which may be a storefront's own.
 */
public record JournalKind(String value) {

    public static final JournalKind ENTERED = new JournalKind("entered");
    public static final JournalKind SENT = new JournalKind("sent");
    public static final JournalKind HELD_OUT = new JournalKind("held_out");
    public static final JournalKind CAPPED = new JournalKind("capped");
    public static final JournalKind FAILED = new JournalKind("failed");
    public static final JournalKind INVITED = new JournalKind("invited");
    public static final JournalKind CONVERTED = new JournalKind("converted");
    public static final JournalKind SUPPRESSED = new JournalKind("suppressed");
    public static final JournalKind ERASED = new JournalKind("erased");
    public static final JournalKind EXITED = new JournalKind("exited");

    public JournalKind {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("a journal kind is named");
        }
    }

    /** A waited-for event was seen (opened, clicked, purchased...). */
    public static JournalKind seen(String eventType) {
        return new JournalKind(eventType);
    }

    /** An enrollment ended so: journaled under the outcome's name at the step it was at. */
    static JournalKind ended(Outcome outcome) {
        return new JournalKind(outcome.value());
    }
}
