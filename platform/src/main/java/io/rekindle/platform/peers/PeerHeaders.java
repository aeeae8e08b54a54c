package io.rekindle.platform.peers;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

import io.rekindle.platform.http.ApiKeys;

/**
 * Puts this service's first service key on every call to a peer, and asks for JSON as well as problem+json: the
 * generator derives {@code Accept} from the answers a contract documents with a body, and for an operation whose
 * success has none documented it asks for problem+json alone, which a peer answering 200 with JSON refuses (406). The
 * generated clients register it ({@code additional-api-type-annotations}) in place of the generator's own
 * authentication providers.
 */
@ApplicationScoped
public class PeerHeaders implements ClientRequestFilter {

    private final ApiKeys keys;

    PeerHeaders(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, keys.peerAuthorization());
        request.getHeaders().putSingle(HttpHeaders.ACCEPT, "application/json, application/problem+json");
    }
}
