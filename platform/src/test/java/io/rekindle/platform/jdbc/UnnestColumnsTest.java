package io.rekindle.platform.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UnnestColumnsTest {

    @Test
    void theUnnestCallNamesEveryColumnInOrderWithTheRowNumberLast() {
        UnnestColumns columns = new UnnestColumns(2, "id", "kind");
        assertEquals("unnest(?::text[], ?::text[]) WITH ORDINALITY AS u(id, kind, n)", columns.unnest());
    }

    @Test
    void valuesAreSetAndReadByColumnName() {
        UnnestColumns columns = new UnnestColumns(2, "id", "kind");
        columns.set(1, "kind", "opened");
        assertEquals("opened", columns.get(1, "kind"));
        assertEquals(null, columns.get(0, "kind"));
        assertThrows(IllegalArgumentException.class, () -> columns.set(0, "knid", "x"));
    }
}
