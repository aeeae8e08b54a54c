package io.rekindle.segment.audience;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class AudienceFormatTest {

    @Test
    void googleDropsGmailDotsAndKeepsThePlusOfE164() {
        assertEquals("janedoe@gmail.com", AudienceFormat.GOOGLE.email("  Jane.Doe@GMail.com "));
        assertEquals("jane.doe@example.com", AudienceFormat.GOOGLE.email("Jane.Doe@Example.com"));
        assertEquals("+16577770000", AudienceFormat.GOOGLE.phone("+1 657-777-0000"));
    }

    @Test
    void metaKeepsDotsAndWantsDigitsOnly() {
        assertEquals("jane.doe@gmail.com", AudienceFormat.META.email(" Jane.Doe@gmail.com"));
        assertEquals("33612345678", AudienceFormat.META.phone("+33612345678"));
        assertNull(AudienceFormat.META.phone(" "));
        assertNull(AudienceFormat.META.email(null));
    }

    @Test
    void hashesAreLowerCaseHexSha256OfTheNormalisedValue() {
        // The published example of TikTok's customer-file guide for "janedoe@gmail.com".
        assertEquals("d6117306485ed0e50afab3ac871e98f81699151f30281527d63ff5f233656c69",
                AudienceFormat.sha256("janedoe@gmail.com"));
        assertEquals("", AudienceFormat.sha256(null));
    }
}
