package io.rekindle.segment.support;

import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** A real local HTTP server standing in for messaging-, scenario- and survey-service (their erasure intake). */
public class PeerStandIn implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer http;

    @Override
    public Map<String, String> start() {
        http = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        http.start();
        String base = "http://127.0.0.1:" + http.port();
        return Map.of("quarkus.rest-client.messaging.url", base, "quarkus.rest-client.scenario.url", base,
                "quarkus.rest-client.survey.url", base);
    }

    @Override
    public void stop() {
        if (http != null) {
            http.stop();
        }
    }
}
