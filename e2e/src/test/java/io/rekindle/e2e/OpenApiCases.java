package io.rekindle.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Bad requests made from a service's stored OpenAPI document, for every operation under /v1: a JSON body of the
 * wrong shape, without its required fields, and for each property of the body a value of the wrong type, a string
 * one character over its maxLength, a number beyond its minimum or maximum, a value outside its enum; a query
 * parameter of the wrong type. Each body holds nothing valid, so every answer must be a 4xx. (A batch's rows are
 * not made bad one by one: a batch answers 200 naming its rejected rows.)
 */
final class OpenApiCases {

    record Generated(String name, String service, String method, String path, String body) {

        @Override
        public String toString() {
            return service + " " + method + " " + path + ": " + name;
        }
    }

    private static final Set<String> METHODS = Set.of("get", "post", "put", "patch", "delete");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private final String service;
    private final JsonNode document;
    private final List<Generated> cases = new ArrayList<>();

    private OpenApiCases(String service, JsonNode document) {
        this.service = service;
        this.document = document;
    }

    static List<Generated> from(String service, Path document) throws IOException {
        OpenApiCases generator = new OpenApiCases(service, YAML.readTree(document.toFile()));
        generator.generate();
        return generator.cases;
    }

    private void generate() {
        for (Iterator<Map.Entry<String, JsonNode>> paths = document.path("paths").fields(); paths.hasNext();) {
            Map.Entry<String, JsonNode> p = paths.next();
            if (!p.getKey().startsWith("/v1/")) {
                continue;
            }
            String path = p.getKey().replaceAll("\\{[^}]+}", "bad-input");
            Set<String> fromPath = new java.util.HashSet<>();
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\{([^}]+)}").matcher(p.getKey());
            while (names.find()) {
                fromPath.add(names.group(1));
            }
            for (Iterator<Map.Entry<String, JsonNode>> ops = p.getValue().fields(); ops.hasNext();) {
                Map.Entry<String, JsonNode> op = ops.next();
                if (METHODS.contains(op.getKey())) {
                    operation(op.getKey().toUpperCase(), path, op.getValue(), fromPath);
                }
            }
        }
    }

    /** @param fromPath the names the path supplies (a body's sku on PUT /v1/products/{sku} need not be sent) */
    private void operation(String method, String path, JsonNode op, Set<String> fromPath) {
        JsonNode body = op.path("requestBody").path("content").path("application/json").path("schema");
        if (body.isMissingNode()) {
            queryParameters(method, path, op);
            return;
        }
        JsonNode schema = resolve(body);
        if ("array".equals(schema.path("type").asText())) {
            add("an object where an array belongs", method, path, "{}");
            return;
        }
        if (!schema.has("properties")) {
            return;
        }
        add("an array where an object belongs", method, path, "[]");
        List<String> required = new ArrayList<>();
        schema.path("required").forEach(r -> {
            if (!fromPath.contains(r.asText())) {
                required.add(r.asText());
            }
        });
        if (!required.isEmpty()) {
            add("no required field (" + required + ")", method, path, "{}");
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = schema.path("properties").fields(); it.hasNext();) {
            Map.Entry<String, JsonNode> property = it.next();
            property(method, path, property.getKey(), resolve(property.getValue()));
        }
    }

    private void property(String method, String path, String name, JsonNode schema) {
        String type = schema.path("type").asText();
        switch (type) {
            case "string" -> {
                add(name + ": an object for a string", method, path, body(name, JSON.createObjectNode()));
                if (schema.has("maxLength")) {
                    add(name + ": one character over maxLength", method, path,
                            body(name, JSON.getNodeFactory().textNode("x".repeat(schema.get("maxLength").asInt() + 1))));
                }
                if (schema.has("enum")) {
                    add(name + ": a value outside the enum", method, path,
                            body(name, JSON.getNodeFactory().textNode("not-one-of-them")));
                }
            }
            case "integer", "number" -> {
                add(name + ": text for a number", method, path, body(name, JSON.getNodeFactory().textNode("many")));
                if (schema.has("maximum")) {
                    add(name + ": above its maximum", method, path, body(name,
                            JSON.getNodeFactory().numberNode(schema.get("maximum").decimalValue().add(java.math.BigDecimal.ONE))));
                }
                if (schema.has("minimum")) {
                    add(name + ": below its minimum", method, path, body(name, JSON.getNodeFactory()
                            .numberNode(schema.get("minimum").decimalValue().subtract(java.math.BigDecimal.ONE))));
                }
            }
            case "boolean" -> add(name + ": text for a boolean", method, path,
                    body(name, JSON.getNodeFactory().textNode("maybe")));
            case "array" -> add(name + ": an object for an array", method, path, body(name, JSON.createObjectNode()));
            default -> {
            }
        }
    }

    private void queryParameters(String method, String path, JsonNode op) {
        for (JsonNode parameter : op.path("parameters")) {
            if (!"query".equals(parameter.path("in").asText())) {
                continue;
            }
            JsonNode schema = resolve(parameter.path("schema"));
            String type = schema.path("type").asText();
            String format = schema.path("format").asText();
            if (type.equals("integer") || type.equals("number") || format.startsWith("date")) {
                add(parameter.path("name").asText() + ": a query value of the wrong type", method,
                        path + "?" + parameter.path("name").asText() + "=not-a-" + (type.equals("string") ? format : type),
                        null);
            }
        }
    }

    private JsonNode resolve(JsonNode schema) {
        JsonNode s = schema;
        while (s.has("$ref")) {
            String ref = s.get("$ref").asText();
            s = document.at(ref.substring(1));
        }
        if (s.has("allOf") && s.get("allOf").size() == 1) {
            return resolve(s.get("allOf").get(0));
        }
        return s;
    }

    private static String body(String property, JsonNode value) {
        return JSON.createObjectNode().set(property, value).toString();
    }

    private void add(String name, String method, String path, String body) {
        cases.add(new Generated(name, service, method, path, body));
    }
}
