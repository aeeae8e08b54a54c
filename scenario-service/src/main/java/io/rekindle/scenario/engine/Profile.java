package io.rekindle.scenario.engine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What the engine reads of segment-service's customer profile, as {@code GET /v1/customers/{id}} and
 * {@code POST /v1/customers/lookup} answer it.
 */
public record Profile(JsonNode json) {

    public ZoneId zone() {
        String tz = json.path("timezone").asText(null);
        try {
            return tz == null ? ZoneOffset.UTC : ZoneId.of(tz);
        } catch (RuntimeException e) {
            return ZoneOffset.UTC;
        }
    }

    public String locale() {
        return json.path("locale").asText(null);
    }

    public Instant lastOrderAt() {
        String at = json.path("metrics").path("lastOrderAt").asText(null);
        return at == null ? null : Instant.parse(at);
    }

    public BigDecimal revenue() {
        JsonNode revenue = json.path("metrics").path("revenue");
        return revenue.isNumber() ? revenue.decimalValue() : BigDecimal.ZERO;
    }

    /** Orders and revenue over the pre-entry period, when segment-service gave them. */
    public PreEntry preEntry() {
        JsonNode spend = json.path("recentSpend");
        return spend.path("orders").isNumber() ? new PreEntry(spend.path("orders").asInt(),
                spend.path("revenue").isNumber() ? spend.path("revenue").decimalValue() : BigDecimal.ZERO) : null;
    }

    /** A customer's behaviour before entry: what CUPED adjusts the outcome by. */
    public record PreEntry(int orders, BigDecimal revenue) {
    }

    public Double averageGapDays() {
        JsonNode gap = json.path("metrics").path("rhythm").path("averageGapDays");
        return gap.isNumber() ? gap.asDouble() : null;
    }

    public LocalDate expectedNextOrderOn() {
        String on = json.path("metrics").path("prediction").path("expectedNextOrderOn").asText(null);
        return on == null ? null : LocalDate.parse(on);
    }

    public Double rfmPercentile() {
        JsonNode p = json.path("metrics").path("rfm").path("percentile");
        return p.isNumber() ? p.asDouble() : null;
    }

    /** A field by dotted path as segment rules name them (rfm.percentile, daysSinceLastOrder, attributes.vip). */
    public JsonNode field(String path) {
        JsonNode inMetrics = walk(json.path("metrics"), path);
        return inMetrics.isMissingNode() ? walk(json, path) : inMetrics;
    }

    private static JsonNode walk(JsonNode node, String path) {
        for (String part : path.split("\\.")) {
            node = node.path(part);
        }
        return node;
    }
}
