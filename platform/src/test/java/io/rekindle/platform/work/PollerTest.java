package io.rekindle.platform.work;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class PollerTest {

    @Test
    void aPollerSurvivesErrorsAndExceptionsAndReportsWhetherItWorks() throws Exception {
        AtomicInteger passes = new AtomicInteger();
        Poller poller = Poller.start("test-poller", "5ms", () -> {
            int n = passes.incrementAndGet();
            if (n == 1) {
                throw new OutOfMemoryError("pretend");
            }
            if (n <= 4) {
                throw new IllegalStateException("database down");
            }
        }).orElseThrow();
        try {
            long deadline = System.nanoTime() + 10_000_000_000L;
            while (passes.get() < 6 && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertTrue(passes.get() >= 6, "an Error did not end the schedule: " + passes.get() + " passes");
            assertTrue(poller.ready());
            assertTrue(poller.lastSuccess().isPresent());
            assertEquals(0, poller.failuresInARow());
        } finally {
            poller.stop();
        }
        assertFalse(Poller.RUNNING.containsKey("test-poller"));
    }

    @Test
    void threeFailedPassesInARowMakeItNotReady() {
        Poller poller = Poller.start("failing", "1h", () -> {
        }).orElseThrow();
        try {
            Runnable failing = () -> {
                throw new IllegalStateException("no database");
            };
            poller.pass(failing, "1h");
            poller.pass(failing, "1h");
            assertTrue(poller.ready(), "two failures are not yet a reason to stop routing");
            poller.pass(failing, "1h");
            assertFalse(poller.ready());
            assertEquals("java.lang.IllegalStateException: no database", poller.lastFailure().orElseThrow());
            poller.pass(() -> {
            }, "1h");
            assertTrue(poller.ready());
            assertTrue(poller.lastFailure().isEmpty());
        } finally {
            poller.stop();
        }
    }
}
