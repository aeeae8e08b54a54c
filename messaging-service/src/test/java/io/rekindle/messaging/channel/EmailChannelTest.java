package io.rekindle.messaging.channel;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EmailChannelTest {

    @Test
    void onlyARefusalOfTheRecipientOrMessageIsPermanent() {
        for (int code : new int[] { 550, 551, 552, 553, 554 }) {
            assertTrue(EmailChannel.permanent(code), code + " refuses the message for good");
        }
        // A desynchronised exchange (the client read the server's greeting as a reply) came back as 500 once.
        for (int code : new int[] { 421, 450, 451, 452, 500, 501, 502, 503, 504, 530 }) {
            assertFalse(EmailChannel.permanent(code), code + " is retried");
        }
    }
}
