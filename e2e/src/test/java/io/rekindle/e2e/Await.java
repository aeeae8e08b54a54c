package io.rekindle.e2e;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Polls until something the services do asynchronously has happened. */
public final class Await {

    private Await() {
    }

    public static void until(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not reached within " + timeout);
            }
            Thread.sleep(200);
        }
    }
}
