package io.rekindle.platform.tracing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.rekindle.platform.testing.Tracing;

class TracesTest {

    private final InMemorySpanExporter exported = InMemorySpanExporter.create();
    private final SdkTracerProvider provider = SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(exported)).build();
    private final Traces traces = new Traces(OpenTelemetrySdk.builder().setTracerProvider(provider)
            .setPropagators(ContextPropagators.create(W3CTraceContextPropagator.getInstance())).build());

    @AfterEach
    void close() {
        provider.close();
    }

    @Test
    void aBatchFollowsTheFirstStoredTraceAndLinksTheOthers() {
        String first = Tracing.newTraceId();
        String second = Tracing.newTraceId();
        String inSpan;
        try (var span = traces.start("outbox", SpanKind.CLIENT, Arrays.asList(null, "not a traceparent",
                Tracing.traceparent(first), Tracing.traceparent(second), Tracing.traceparent(first)))) {
            inSpan = traces.current();
        }
        SpanData span = exported.getFinishedSpanItems().get(0);
        assertEquals(first, span.getTraceId());
        assertEquals("00f067aa0ba902b7", span.getParentSpanId());
        assertEquals(SpanKind.CLIENT, span.getKind());
        assertEquals(List.of(second), span.getLinks().stream().map(l -> l.getSpanContext().getTraceId()).toList(),
                "the first trace is the parent, not a link too; each other trace is linked once");
        assertEquals("00-" + first + "-" + span.getSpanId() + "-01", inSpan);
        assertNull(traces.current(), "closing the span restores the context before it");
    }

    @Test
    void workWithoutAStoredTraceStartsATraceOfItsOwn() {
        try (var span = traces.start("re-evaluation", SpanKind.INTERNAL, Arrays.asList((String) null))) {
            assertTrue(Tracing.traceIdOf(traces.current()) != null);
        }
        SpanData span = exported.getFinishedSpanItems().get(0);
        assertFalse(span.getParentSpanContext().isValid());
        assertTrue(span.getLinks().isEmpty());
    }

    @Test
    void aHugeBatchLinksNoMoreThanOpenTelemetryKeeps() {
        List<String> parents = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            parents.add(Tracing.traceparent(Tracing.newTraceId()));
        }
        try (var span = traces.start("sends", SpanKind.CLIENT, parents)) {
            span.attribute("rekindle.messages", parents.size());
        }
        List<LinkData> links = exported.getFinishedSpanItems().get(0).getLinks();
        assertEquals(Traces.MAX_LINKS, links.size());
        assertNotEquals(Tracing.traceIdOf(parents.get(0)), links.get(0).getSpanContext().getTraceId());
    }

    @Test
    void withTracingOffNothingIsStoredAndSpansStillOpenAndClose() {
        Traces off = new Traces(OpenTelemetry.noop());
        try (var span = off.start("send email", SpanKind.CLIENT, List.of(Tracing.traceparent(Tracing.newTraceId())))) {
            span.attribute("rekindle.message", "m-1").failed("refused");
            List<String> headers = new ArrayList<>();
            off.inject((name, value) -> headers.add(name));
            assertTrue(headers.isEmpty());
        }
        assertNull(off.current());
    }
}
