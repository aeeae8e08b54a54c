package io.rekindle.scenario.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * This service's own settings ({@code rekindle.scenarios.*}); the platform's (API keys, clock, peers' circuits) are in
 * {@code PlatformConfig}. Every key is in the tuning table of the service's README.
 */
@ConfigMapping(prefix = "rekindle.scenarios")
public interface ScenarioConfig {

    /** The pause between engine passes ("off" in tests, which run the engine themselves). */
    String engineEvery();

    /** Enrollments advanced at once per replica. */
    int engineThreads();

    /** Enrollments one replica claims per pass. */
    @WithDefault("100")
    int engineBatch();

    /** Steps one enrollment may take in one pass before it waits for the next (a loop guard). */
    @WithDefault("50")
    int stepsPerPass();

    /** How long a claimed enrollment is a replica's before another may take it over. */
    Duration lease();

    /** A failed pass waits from the base, doubling, up to the ceiling; after max-attempts it is parked. */
    Duration retryBase();

    Duration retryMax();

    int maxAttempts();

    /** Marketing messages per customer from all scenarios: at most one per this period. */
    Duration frequencyCap();

    /** The secret that makes holdout and variant assignment unpredictable, and erased customers' hashes. */
    String assignmentSalt();

    /** The pause between reads of segment-service's change feed. */
    String feedEvery();

    /** Changes read from the feed per call. */
    @WithDefault("500")
    int feedPage();

    /** What one message costs the shop, in its currency, per channel: the report's margin counts it. */
    SendCost sendCost();

    interface SendCost {

        @WithDefault("0.001")
        double email();

        @WithDefault("0.05")
        double sms();

        @WithDefault("0.0005")
        double push();

        /** The cost of one message on this channel (email when it is not sms or push). */
        default double of(String channel) {
            return switch (channel) {
                case "sms" -> sms();
                case "push" -> push();
                default -> email();
            };
        }
    }

    /** Customers each group of a comparison needs before the report gives figures instead of "too few to tell". */
    @WithDefault("30")
    long reportMinimumGroup();

    /**
     * How far back before entry a customer's orders and revenue are read (from segment-service, at entry) to narrow
     * the report's intervals (CUPED).
     */
    @WithDefault("P180D")
    Duration preEntryPeriod();

    /**
     * The share of customers (0 to 0.5) kept out of every scenario that is not transactional, the program-wide
     * holdout that {@code GET /v1/reports/program} measures the whole program against; 0 turns it off.
     */
    @WithDefault("0")
    double programHoldout();

    /** How long a replica reuses its list of scenarios; another replica's change shows after at most this. */
    @WithDefault("PT2S")
    Duration catalogRefresh();
}
