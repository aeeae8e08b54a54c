package io.rekindle.demo;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** What a customer's mail client and browser do with the links in a mail: no API key, only the signed links. */
final class Browser {

    private static final Pattern GUARD = Pattern.compile("name=\"_guard\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();

    /** Shows the mail with its images (the open pixel). */
    void show(String pixel) {
        send(HttpRequest.newBuilder(URI.create(pixel)).GET(), "open");
    }

    /** Follows a tracked link as far as the click redirect. */
    void click(String trackedLink) {
        send(HttpRequest.newBuilder(URI.create(trackedLink)).GET(), "click");
    }

    /** Opens the personal survey page and answers the one required question. */
    void answer(String surveyLink, String reason) {
        String page = send(HttpRequest.newBuilder(URI.create(surveyLink)).GET(), "survey page");
        Matcher guard = GUARD.matcher(page);
        if (!guard.find()) {
            throw new IllegalStateException("no form on the survey page " + surveyLink);
        }
        URI link = URI.create(surveyLink);
        String form = "_guard=" + URLEncoder.encode(guard.group(1), StandardCharsets.UTF_8) + "&reason=" + reason;
        send(HttpRequest.newBuilder(link).header("Content-Type", "application/x-www-form-urlencoded")
                .header("Origin", link.getScheme() + "://" + link.getAuthority())
                .POST(HttpRequest.BodyPublishers.ofString(form)), "survey answer");
    }

    /** The mail client's one-click unsubscribe (RFC 8058). */
    void unsubscribe(String url) {
        send(HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")), "unsubscribe");
    }

    private String send(HttpRequest.Builder request, String what) {
        HttpRequest r = request.timeout(Duration.ofSeconds(30)).build();
        try {
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 400) {
                throw new IllegalStateException(what + " " + r.uri() + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException(what + " " + r.uri() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
