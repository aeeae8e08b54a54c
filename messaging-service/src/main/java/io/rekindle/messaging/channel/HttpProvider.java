package io.rekindle.messaging.channel;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * A provider reached over HTTP: 2xx is accepted, 429 and 5xx and network errors are worth retrying, any other 4xx is
 * the provider's final word on that message.
 */
final class HttpProvider {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String name;

    HttpProvider(String name) {
        this.name = name;
    }

    /** The accepted response's body. */
    String send(HttpRequest request) throws ProviderException {
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new ProviderException(false, name + " unreachable: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderException(false, name + ": interrupted");
        }
        int status = response.statusCode();
        if (status / 100 == 2) {
            return response.body();
        }
        String body = response.body() == null ? "" : response.body();
        String reason = name + " " + status + ": " + (body.length() > 300 ? body.substring(0, 300) : body);
        throw new ProviderException(status != 429 && status / 100 == 4, reason);
    }
}
