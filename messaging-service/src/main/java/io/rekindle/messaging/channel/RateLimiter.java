package io.rekindle.messaging.channel;

/** At most {@code perSecond} hand-offs per second to one provider from this replica; callers wait their turn. */
public final class RateLimiter {

    private final long intervalNanos;
    private long next = System.nanoTime();

    public RateLimiter(double perSecond) {
        this.intervalNanos = (long) (1e9 / perSecond);
    }

    public void acquire() {
        long wait;
        synchronized (this) {
            long now = System.nanoTime();
            next = Math.max(next, now);
            wait = next - now;
            next += intervalNanos;
        }
        if (wait > 0) {
            try {
                Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
