package io.rekindle.segment.metrics;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

import org.postgresql.util.ByteConverter;

/**
 * Rows in PostgreSQL's binary COPY format, for the store-wide rewrites of a million rows and more: the server takes
 * the values as they are stored instead of parsing text, and no double or timestamp is printed on the way (in the
 * text format, printing them was most of the Java side of the rewrite). Each {@link #toBytes()} is one complete COPY
 * (header, rows, trailer), so a large table goes as several.
 */
final class CopyBinary {

    private static final byte[] SIGNATURE = { 'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xff, '\r', '\n', 0 };
    private static final Instant POSTGRES_EPOCH = Instant.parse("2000-01-01T00:00:00Z");
    private static final LocalDate POSTGRES_EPOCH_DAY = LocalDate.of(2000, 1, 1);

    private byte[] buffer;
    private int size;
    private int rows;

    CopyBinary(int expectedBytes) {
        buffer = new byte[Math.max(64, expectedBytes)];
        start();
    }

    int rows() {
        return rows;
    }

    CopyBinary row(int fields) {
        putShort(fields);
        rows++;
        return this;
    }

    CopyBinary text(String value) {
        return value == null ? nullValue() : field(value.getBytes(StandardCharsets.UTF_8));
    }

    CopyBinary timestamp(Instant value) {
        if (value == null) {
            return nullValue();
        }
        putInt(8);
        putLong(ChronoUnit.MICROS.between(POSTGRES_EPOCH, value));
        return this;
    }

    CopyBinary date(LocalDate value) {
        if (value == null) {
            return nullValue();
        }
        putInt(4);
        putInt((int) ChronoUnit.DAYS.between(POSTGRES_EPOCH_DAY, value));
        return this;
    }

    CopyBinary int4(Integer value) {
        if (value == null) {
            return nullValue();
        }
        putInt(4);
        putInt(value);
        return this;
    }

    CopyBinary int2(Integer value) {
        if (value == null) {
            return nullValue();
        }
        putInt(2);
        putShort(value);
        return this;
    }

    CopyBinary float8(Double value) {
        if (value == null) {
            return nullValue();
        }
        putInt(8);
        putLong(Double.doubleToLongBits(value));
        return this;
    }

    CopyBinary numeric(BigDecimal value) {
        return value == null ? nullValue() : field(ByteConverter.numeric(value));
    }

    /** The COPY so far, trailer included; the writer then starts the next one. */
    byte[] toBytes() {
        putShort(-1);
        byte[] copy = Arrays.copyOf(buffer, size);
        size = 0;
        rows = 0;
        start();
        return copy;
    }

    private void start() {
        putBytes(SIGNATURE);
        putInt(0);
        putInt(0);
    }

    private CopyBinary nullValue() {
        putInt(-1);
        return this;
    }

    private CopyBinary field(byte[] value) {
        putInt(value.length);
        putBytes(value);
        return this;
    }

    private void putShort(int value) {
        room(2);
        buffer[size++] = (byte) (value >>> 8);
        buffer[size++] = (byte) value;
    }

    private void putInt(int value) {
        room(4);
        for (int shift = 24; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    private void putLong(long value) {
        room(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[size++] = (byte) (value >>> shift);
        }
    }

    private void putBytes(byte[] value) {
        room(value.length);
        System.arraycopy(value, 0, buffer, size, value.length);
        size += value.length;
    }

    private void room(int bytes) {
        if (size + bytes > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, size + bytes));
        }
    }
}
