package io.rekindle.survey.page;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rekindle.survey.invitation.TokenSigner;

class FormGuardTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private final FormGuard guard = new FormGuard(new TokenSigner(List.of("a-test-key-of-some-length")),
            Duration.ofDays(1));

    @Test
    void theGuardItIssuedPassesForADay() {
        String issued = guard.issue("inv-1", NOW);
        assertTrue(guard.accepts(issued, "inv-1", NOW.plusSeconds(3600)));
        assertFalse(guard.accepts(issued, "inv-2", NOW));
        assertFalse(guard.accepts(issued, "inv-1", NOW.plusSeconds(86_401)));
    }

    @Test
    void aGarbledGuardIsRefusedWithoutAnError() {
        for (String garbled : new String[] { null, "", ".", "zzzzzzzzzzzzz.abc", "zzzzzzzzzzzz.abc", "ZZZ.abc",
                "1.", "-1.abc", "1.%%%%", "\u0000.\u0000", "1".repeat(10_000) + ".x" }) {
            assertFalse(guard.accepts(garbled, "inv-1", NOW), String.valueOf(garbled));
        }
    }
}
