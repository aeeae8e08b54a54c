package io.rekindle.platform.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;

/**
 * A batch of rows written in one statement, as one text array per named column, for
 * {@code INSERT ... SELECT ... FROM unnest(?::text[], ...) WITH ORDINALITY AS u(<names>, n)}: a round trip for the
 * whole batch instead of one per row, and every value set by its column's name rather than its position.
 */
public final class UnnestColumns {

    private final List<String> names;
    private final String[][] values;

    public UnnestColumns(int rows, String... names) {
        this.names = List.of(names);
        this.values = new String[names.length][rows];
    }

    public void set(int row, String column, String value) {
        values[index(column)][row] = value;
    }

    public String get(int row, String column) {
        return values[index(column)][row];
    }

    /** {@code unnest(?::text[], ...) WITH ORDINALITY AS u(<names>, n)}: rows in the order given, as {@code n}. */
    public String unnest() {
        return "unnest(" + String.join(", ", names.stream().map(n -> "?::text[]").toList())
                + ") WITH ORDINALITY AS u(" + String.join(", ", names) + ", n)";
    }

    /** Binds the arrays in the order of {@link #unnest()} from this parameter on; answers the next parameter. */
    public int bind(PreparedStatement ps, int first) throws SQLException {
        Connection c = ps.getConnection();
        for (int i = 0; i < values.length; i++) {
            ps.setArray(first + i, c.createArrayOf("text", values[i]));
        }
        return first + values.length;
    }

    private int index(String column) {
        int i = names.indexOf(column);
        if (i < 0) {
            throw new IllegalArgumentException("no column " + column + " among " + names);
        }
        return i;
    }
}
