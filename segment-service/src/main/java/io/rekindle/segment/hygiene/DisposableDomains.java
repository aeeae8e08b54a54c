package io.rekindle.segment.hygiene;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;

/** Domains of throw-away mailboxes; a sub-domain of a listed domain is disposable too (x.yopmail.fr, cool.fr.nf). */
public final class DisposableDomains {

    static final String RESOURCE = "hygiene/disposable-domains.txt";

    private final Set<String> domains;

    DisposableDomains(Set<String> domains) {
        this.domains = domains;
    }

    public static DisposableDomains load() {
        try (InputStream in = DisposableDomains.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("Missing resource " + RESOURCE);
            }
            Set<String> domains = new HashSet<>(200_000);
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String domain = line.trim();
                if (!domain.isEmpty() && !domain.startsWith("#")) {
                    domains.add(domain);
                }
            }
            return new DisposableDomains(domains);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean contains(String domain) {
        for (String candidate = domain; ; ) {
            if (domains.contains(candidate)) {
                return true;
            }
            int dot = candidate.indexOf('.');
            if (dot < 0 || candidate.indexOf('.', dot + 1) < 0) {
                return false;
            }
            candidate = candidate.substring(dot + 1);
        }
    }

    public int size() {
        return domains.size();
    }
}
