package io.rekindle.messaging.webhook;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.messaging.config.MessagingConfig;
import io.rekindle.platform.http.OutboundUrls;

/**
 * The certificates SNS signs with, fetched from the message's SigningCertURL only when that is
 * {@code https://sns.<region>.amazonaws.com/SimpleNotificationService-<hex>.pem} with no query (anything else could
 * make us trust a key of the sender's choosing, or fetch from a host of theirs), from a host that resolves to public
 * addresses ({@link OutboundUrls}), following no redirect; the last few are kept, so a flood of distinct URLs cannot
 * grow memory.
 * {@code rekindle.webhooks.ses.endpoint-override} sends those fetches (and subscription confirmations) to a local
 * stand-in instead, for tests; it is empty in production.
 */
@ApplicationScoped
public class SnsCertificates {

    static final Pattern SNS_HOST = Pattern.compile("sns\\.[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-[0-9]\\.amazonaws\\.com(\\.cn)?");
    static final Pattern CERTIFICATE_PATH = Pattern.compile("/SimpleNotificationService-[0-9a-f]{8,64}\\.pem");
    private final Optional<String> override;
    private final int kept;
    private final Clock clock;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final OutboundUrls outbound;
    private final Map<String, PublicKey> keys = java.util.Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, PublicKey> eldest) {
                    return size() > kept;
                }
            });

    SnsCertificates(Clock clock, OutboundUrls outbound,
            MessagingConfig config) {
        this.kept = config.webhooks().ses().certificatesKept();
        this.clock = clock;
        this.outbound = outbound;
        this.override = config.webhooks().ses().endpointOverride().filter(o -> !o.isBlank());
    }

    /** Whether this is an SNS endpoint URL we may call (https, an SNS host). */
    public static boolean isSns(String url) {
        try {
            URI uri = URI.create(url);
            return "https".equals(uri.getScheme()) && uri.getHost() != null && SNS_HOST.matcher(uri.getHost()).matches()
                    && uri.getUserInfo() == null && uri.getPort() == -1;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** The signing key behind a SigningCertURL; empty when the URL is not SNS's or the certificate is unusable. */
    public Optional<PublicKey> key(String certUrl) {
        if (certUrl == null || !isSns(certUrl) || URI.create(certUrl).getRawQuery() != null
                || URI.create(certUrl).getRawFragment() != null
                || !CERTIFICATE_PATH.matcher(URI.create(certUrl).getRawPath()).matches()) {
            return Optional.empty();
        }
        PublicKey known = keys.get(certUrl);
        if (known != null) {
            return Optional.of(known);
        }
        try {
            HttpResponse<byte[]> pem = http.send(HttpRequest.newBuilder(target(certUrl)).timeout(Duration.ofSeconds(10))
                    .GET().build(), HttpResponse.BodyHandlers.ofByteArray());
            if (pem.statusCode() != 200) {
                return Optional.empty();
            }
            X509Certificate certificate = (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(pem.body()));
            certificate.checkValidity(Date.from(clock.instant()));
            keys.put(certUrl, certificate.getPublicKey());
            return Optional.of(certificate.getPublicKey());
        } catch (IOException | CertificateException | ClassCastException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Confirms a subscription by visiting its SubscribeURL (an SNS URL); answers whether SNS took it. */
    public boolean confirm(String subscribeUrl) {
        if (subscribeUrl == null || !isSns(subscribeUrl)) {
            return false;
        }
        try {
            return http.send(HttpRequest.newBuilder(target(subscribeUrl)).timeout(Duration.ofSeconds(10)).GET().build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() / 100 == 2;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private URI target(String url) throws IOException {
        if (override.isEmpty()) {
            try {
                return outbound.check(url).uri();
            } catch (OutboundUrls.RefusedUrlException e) {
                throw new IOException("SNS URL " + e.getMessage());
            }
        }
        URI original = URI.create(url);
        return URI.create(override.get() + original.getRawPath()
                + (original.getRawQuery() == null ? "" : "?" + original.getRawQuery()));
    }
}
