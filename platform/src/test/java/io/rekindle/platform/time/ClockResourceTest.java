package io.rekindle.platform.time;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

/** The admin clock exists only where the clock is adjustable (each service's REST test drives it over HTTP). */
class ClockResourceTest {

    @Test
    void theProductionClockCannotBeMoved() {
        ClockResource production = new ClockResource(Clock.systemUTC());
        WebApplicationException refused = assertThrows(WebApplicationException.class,
                () -> production.advance(new ClockResource.AdvanceRequest(Duration.ofDays(1))));
        assertEquals(404, refused.getResponse().getStatus());
    }

    @Test
    void theAdjustableClockKeepsRunningFromWhereItWasMoved() {
        AdjustableClock adjustable = new AdjustableClock();
        Instant before = Instant.now();
        adjustable.advance(Duration.ofDays(30));
        assertTrue(!adjustable.instant().isBefore(before.plus(Duration.ofDays(30))));
        assertTrue(adjustable.instant().isBefore(Instant.now().plus(Duration.ofDays(30)).plusSeconds(5)));
        assertEquals(Duration.ofDays(30), adjustable.offset());
    }
}
