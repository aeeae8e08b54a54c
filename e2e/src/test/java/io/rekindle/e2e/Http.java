package io.rekindle.e2e;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Calls to a service's public REST API with the e2e API key. */
public final class Http {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public record Reply(int status, String body) {

        public JsonNode json() {
            return Http.json(body);
        }
    }

    private Http() {
    }

    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            throw new IllegalStateException("not JSON: " + text, e);
        }
    }

    public static Reply get(String url) throws Exception {
        return send(request(url).GET());
    }

    public static Reply post(String url, String json) throws Exception {
        return send(request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply post(String url, String json, java.util.Map<String, String> headers) throws Exception {
        HttpRequest.Builder request = request(url).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request);
    }

    public static Reply put(String url, String json) throws Exception {
        return send(request(url).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    public static Reply delete(String url) throws Exception {
        return send(request(url).DELETE());
    }

    /** A service's metrics in Prometheus' text format, from its management port. */
    public static String metrics(String serviceUrl) throws Exception {
        return management(serviceUrl, "/q/metrics").body();
    }

    /** What a service's management port answers at this path (health, metrics), as Kubernetes' probes ask it. */
    public static Reply management(String serviceUrl, String path) throws Exception {
        HttpResponse<String> response = CLIENT.send(HttpRequest.newBuilder(URI.create(
                io.rekindle.bench.FreePort.managementUrl(serviceUrl) + path)).timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }

    private static HttpRequest.Builder request(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + ServiceProcess.API_KEY).header("Accept", "application/json");
    }

    private static Reply send(HttpRequest.Builder request) throws Exception {
        HttpResponse<String> response = CLIENT.send(request.build(), HttpResponse.BodyHandlers.ofString());
        return new Reply(response.statusCode(), response.body());
    }
}
