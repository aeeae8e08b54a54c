package io.rekindle.platform.testing;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For the services' tracing tests: the settings that turn tracing on and export it over OTLP/HTTP to a stand-in, a
 * caller's W3C traceparent to start a trace with, and the trace id read back from a header or found in an export.
 */
public final class Tracing {

    private static final Pattern TRACEPARENT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]");

    private Tracing() {
    }

    /**
     * Tracing on, spans exported at once over OTLP/HTTP to {@code collector} (its base URL, or a config expression:
     * Quarkus adds {@code /v1/traces}).
     */
    public static Map<String, String> exportingTo(String collector) {
        return Map.of("quarkus.otel.sdk.disabled", "false",
                "quarkus.otel.exporter.otlp.traces.protocol", "http/protobuf",
                "quarkus.otel.exporter.otlp.traces.endpoint", collector,
                "quarkus.otel.bsp.schedule.delay", "100ms");
    }

    /** A new random trace id, 32 hex digits. */
    public static String newTraceId() {
        byte[] id = new byte[16];
        ThreadLocalRandom.current().nextBytes(id);
        id[0] |= 0x10;
        return HexFormat.of().formatHex(id);
    }

    /** A sampled caller's span in that trace. */
    public static String traceparent(String traceId) {
        return "00-" + traceId + "-00f067aa0ba902b7-01";
    }

    /** The trace id of a traceparent header; null when it is missing or not one. */
    public static String traceIdOf(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        Matcher m = TRACEPARENT.matcher(traceparent);
        return m.matches() ? m.group(1) : null;
    }

    /** The span id of a traceparent header (the span the request was made in). */
    public static String spanIdOf(String traceparent) {
        Matcher m = TRACEPARENT.matcher(traceparent);
        return m.matches() ? m.group(2) : null;
    }

    /**
     * Whether, within 10 s, the collector has received a span of each trace: {@code exports} answers the bodies it
     * received so far (the spans leave in batches, 100 ms apart in {@link #exportingTo}).
     */
    public static boolean exported(Supplier<List<byte[]>> exports, String... traceIds) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (true) {
            List<byte[]> received = exports.get();
            if (Arrays.stream(traceIds).allMatch(id -> received.stream().anyMatch(body -> exportMentions(body, id)))) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(100);
        }
    }

    /** Whether an OTLP protobuf export carries the trace id (stored there as its 16 raw bytes). */
    public static boolean exportMentions(byte[] export, String traceId) {
        byte[] id = HexFormat.of().parseHex(traceId);
        outer:
        for (int i = 0; i + id.length <= export.length; i++) {
            for (int j = 0; j < id.length; j++) {
                if (export[i + j] != id[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
