package io.rekindle.segment.subscriptions;

import static io.rekindle.segment.support.TestStore.api;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.segment.segments.Reevaluations;
import io.rekindle.platform.testing.Metrics;
import io.rekindle.platform.testing.TestClock;
import io.rekindle.segment.support.TestStore;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerResponse;

/** Push delivery to a real local HTTP subscriber that can be down, answer errors, and come back. */
@QuarkusTest
class SubscriptionsTest {

    private static final Instant T0 = Instant.parse("2025-06-01T12:00:00Z");

    @Inject
    TestStore store;
    @Inject
    TestClock clock;
    @Inject
    Reevaluations reevaluations;
    @Inject
    SubscriptionDelivery delivery;
    @Inject
    ObjectMapper mapper;
    @Inject
    Vertx vertx;

    private HttpServer subscriber;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final AtomicInteger answer = new AtomicInteger(200);
    private final AtomicInteger redirectsFollowed = new AtomicInteger();

    record Received(JsonNode body, String signature, String authorization, byte[] raw) {
    }

    @BeforeEach
    void start() throws Exception {
        store.clear();
        clock.set(T0);
        listen(0);
    }

    /** A subscriber on this port (0: any) that records what it acknowledges and answers {@link #answer}. */
    private void listen(int port) throws Exception {
        subscriber = vertx.createHttpServer().requestHandler(request -> {
            if (request.path().equals("/elsewhere")) {
                redirectsFollowed.incrementAndGet();
                request.response().end();
                return;
            }
            request.body().onSuccess(raw -> {
                int status = answer.get();
                if (status == 200) {
                    received.add(new Received(json(raw.getBytes()), request.getHeader("Rekindle-Signature"),
                            request.getHeader("Authorization"), raw.getBytes()));
                }
                HttpServerResponse response = request.response().setStatusCode(status);
                if (status == 302) {
                    response.putHeader("Location", "/elsewhere");
                }
                response.end(status == 200 ? "" : "internal secret");
            });
        }).listen(port, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    private JsonNode json(byte[] raw) {
        try {
            return mapper.readTree(raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closes the listener and every open connection, as a subscriber process that stops. */
    private void stopSubscriber() throws Exception {
        subscriber.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterEach
    void stop() throws Exception {
        stopSubscriber();
        clock.reset();
    }

    private String callback() {
        return "http://127.0.0.1:" + subscriber.actualPort() + "/changes";
    }

    private String vipSegment() {
        return api().body("{\"name\":\"VIPs\",\"rule\":{\"field\":\"attributes.vip\",\"op\":\"=\",\"value\":true}}")
                .when().post("/v1/segments").then().statusCode(201).extract().path("id");
    }

    private void vip(String customer, boolean vip) {
        api().body("{\"email\":\"" + customer + "@example.com\",\"attributes\":{\"vip\":" + vip + "}}")
                .when().put("/v1/customers/" + customer).then().statusCode(org.hamcrest.Matchers.lessThan(300));
        while (reevaluations.drainBatch() > 0) {
            // drain as the scheduler would
        }
    }

    private List<String> deliveredChanges() {
        List<String> all = new ArrayList<>();
        received.forEach(r -> r.body().get("changes").forEach(
                c -> all.add(c.get("customerId").asText() + ":" + c.get("kind").asText())));
        return all;
    }

    @Test
    void aSubscriberThatIsDownReceivesEverythingOnceInOrderWhenItIsBack() throws Exception {
        String segment = vipSegment();
        var created = api().body("{\"callbackUrl\":\"" + callback() + "\",\"segments\":[\"" + segment
                + "\"],\"authorization\":\"Bearer scenario-key\"}").when().post("/v1/subscriptions").then()
                .statusCode(201).body("signingSecret", notNullValue()).extract().jsonPath();
        String id = created.getString("id");
        String secret = created.getString("signingSecret");

        answer.set(503);
        vip("ann", true);
        vip("bob", true);
        String before = Metrics.scrape();
        assertEquals(0, delivery.deliverDue());
        api().when().get("/v1/subscriptions/" + id).then().body("attempts", equalTo(1))
                .body("lastError", equalTo("HTTP 503")).body("cursor", equalTo("0"))
                .body("signingSecret", nullValue());
        vip("ann", false);

        // Backing off: not tried again at once, and after the delay still down.
        assertEquals(0, delivery.deliverDue());
        api().when().get("/v1/subscriptions/" + id).then().body("attempts", equalTo(1));
        clock.set(T0.plusSeconds(2));
        assertEquals(0, delivery.deliverDue());
        api().when().get("/v1/subscriptions/" + id).then().body("attempts", equalTo(2));
        int port = subscriber.actualPort();
        stopSubscriber();
        clock.set(T0.plusSeconds(10));
        assertEquals(0, delivery.deliverDue());
        api().when().get("/v1/subscriptions/" + id).then().body("attempts", equalTo(3))
                .body("lastError", org.hamcrest.Matchers.containsString("ConnectException"));

        // The subscriber process comes back on its address.
        answer.set(200);
        listen(port);
        clock.set(T0.plusSeconds(60));
        assertEquals(1, delivery.deliverDue(), () -> "delivered after the subscriber came back; subscription now "
                + api().when().get("/v1/subscriptions/" + id).asString());
        assertEquals(List.of("ann:entered", "bob:entered", "ann:exited"), deliveredChanges());
        String after = Metrics.scrape();
        assertEquals(3, Metrics.delta(before, after, "rekindle_subscription_deliveries_total", "result=\"failed\""));
        assertEquals(1, Metrics.delta(before, after, "rekindle_subscription_deliveries_total", "result=\"delivered\""));
        String ofSegment = "segment=\"" + segment + "\"";
        assertEquals(3, Metrics.sample(after, "rekindle_feed_lag_seconds_count", ofSegment), "one per change");
        assertEquals(180, Metrics.sample(after, "rekindle_feed_lag_seconds_sum", ofSegment), 0.001,
                "three changes made at the start, acknowledged a minute later");
        assertEquals(0, delivery.deliverDue(), "nothing delivered twice");
        clock.set(T0.plusSeconds(120));
        assertEquals(0, delivery.deliverDue(), "nothing delivered twice");
        assertEquals(1, received.size());

        Received r = received.get(0);
        assertEquals("Bearer scenario-key", r.authorization());
        long t = Long.parseLong(r.signature().substring(2, r.signature().indexOf(',')));
        assertEquals(CallbackSignature.sign(secret, t, r.raw()), r.signature());
        api().when().get("/v1/subscriptions/" + id).then().body("attempts", equalTo(0))
                .body("lastError", nullValue()).body("cursor", equalTo(r.body().get("next").asText()));
    }


    @Test
    void anUnacknowledgedBatchIsDeliveredAgainAndLaterChangesFollowInOrder() {
        String segment = vipSegment();
        api().body("{\"callbackUrl\":\"" + callback() + "\",\"segments\":[\"" + segment + "\"]}")
                .when().post("/v1/subscriptions").then().statusCode(201);
        vip("ann", true);
        answer.set(500);
        delivery.deliverDue();
        vip("cat", true);
        answer.set(200);
        clock.set(T0.plusSeconds(5));
        delivery.deliverDue();
        vip("cat", false);
        clock.set(T0.plusSeconds(6));
        delivery.deliverDue();
        assertEquals(List.of("ann:entered", "cat:entered", "cat:exited"), deliveredChanges());
    }

    @Test
    void subscribingAgainWithTheSameUrlUpdatesAndKeepsTheCursor() {
        String segment = vipSegment();
        String id = api().body("{\"callbackUrl\":\"" + callback() + "\",\"segments\":[\"" + segment + "\"]}")
                .when().post("/v1/subscriptions").then().statusCode(201).extract().path("id");
        vip("ann", true);
        delivery.deliverDue();
        String cursor = api().when().get("/v1/subscriptions/" + id).then().extract().path("cursor");
        api().body("{\"callbackUrl\":\"" + callback() + "\",\"segments\":[\"" + segment
                + "\",\"cart-abandoners\"]}").when().post("/v1/subscriptions").then().statusCode(200)
                .body("id", equalTo(id)).body("cursor", equalTo(cursor)).body("signingSecret", nullValue())
                .body("segments", equalTo(List.of(segment, "cart-abandoners")));
        assertTrue(Long.parseLong(cursor) > 0);
    }

    @Test
    void badSubscriptionsAreRefusedNamingTheField() {
        api().body("{\"callbackUrl\":\"ftp://x\",\"segments\":[\"cart-abandoners\"]}").when()
                .post("/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("callbackUrl"));
        api().body("{\"callbackUrl\":\"" + callback() + "\",\"segments\":[\"cart-abandoners\",\"nope\"]}").when()
                .post("/v1/subscriptions").then().statusCode(400).body("errors[0].field", equalTo("segments/1"));
        api().when().get("/v1/subscriptions").then().statusCode(200).body("size()", equalTo(0));
        api().when().delete("/v1/subscriptions/sub-nope").then().statusCode(404);
    }

    @Test
    void aCallbackToAnInternalAddressIsRefusedAndNothingIsStored() {
        for (String url : List.of("http://169.254.169.254/latest/meta-data/", "http://127.0.0.2:8081/v1/customers",
                "http://10.0.0.1/", "http://[::1]:8081/", "http://user:pw@127.0.0.1/changes",
                "http://no-such-host.invalid/")) {
            api().body("{\"callbackUrl\":\"" + url + "\",\"segments\":[\"cart-abandoners\"]}").when()
                    .post("/v1/subscriptions").then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo("callbackUrl"));
        }
        api().when().get("/v1/subscriptions").then().statusCode(200).body("size()", equalTo(0));
    }

    @Test
    void aRefusalIsRecordedByItsStatusAloneAndARedirectIsNotFollowed() {
        String segment = vipSegment();
        String id = api().body("{\"callbackUrl\":\"" + callback() + "\",\"segments\":[\"" + segment + "\"]}")
                .when().post("/v1/subscriptions").then().statusCode(201).extract().path("id");
        vip("ann", true);
        answer.set(302);
        assertEquals(0, delivery.deliverDue());
        assertEquals(0, redirectsFollowed.get());
        api().when().get("/v1/subscriptions/" + id).then().body("lastError", equalTo("HTTP 302"));
        answer.set(500);
        clock.set(T0.plusSeconds(10));
        assertEquals(0, delivery.deliverDue());
        api().when().get("/v1/subscriptions/" + id).then().body("attempts", equalTo(2))
                .body("lastError", equalTo("HTTP 500"));
    }
}
