package io.rekindle.messaging.message;

import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.platform.testing.Metrics;

/** The "oops" guard: the same template to the same customer at most twice in 24 hours unless a repeat is meant. */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
class RepeatGuardTest extends SendingFixture {

    private static String winback(boolean repeatIntended) {
        return """
                {"channel":"email","customerId":"c1","template":"winback","variables":{"offer":"10%% off"},
                 "category":"transactional"%s}""".formatted(repeatIntended ? ",\"repeatIntended\":true" : "");
    }

    @Test
    void aThirdSendOfATemplateWithin24HoursIsRefusedRecordedAndCounted() {
        assertSent(sendAndDrain("oops-1", winback(false)));
        clock.set(MORNING.plus(Duration.ofHours(1)));
        assertSent(sendAndDrain("oops-2", winback(false)));
        String before = Metrics.scrape();

        clock.set(MORNING.plus(Duration.ofHours(2)));
        String third = sendAndDrain("oops-3", winback(false));

        assertEquals("suppressed", state(third));
        String detail = api().when().get("/v1/messages/" + third).then().extract().path("detail");
        assertTrue(detail.startsWith("repeat: this template went to the customer 2 times within PT24H"), detail);
        assertEquals(2, mail().length);
        String after = Metrics.scrape();
        assertEquals(1, Metrics.delta(before, after, "rekindle_messages_total", "channel=\"email\"",
                "outcome=\"refused_repeat\""));
        assertEquals(0, Metrics.delta(before, after, "rekindle_messages_total", "channel=\"email\"",
                "outcome=\"suppressed\""), "kept apart from the other suppressions");
    }

    @Test
    void anIntendedRepeatAnotherTemplateOrALaterDayGoes() {
        send("again-1", winback(false));
        send("again-2", winback(false));
        drain();

        assertSent(sendAndDrain("again-3", winback(true)));
        template("thanks", """
                {"channel":"email","locales":{"en":{"subject":"Thanks","text":"Thank you"}}}""");
        assertSent(sendAndDrain("other", """
                {"channel":"email","customerId":"c1","template":"thanks","category":"transactional"}"""));
        clock.set(MORNING.plus(Duration.ofHours(25)));
        // The three sends of winback are now older than the window.
        assertSent(sendAndDrain("again-4", winback(false)));
        assertEquals(5, mail().length);
    }

    @Test
    void twoCopiesInOneBatchCountEachOther() {
        send("batch-1", winback(false));
        send("batch-2", winback(false));
        String third = send("batch-3", winback(false));

        drain();

        assertEquals("suppressed", state(third));
        assertEquals(2, mail().length);
    }

    private String sendAndDrain(String key, String body) {
        String id = send(key, body);
        drain();
        return id;
    }
}
