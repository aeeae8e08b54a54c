package io.rekindle.platform.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.rekindle.platform.config.PlatformConfig;

/**
 * The API keys this service accepts, by scope, each a comma-separated list: every listed key is accepted, so a new
 * key is put first and the old one removed once no caller uses it. A service calls its peers with the first
 * service key alone ({@link #peerAuthorization()}), never with the whole list.
 */
@ApplicationScoped
public class ApiKeys {

    private final Map<KeyScope, List<byte[]>> keys = new EnumMap<>(KeyScope.class);
    private final String peerAuthorization;

    ApiKeys(PlatformConfig config) {
        PlatformConfig.Api.Keys given = config.api().keys();
        keys.put(KeyScope.ADMIN, bytes(given.admin()));
        keys.put(KeyScope.STOREFRONT, bytes(given.storefront()));
        keys.put(KeyScope.SERVICE, bytes(given.service()));
        keys.put(KeyScope.BROWSER, bytes(given.browser().orElse(List.of())));
        this.peerAuthorization = "Bearer " + given.service().stream().map(String::trim).filter(k -> !k.isEmpty()).findFirst()
                .orElseThrow(() -> new IllegalStateException("rekindle.api.keys.service: no key to call peers with"));
    }

    /** The scope of the key presented, if it is one of ours; compared in constant time, every key of every scope. */
    public Optional<KeyScope> scopeOf(String presented) {
        byte[] given = presented.getBytes(StandardCharsets.UTF_8);
        KeyScope found = null;
        for (Map.Entry<KeyScope, List<byte[]>> scope : keys.entrySet()) {
            for (byte[] key : scope.getValue()) {
                if (MessageDigest.isEqual(key, given) && found == null) {
                    found = scope.getKey();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** The Authorization header value for calls to the other services. */
    public String peerAuthorization() {
        return peerAuthorization;
    }

    private static List<byte[]> bytes(List<String> keys) {
        return keys.stream().map(String::trim).filter(k -> !k.isEmpty()).map(k -> k.getBytes(StandardCharsets.UTF_8))
                .toList();
    }
}
