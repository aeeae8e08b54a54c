package io.rekindle.scenario.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.util.LinkedHashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A real local HTTP server standing in for segment-, messaging- and survey-service: every template, segment and survey
 * exists except those whose id starts with "missing", and every customer (with the profile a test gave it, or with
 * nothing but its id); tests add their own stubs on top.
 */
public class PeerStandIn implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer http;
    private static final Map<String, String> PROFILES = new LinkedHashMap<>();

    @Override
    public Map<String, String> start() {
        http = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        http.start();
        reset();
        String base = "http://127.0.0.1:" + http.port();
        return Map.of("quarkus.rest-client.segment.url", base, "quarkus.rest-client.messaging.url", base,
                "quarkus.rest-client.survey.url", base);
    }

    /** Back to: everything exists but ids starting with "missing". */
    public static synchronized void reset() {
        http.resetAll();
        http.stubFor(any(urlPathMatching("/.*")).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}")));
        http.stubFor(get(urlPathMatching("/v1/(templates|segments|surveys)/missing.*")).atPriority(1)
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/problem+json")
                        .withBody("{\"status\":404}")));
        PROFILES.clear();
        lookup = null;
        stubLookup();
    }

    /** From now on segment-service answers this profile (JSON) for the customer. */
    public static synchronized void profile(String customerId, String json) {
        PROFILES.put(customerId, json);
        stubLookup();
    }

    /** POST /v1/customers/lookup: each customer asked for, in order, with its profile. */
    private static void stubLookup() {
        StringBuilder choose = new StringBuilder("{\"customerId\":\"{{id}}\"}");
        PROFILES.forEach((id, json) -> choose.insert(0, "{{#eq id '" + id + "'}}" + json + "{{else}}")
                .append("{{/eq}}"));
        if (lookup != null) {
            http.removeStubMapping(lookup);
        }
        lookup = http.stubFor(post("/v1/customers/lookup").atPriority(5).willReturn(aResponse()
                .withHeader("Content-Type", "application/json").withTransformers("response-template")
                .withBody("{\"customers\":[{{#each (jsonPath request.body '$.customerIds') as |id|}}"
                        + "{{#unless @first}},{{/unless}}" + choose + "{{/each}}],\"unknown\":[]}")));
    }

    private static com.github.tomakehurst.wiremock.stubbing.StubMapping lookup;

    @Override
    public void stop() {
        if (http != null) {
            http.stop();
        }
    }
}
