package io.rekindle.platform.http;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * At most {@code perWindow} calls per client in each fixed window of time. At most {@code maxClients} clients are
 * counted in one window; past that, a client not yet counted is refused too, so a flood of addresses cannot grow the
 * table without bound. Counts are this replica's: behind a Service of n replicas a client gets up to n times as many.
 */
public final class ClientRateLimit {

    private final int perWindow;
    private final Duration window;
    private final int maxClients;
    private final Map<String, Integer> counts = new HashMap<>();
    private long currentWindow = Long.MIN_VALUE;

    public ClientRateLimit(int perWindow, Duration window, int maxClients) {
        if (perWindow < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("a rate limit needs at least one call per positive window");
        }
        this.perWindow = perWindow;
        this.window = window;
        this.maxClients = maxClients;
    }

    /** Counts the call and returns zero when it is admitted, or how long until the client may call again. */
    public synchronized Duration admit(String client, Instant now) {
        long millis = window.toMillis();
        long index = Math.floorDiv(now.toEpochMilli(), millis);
        if (index != currentWindow) {
            currentWindow = index;
            counts.clear();
        }
        Integer count = counts.get(client);
        if ((count == null && counts.size() >= maxClients) || (count != null && count >= perWindow)) {
            return Duration.ofMillis((index + 1) * millis - now.toEpochMilli());
        }
        counts.put(client, count == null ? 1 : count + 1);
        return Duration.ZERO;
    }
}
