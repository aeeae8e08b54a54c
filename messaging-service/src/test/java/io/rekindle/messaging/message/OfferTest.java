package io.rekindle.messaging.message;

import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.template;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.rekindle.messaging.offer.Offers;
import io.rekindle.messaging.support.StandIns;

/**
 * Offers in one place: saved and versioned, a pool of single-use codes drawn once per message (the same code again
 * when its send is retried, never one code twice under concurrent senders), and never sent expired or from an empty
 * pool: the message goes without, and says why.
 */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class OfferTest extends SendingFixture {

    @Inject
    Offers offers;

    private static void offer(String id, String body, int status) {
        api().body(body).when().put("/v1/offers/" + id).then().statusCode(status);
    }

    private static String pooled(String validUntil) {
        return """
                {"name":"Welcome back","kind":"percent","value":10,"validUntil":"%s","channels":["email"]}"""
                .formatted(validUntil);
    }

    private void offerMail() {
        template("offer-mail", """
                {"channel":"email","locales":{"en":{"subject":"For you",
                 "text":"Your code: {vars.offer.code ?: 'none'} ({vars.offer.value ?: '-'}%)"}}}""");
    }

    private String sendWithOffer(String key, String offerId) {
        String id = send(key, """
                {"channel":"email","customerId":"c1","template":"offer-mail","category":"transactional",
                 "offer":"%s","repeatIntended":true}""".formatted(offerId));
        drain();
        assertSent(id);
        return id;
    }

    private static String lastText() throws Exception {
        var mail = mail();
        return String.valueOf(mail[mail.length - 1].getContent()).trim();
    }

    @Test
    void anOfferIsSavedAsVersionsAndRefusedWhenItMakesNoSense() {
        offer("spring", pooled("2025-07-01T00:00:00Z"), 201);
        api().body(pooled("2025-08-01T00:00:00Z")).when().put("/v1/offers/spring").then().statusCode(200)
                .body("version", equalTo(2)).body("definition.validUntil", equalTo("2025-08-01T00:00:00Z"));
        api().body("""
                {"name":"Ship","kind":"free_shipping","value":5,"validUntil":"2025-07-01T00:00:00Z"}""").when()
                .put("/v1/offers/ship").then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("value"));
        api().body("""
                {"name":"Half","kind":"percent","value":150,"validUntil":"2025-07-01T00:00:00Z"}""").when()
                .put("/v1/offers/half").then().statusCode(400).body("detail", containsString("at most 100"));
        api().body("""
                {"name":"Back","kind":"amount","value":5,"validFrom":"2025-07-01T00:00:00Z",
                 "validUntil":"2025-06-01T00:00:00Z"}""").when().put("/v1/offers/back").then().statusCode(400)
                .body("errors[0].field", equalTo("validUntil"));
        api().body("{\"name\":\"No kind\",\"validUntil\":\"2025-07-01T00:00:00Z\"}").when().put("/v1/offers/nokind")
                .then().statusCode(400);
        api().when().get("/v1/offers/ship").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void eachMessageDrawsItsOwnCodeOnceAndAnEmptyPoolSendsWithout() throws Exception {
        offerMail();
        offer("pool", pooled("2025-07-01T00:00:00Z"), 201);
        api().body("{\"codes\":[\"AAA1\",\"AAA2\"]}").when().post("/v1/offers/pool/codes").then().statusCode(200)
                .body("added", equalTo(2)).body("available", equalTo(2));
        api().body("{\"codes\":[\"AAA2\",\"AAA3\"]}").when().post("/v1/offers/pool/codes").then()
                .body("added", equalTo(1)).body("available", equalTo(3));

        String first = sendWithOffer("offer-1", "pool");
        assertEquals("Your code: AAA1 (10%)", lastText());
        assertEquals("AAA1", offers.draw("pool", first).orElseThrow(), "a retried send draws the same code");
        api().when().get("/v1/messages/" + first).then().body("offer.code", equalTo("AAA1"))
                .body("offer.version", equalTo(1));

        sendWithOffer("offer-2", "pool");
        sendWithOffer("offer-3", "pool");
        String dry = sendWithOffer("offer-4", "pool");
        assertEquals("Your code: none (-%)", lastText());
        api().when().get("/v1/messages/" + dry).then()
                .body("offer.withheld", equalTo("the pool of single-use codes is empty"));
        api().when().get("/v1/offers/pool").then().body("codesAvailable", equalTo(0)).body("codesAssigned", equalTo(3));
    }

    @Test
    void anExpiredOfferOrOneForAnotherChannelIsNeverSent() throws Exception {
        offerMail();
        offer("shared", """
                {"name":"Site offer","kind":"amount","value":5,"code":"SITE5","validUntil":"2025-07-01T00:00:00Z",
                 "siteOffering":true}""", 201);
        sendWithOffer("shared-1", "shared");
        assertEquals("Your code: SITE5 (5%)", lastText());

        offer("shared", """
                {"name":"Site offer","kind":"amount","value":5,"code":"SITE5","validUntil":"2025-06-01T00:00:00Z"}""",
                200);
        String late = sendWithOffer("shared-2", "shared");
        assertEquals("Your code: none (-%)", lastText());
        api().when().get("/v1/messages/" + late).then().body("offer.withheld",
                equalTo("expired at 2025-06-01T00:00:00Z")).body("offer.version", equalTo(2));

        offer("sms-only", """
                {"name":"Text","kind":"percent","value":5,"code":"TXT5","validUntil":"2025-07-01T00:00:00Z",
                 "channels":["sms"]}""", 201);
        String wrongChannel = sendWithOffer("sms-only-1", "sms-only");
        api().when().get("/v1/messages/" + wrongChannel).then().body("offer.withheld", equalTo("not offered on email"));
        api().body("{\"codes\":[\"X1\"]}").when().post("/v1/offers/shared/codes").then().statusCode(409);
        api().header("Idempotency-Key", "unknown-offer").body("""
                {"channel":"email","customerId":"c1","template":"offer-mail","category":"transactional",
                 "offer":"nothing"}""").when().post("/v1/messages").then().statusCode(400)
                .body("errors[0].field", equalTo("offer"));
    }

    @Test
    void aJourneyThatMayOnlyCarrySiteOfferingsSendsAnyOtherWithout() throws Exception {
        offerMail();
        offer("vip", """
                {"name":"VIP","kind":"percent","value":20,"code":"VIP20","validUntil":"2025-07-01T00:00:00Z"}""", 201);
        offer("site", """
                {"name":"Site","kind":"percent","value":5,"code":"SITE5","validUntil":"2025-07-01T00:00:00Z",
                 "siteOffering":true}""", 201);
        String vip = send("site-only-1", """
                {"channel":"email","customerId":"c1","template":"offer-mail","category":"transactional",
                 "offer":"vip","offerSiteOnly":true,"repeatIntended":true}""");
        drain();
        assertEquals("Your code: none (-%)", lastText());
        api().when().get("/v1/messages/" + vip).then().body("offer.withheld", equalTo("not a current site offering"));
        send("site-only-2", """
                {"channel":"email","customerId":"c1","template":"offer-mail","category":"transactional",
                 "offer":"site","offerSiteOnly":true,"repeatIntended":true}""");
        drain();
        assertEquals("Your code: SITE5 (5%)", lastText());
    }

    @Test
    void twoSendersDrawingFromOnePoolNeverGetTheSameCode() throws Exception {
        offer("race", pooled("2025-07-01T00:00:00Z"), 201);
        List<String> codes = IntStream.range(0, 200).mapToObj(i -> "R" + i).toList();
        api().body(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(
                java.util.Map.of("codes", codes))).when().post("/v1/offers/race/codes").then().statusCode(200);
        ExecutorService senders = Executors.newFixedThreadPool(2);
        try {
            List<CompletableFuture<List<String>>> drawn = new ArrayList<>();
            for (int sender = 0; sender < 2; sender++) {
                int s = sender;
                drawn.add(CompletableFuture.supplyAsync(() -> IntStream.range(0, 110)
                        .mapToObj(i -> offers.draw("race", "m-" + s + "-" + i)).filter(java.util.Optional::isPresent)
                        .map(java.util.Optional::get).toList(), senders));
            }
            List<String> all = new ArrayList<>();
            for (CompletableFuture<List<String>> d : drawn) {
                all.addAll(d.get());
            }
            Set<String> distinct = new HashSet<>(all);
            assertEquals(200, all.size(), "every code handed out, the 20 draws past the pool get none");
            assertEquals(200, distinct.size(), "no code twice");
            assertTrue(all.stream().noneMatch(c -> !codes.contains(c)));
        } finally {
            senders.shutdown();
        }
    }
}
