package io.rekindle.segment.address;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

import io.rekindle.segment.hygiene.DisposableDomains;
import io.rekindle.segment.hygiene.EmailHygiene;
import io.rekindle.segment.hygiene.HygieneStatus;

class AddressChecksTest {

    private final AddressChecks checks = new AddressChecks(new EmailHygiene(DisposableDomains.load()));

    @Test
    void aThrowAwayDomainIsRefusedNamingTheDomain() {
        AddressCheck check = checks.check("x@mailinator.com");
        assertEquals(AddressDecision.REFUSE, check.decision());
        assertEquals(HygieneStatus.DISPOSABLE, check.status());
        assertEquals("mailinator.com hands out throw-away addresses", check.reason());
    }

    @Test
    void aTypoOfABigProviderIsAnsweredWithTheAddressMeant() {
        AddressCheck check = checks.check("ana@gmial.com");
        assertEquals(AddressDecision.SUGGEST, check.decision());
        assertEquals("ana@gmail.com", check.suggestion());
        assertEquals("did you mean ana@gmail.com?", check.reason());
    }

    @Test
    void roleAddressesAreFlaggedAndBrokenOnesRefused() {
        assertEquals(AddressDecision.WARN, checks.check("info@shop-example.com").decision());
        AddressCheck broken = checks.check("ana@@example");
        assertEquals(AddressDecision.REFUSE, broken.decision());
        assertEquals(HygieneStatus.INVALID, broken.status());
        assertEquals(AddressDecision.REFUSE, checks.check("  ").decision());
    }

    @Test
    void anOrdinaryAddressIsAccepted() {
        AddressCheck check = checks.check("ana.lima@example.com");
        assertEquals(AddressDecision.ACCEPT, check.decision());
        assertNull(check.suggestion());
    }
}
