package io.rekindle.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** A thin client for one service's REST API with the API key. */
public final class Api {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String key;

    public Api(String base, String key) {
        this.base = base;
        this.key = key;
    }

    public String post(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    /** A POST with extra headers (an idempotency key, a webhook signature); no API key when {@code withKey} is false. */
    public String post(String path, String body, java.util.Map<String, String> headers, boolean withKey) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (withKey) {
            b.header("Authorization", "Bearer " + key);
        }
        headers.forEach(b::header);
        return send(b.build());
    }

    public String put(String path, String body) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)).build());
    }

    public String get(String path) {
        return send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + key).GET().build());
    }

    /** A page of the service's management interface (metrics, health), which takes no key. */
    public String management(String path) {
        return send(HttpRequest.newBuilder(URI.create(FreePort.managementUrl(base) + path))
                .timeout(Duration.ofMinutes(1)).GET().build());
    }

    /** The status a GET answers, whatever it is. */
    public int status(String path) {
        return exchange(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(1))
                .header("Authorization", "Bearer " + key).GET().build()).statusCode();
    }

    public String postBatch(String path, List<String> rows) {
        return post(path, "[" + String.join(",", rows) + "]");
    }

    private String send(HttpRequest request) {
        HttpResponse<String> response = exchange(request);
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                    + response.statusCode() + ": " + response.body().substring(0, Math.min(500, response.body().length())));
        }
        return response.body();
    }

    private HttpResponse<String> exchange(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(request.method() + " " + request.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The number after "field": in a JSON body (enough for the figures the benchmarks read). */
    public static double number(String json, String field) {
        var m = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*(-?[0-9.eE+-]+)").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return Double.parseDouble(m.group(1));
    }

    /** The raw JSON value (object or array) after "field": in a JSON body. */
    public static String value(String json, String field) {
        int start = json.indexOf("\"" + field + "\"");
        if (start < 0) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        start = json.indexOf(':', start) + 1;
        while (Character.isWhitespace(json.charAt(start))) {
            start++;
        }
        int depth = 0;
        boolean inString = false;
        for (int i = start; i < json.length(); i++) {
            char ch = json.charAt(i);
            if (inString) {
                if (ch == '\\') {
                    i++;
                } else if (ch == '"') {
                    inString = false;
                }
            } else if (ch == '"') {
                inString = true;
            } else if (ch == '{' || ch == '[') {
                depth++;
            } else if ((ch == '}' || ch == ']') && --depth == 0) {
                return json.substring(start, i + 1);
            }
        }
        throw new IllegalStateException("unterminated " + field + " in " + json);
    }

    /** The string after "field": in a JSON body. */
    public static String text(String json, String field) {
        var m = java.util.regex.Pattern.compile("\"" + field + "\"\\s*:\\s*\"([^\"]*)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalStateException("no " + field + " in " + json);
        }
        return m.group(1);
    }
}
