package io.rekindle.platform.testing;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;

import org.eclipse.microprofile.config.ConfigProvider;

/** The service under test's Prometheus metrics, as a scrape sees them on the management port. */
public final class Metrics {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Metrics() {
    }

    /** The current scrape of the {@code @QuarkusTest}'s service. */
    public static String scrape() {
        int port = ConfigProvider.getConfig().getValue("quarkus.management.test-port", Integer.class);
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/q/metrics")).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AssertionError("/q/metrics answered " + response.statusCode());
            }
            return response.body();
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** The service's {@code rekindle_backlog} gauge of this queue; fails when it is not published. */
    public static long backlog(String queue) {
        String metrics = scrape();
        String label = "queue=\"" + queue + "\"";
        if (!has(metrics, "rekindle_backlog", label)) {
            throw new AssertionError("no rekindle_backlog{" + label + "} in\n" + metrics);
        }
        return (long) sample(metrics, "rekindle_backlog", label);
    }

    /** The sum of a metric's series whose labels contain every one given ({@code queue="outbox"}). */
    public static double sample(String metrics, String name, String... labels) {
        return metrics.lines().filter(l -> l.startsWith(name + "{") || l.startsWith(name + " "))
                .filter(l -> Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(Metrics::value).sum();
    }

    /** A sample line's value: its last field, before any exemplar ({@code ... 3.0 # {trace_id="..."} 1.0 ts}). */
    private static double value(String line) {
        int exemplar = line.indexOf(" # ");
        String sample = exemplar < 0 ? line : line.substring(0, exemplar);
        return Double.parseDouble(sample.substring(sample.lastIndexOf(' ') + 1));
    }

    /** How much a metric's series with these labels grew from one scrape to a later one. */
    public static double delta(String before, String after, String name, String... labels) {
        return sample(after, name, labels) - sample(before, name, labels);
    }

    /** Whether the scrape has a series of this metric with every label given (a counter registered at zero too). */
    public static boolean has(String metrics, String name, String... labels) {
        return metrics.lines().anyMatch(l -> (l.startsWith(name + "{") || l.startsWith(name + " "))
                && Arrays.stream(labels).allMatch(l::contains));
    }
}
