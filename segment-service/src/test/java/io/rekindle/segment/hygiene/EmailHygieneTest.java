package io.rekindle.segment.hygiene;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailHygieneTest {

    private static EmailHygiene hygiene;

    @BeforeAll
    static void load() {
        DisposableDomains domains = DisposableDomains.load();
        assertTrue(domains.size() > 100_000, "the shipped list should hold the public list, got " + domains.size());
        hygiene = new EmailHygiene(domains);
    }

    @ParameterizedTest(name = "{0} is {1}")
    @CsvSource({
            "someone@yopmail.com, disposable",
            "someone@yopmail.fr, disposable",
            "someone@yopmail.net, disposable",
            "someone@cool.fr.nf, disposable",
            "someone@jetable.fr.nf, disposable",
            "someone@MAILINATOR.com, disposable",
            "someone@sub.33mail.com, disposable",
            "ada.lovelace@gmail.com, valid",
            "ada+shop@orange.fr, valid",
            "ada@mail.com, valid",
            "ada@ymail.com, valid",
            "ada@shop-example.co.uk, valid",
            "info@example.com, role",
            "NoReply@example.com, role",
            "plainaddress, invalid",
            "@example.com, invalid",
            "ada@, invalid",
            "ada@@example.com, invalid",
            "ada lovelace@example.com, invalid",
            "ada@example, invalid",
            "ada..l@example.com, invalid",
            "ada@-example.com, invalid",
            "ada@example.c0m, invalid",
    })
    void classifiesAddresses(String email, String expected) {
        assertEquals(expected, hygiene.check(email).status().jsonName());
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
            "ada@gmial.com, ada@gmail.com",
            "ada@gmai.com, ada@gmail.com",
            "ada@gmail.con, ada@gmail.com",
            "ada@hotmial.com, ada@hotmail.com",
            "ada@yaho.fr, ada@yahoo.fr",
            "ada@outlok.com, ada@outlook.com",
            "ada@oragne.fr, ada@orange.fr",
            "Ada.L@GMIAL.com, Ada.L@gmail.com",
    })
    void suggestsTheMajorDomainATypoMeant(String email, String suggestion) {
        Hygiene result = hygiene.check(email);
        assertEquals(HygieneStatus.TYPO, result.status());
        assertEquals(suggestion, result.suggestion());
    }

    @Test
    void missingAddressIsMissingNotInvalid() {
        assertEquals(HygieneStatus.MISSING, hygiene.check(null).status());
        assertEquals(HygieneStatus.MISSING, hygiene.check("  ").status());
    }

    @Test
    void validAddressesCarryNoSuggestion() {
        assertNull(hygiene.check("ada@gmail.com").suggestion());
        assertNull(EmailHygiene.likelyIntended("example.org"));
    }

    @Test
    void editDistanceCountsSwapsAsOneEdit() {
        assertEquals(1, EmailHygiene.editDistance("gmial.com", "gmail.com"));
        assertEquals(2, EmailHygiene.editDistance("gmal.con", "gmail.com"));
        assertEquals(0, EmailHygiene.editDistance("a", "a"));
    }
}
