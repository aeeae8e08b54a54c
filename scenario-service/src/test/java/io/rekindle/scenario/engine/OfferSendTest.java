package io.rekindle.scenario.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.scenario.peers.messaging.model.SendRequest;
import io.rekindle.scenario.scenario.Step;

/** A send carries its variant's offer, and outside a cart journey asks messaging to check it is still a site offer. */
class OfferSendTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Effects effects = new Effects(null, null, null,
            Clock.fixed(Instant.parse("2026-12-04T10:00:00Z"), ZoneOffset.UTC));

    private static EnrollmentRow enrollment(String entryKey, String variant) {
        Instant at = Instant.parse("2026-12-04T09:00:00Z");
        return new EnrollmentRow("e1", "s1", 1, "c1", entryKey, false, variant, "mail", at, Map.of(), Map.of(),
                BigDecimal.ZERO, at, null);
    }

    private static Step step(String offers) throws Exception {
        return JSON.readValue("""
                {"id":"mail","type":"send","channel":"email","template":"t",%s}""".formatted(offers), Step.class);
    }

    @Test
    void aReengagementSendCarriesItsOfferToBeCheckedAgainWhenItGoes() throws Exception {
        SendRequest request = effects.message(enrollment("", null), step("\"offer\":\"site-5\""), "t", "en");
        assertEquals("site-5", request.getOffer());
        assertEquals(Boolean.TRUE, request.getOfferSiteOnly());
    }

    @Test
    void aCartSendCarriesOnlyItsVariantsOfferAndNoSiteCheck() throws Exception {
        Step step = step("\"offers\":{\"B\":\"cart-10\"}");
        SendRequest b = effects.message(enrollment("cart-1", "B"), step, "t", "en");
        assertEquals("cart-10", b.getOffer());
        assertNull(b.getOfferSiteOnly());
        SendRequest control = effects.message(enrollment("cart-2", "A"), step, "t", "en");
        assertNull(control.getOffer(), "the control group gets no discount");
        assertNull(control.getOfferSiteOnly());
    }
}
