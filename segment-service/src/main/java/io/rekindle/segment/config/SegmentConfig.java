package io.rekindle.segment.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * This service's own settings ({@code rekindle.*}); the platform's (API keys, outbox, clock) are in
 * {@code PlatformConfig}. A {@code rekindle.*} key that neither maps stops the start, so a misspelt key is found at
 * once. Every key is in the tuning table of the service's README.
 */
@ConfigMapping(prefix = "rekindle")
public interface SegmentConfig {

    Erasure erasure();

    Intake intake();

    Metrics metrics();

    Rfm rfm();

    Segments segments();

    Subscriptions subscriptions();

    Recommendations recommendations();

    Value value();

    Health health();

    interface Erasure {

        /** Salts the hashes that keep an erased person from coming back (shared with messaging-service). */
        String salt();
    }

    interface Intake {

        /** How far ahead of this server's clock a storefront's timestamp may be (clock skew). */
        @WithDefault("PT5M")
        Duration futureTolerance();
    }

    interface Metrics {

        /** When the nightly recompute (summaries, BG/NBD fit, every segment) runs; "off" in tests. */
        String recomputeCron();

        /**
         * PostgreSQL work_mem, in MB, for the store-wide passes (the recompute, a segment's full recompute, the
         * scheduling of every customer): each sort or hash in them may use this much per database process.
         */
        @WithDefault("128")
        int storePassWorkMemMb();
    }

    interface Rfm {

        /** The purchases RFM scores look at: those within this window before the day scored. */
        Duration window();
    }

    interface Segments {

        /** The pause between passes over customers whose data changed ("off" in tests). */
        String reevaluateEvery();

        /** Changed customers one pass takes. */
        @WithDefault("1000")
        int reevaluateBatch();
    }

    interface Subscriptions {

        /** The pause between delivery passes ("off" in tests, which deliver themselves). */
        String deliverEvery();

        /** How soon a subscriber that was sent everything is looked at again. */
        Duration poll();

        /** Changes per delivery. */
        int batch();

        /** A failed delivery waits from the base, doubling, up to the ceiling (with jitter). */
        Duration backoffBase();

        Duration backoffMax();

        /** How long a subscriber has to connect and answer. */
        Duration timeout();

        /** How long a claimed subscription is a replica's before another may deliver to it. */
        @WithDefault("PT2M")
        Duration lease();
    }

    interface Recommendations {

        /** Bestsellers are counted over this window. */
        @WithDefault("P90D")
        Duration bestsellerWindow();

        /** How long a replica reuses its bestseller list. */
        @WithDefault("PT1M")
        Duration bestsellerRefresh();
    }

    interface Value {

        /**
         * The yearly rate the discounted 12-month value discounts expected revenue at (0.10: revenue a year away is
         * worth 1 / 1.1 of revenue now); from 0 to 0.5.
         */
        @WithDefault("0.10")
        double discountRate();
    }

    interface Health {

        /** The segments that say a customer is inactive, by the store's own rules, in the base's health figures. */
        @WithDefault("no-interaction-6m")
        java.util.List<String> inactiveSegments();
    }
}
