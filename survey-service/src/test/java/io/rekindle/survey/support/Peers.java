package io.rekindle.survey.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real local HTTP server standing in for segment-service's event intake and scenario-service's signal intake,
 * so the outbox's calls are checked on the wire against the peers' contracts.
 */
public class Peers implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer http;

    @Override
    public Map<String, String> start() {
        http = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        http.start();
        String base = "http://127.0.0.1:" + http.port();
        return Map.of("quarkus.rest-client.segment.url", base, "quarkus.rest-client.scenario.url", base);
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop();
        }
    }
}
