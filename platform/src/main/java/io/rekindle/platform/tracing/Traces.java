package io.rekindle.platform.tracing;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;

import jakarta.enterprise.context.ApplicationScoped;

import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapGetter;

/**
 * A customer's journey crosses queues as well as calls: a segment change waits in the feed, an enrollment for its
 * timer, a message in the send queue, an engagement event in the outbox. Each stores the W3C {@code traceparent} of
 * the span that made it ({@link #current()}), and the worker that takes it up later continues that trace
 * ({@link #start}). Work taken up in batches follows the first item's trace and links the others', as OpenTelemetry
 * advises for batches. With the SDK disabled (the default) every span is a no-op and nothing is stored.
 */
@ApplicationScoped
public class Traces {

    public static final String HEADER = "traceparent";
    /** OpenTelemetry's default limit of links per span. */
    static final int MAX_LINKS = 128;

    private static final W3CTraceContextPropagator W3C = W3CTraceContextPropagator.getInstance();
    private static final TextMapGetter<Map<String, String>> MAP = new TextMapGetter<>() {
        @Override
        public Iterable<String> keys(Map<String, String> carrier) {
            return carrier.keySet();
        }

        @Override
        public String get(Map<String, String> carrier, String key) {
            return carrier == null ? null : carrier.get(key);
        }
    };

    private final Tracer tracer;
    /** Off when the SDK is (its propagators then carry nothing): no stored trace is taken up again either. */
    private final boolean on;

    Traces(OpenTelemetry openTelemetry) {
        this.tracer = openTelemetry.getTracer("io.rekindle");
        this.on = !openTelemetry.getPropagators().getTextMapPropagator().fields().isEmpty();
    }

    /** The current span as a W3C traceparent, or null when there is none (tracing off, or outside any span). */
    public String current() {
        if (!on || !Span.current().getSpanContext().isValid()) {
            return null;
        }
        Map<String, String> carrier = new HashMap<>();
        W3C.inject(Context.current(), carrier, Map::put);
        return carrier.get(HEADER);
    }

    /** Adds the current span's traceparent to an outgoing request, if there is one. */
    public void inject(BiConsumer<String, String> header) {
        String traceparent = current();
        if (traceparent != null) {
            header.accept(HEADER, traceparent);
        }
    }

    /** {@link #start(String, SpanKind, Collection)} for work taken up alone: the child of its stored traceparent. */
    public Traced start(String name, SpanKind kind, String parent) {
        return start(name, kind, java.util.Collections.singletonList(parent));
    }

    /**
     * Starts a span and makes it current until closed: the child of the first stored traceparent, linked to the
     * others (null or malformed ones are skipped; without any, the span starts a trace of its own).
     */
    public Traced start(String name, SpanKind kind, Collection<String> parents) {
        Set<SpanContext> contexts = new LinkedHashSet<>();
        for (String parent : on ? parents : java.util.List.<String>of()) {
            SpanContext context = parse(parent);
            if (context.isValid() && contexts.size() <= MAX_LINKS) {
                contexts.add(context);
            }
        }
        SpanBuilder builder = tracer.spanBuilder(name).setSpanKind(kind);
        var iterator = contexts.iterator();
        if (iterator.hasNext()) {
            builder.setParent(Context.root().with(Span.wrap(iterator.next())));
        } else {
            builder.setNoParent();
        }
        iterator.forEachRemaining(builder::addLink);
        Span span = builder.startSpan();
        return new Traced(span, span.makeCurrent());
    }

    /** A span started here; closing it ends it and restores the context that was current before. */
    public record Traced(Span span, Scope scope) implements AutoCloseable {

        public Traced attribute(String key, String value) {
            span.setAttribute(key, value);
            return this;
        }

        public Traced attribute(String key, long value) {
            span.setAttribute(key, value);
            return this;
        }

        public void failed(String why) {
            span.setStatus(StatusCode.ERROR, why);
        }

        @Override
        public void close() {
            scope.close();
            span.end();
        }
    }

    static SpanContext parse(String traceparent) {
        if (traceparent == null) {
            return SpanContext.getInvalid();
        }
        return Span.fromContext(W3C.extract(Context.root(), Map.of(HEADER, traceparent), MAP)).getSpanContext();
    }
}
