package io.rekindle.segment.intake;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import java.io.IOException;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.platform.http.Problem;
import io.rekindle.platform.http.Problems;

/**
 * The one way batches are taken in: at most {@value #MAX_ROWS} rows, each read and checked on its own, the good ones
 * stored together in one transaction (the last of several rows with the same id wins), the bad ones reported.
 */
@ApplicationScoped
public class BatchIntake {

    public static final int MAX_ROWS = 10_000;

    private final RowValidator rows;
    private final ObjectMapper mapper;

    BatchIntake(RowValidator rows, ObjectMapper mapper) {
        this.rows = rows;
        this.mapper = mapper;
    }

    /**
     * The same for a raw body: rows are bound straight to {@code type} when every row is readable (the fast path for
     * large imports) and one by one otherwise, so a row with a wrong type is reported rather than failing the batch.
     */
    public <T> BatchReport process(byte[] body, Class<T> type, Function<T, List<Problem.FieldError>> check,
            Function<T, String> idOf, Consumer<List<T>> store) {
        List<JsonNode> nodes;
        try {
            List<T> bound = mapper.readValue(body, mapper.getTypeFactory().constructCollectionType(List.class, type));
            if (bound != null && !bound.contains(null) && bound.size() <= MAX_ROWS) {
                return processBound(bound, check, idOf, store);
            }
            nodes = mapper.readValue(body, new TypeReference<List<JsonNode>>() {
            });
        } catch (JsonParseException e) {
            throw new WebApplicationException(e, 400);
        } catch (IOException e) {
            try {
                nodes = mapper.readValue(body, new TypeReference<List<JsonNode>>() {
                });
            } catch (IOException notAnArray) {
                throw new WebApplicationException(notAnArray, 400);
            }
        }
        return process(nodes, type, check, idOf, store);
    }

    private <T> BatchReport processBound(List<T> bound, Function<T, List<Problem.FieldError>> check,
            Function<T, String> idOf, Consumer<List<T>> store) {
        if (bound.isEmpty()) {
            throw new WebApplicationException(Problems.badRequest("body", "must be a non-empty JSON array of rows"));
        }
        Map<String, T> good = new LinkedHashMap<>();
        List<BatchReport.RejectedRow> rejected = new ArrayList<>();
        for (int i = 0; i < bound.size(); i++) {
            T row = bound.get(i);
            List<Problem.FieldError> errors = rows.validate(row);
            if (errors.isEmpty()) {
                errors = check.apply(row);
            }
            if (errors.isEmpty()) {
                good.put(idOf.apply(row), row);
            } else {
                rejected.add(new BatchReport.RejectedRow(i, idOf.apply(row), errors));
            }
        }
        if (!good.isEmpty()) {
            store.accept(new ArrayList<>(good.values()));
        }
        return new BatchReport(bound.size(), good.size(), rejected);
    }

    /**
     * @param check  further checks of a readable row (for example dates too far in the future): its errors
     * @param idOf   the row's natural key
     * @param store  stores the good rows, deduplicated by key, in one transaction
     */
    public <T> BatchReport process(List<JsonNode> body, Class<T> type, Function<T, List<Problem.FieldError>> check,
            Function<T, String> idOf, Consumer<List<T>> store) {
        if (body == null || body.isEmpty()) {
            throw new WebApplicationException(Problems.badRequest("body", "must be a non-empty JSON array of rows"));
        }
        if (body.size() > MAX_ROWS) {
            throw new WebApplicationException(Problems.of(jakarta.ws.rs.core.Response.Status.REQUEST_ENTITY_TOO_LARGE,
                    "batch-too-large", "A batch holds at most " + MAX_ROWS + " rows; this one has " + body.size()
                            + ". Nothing was stored.",
                    List.of(new Problem.FieldError("body", "at most " + MAX_ROWS + " rows"))));
        }
        Map<String, T> good = new LinkedHashMap<>();
        List<BatchReport.RejectedRow> rejected = new ArrayList<>();
        for (int i = 0; i < body.size(); i++) {
            JsonNode node = body.get(i);
            RowValidator.Row<T> row = rows.read(node, type);
            List<Problem.FieldError> errors = row.isValid() ? check.apply(row.value()) : row.errors();
            if (errors.isEmpty()) {
                good.put(idOf.apply(row.value()), row.value());
            } else {
                JsonNode id = node == null ? null : node.get(idField(type));
                rejected.add(new BatchReport.RejectedRow(i, id == null || !id.isValueNode() ? null : id.asText(),
                        errors));
            }
        }
        if (!good.isEmpty()) {
            store.accept(new ArrayList<>(good.values()));
        }
        return new BatchReport(body.size(), good.size(), rejected);
    }

    private static String idField(Class<?> type) {
        IdField annotation = type.getAnnotation(IdField.class);
        return annotation == null ? "id" : annotation.value();
    }
}
