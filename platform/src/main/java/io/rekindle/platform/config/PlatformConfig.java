package io.rekindle.platform.config;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.rekindle.platform.peers.PeerTuning;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The settings of the infrastructure every service shares ({@code rekindle.*}): API keys, outbound URL checks, the
 * outbox relay, the clock, body limits, peers' circuits. Each service maps its own settings in its {@code config}
 * package; both are listed in the service README's tuning table.
 */
@ConfigMapping(prefix = "rekindle")
public interface PlatformConfig {

    Api api();

    Outbound outbound();

    Outbox outbox();

    Time clock();

    Http http();

    Production production();

    Peers peers();

    interface Api {

        Keys keys();

        /** Calls one client (by address) may make with a browser key per minute, on each replica. */
        @WithDefault("30")
        int browserCallsPerMinute();

        /** Comma-separated keys per scope; every listed key is accepted, the first service key calls peers. */
        interface Keys {

            List<String> admin();

            List<String> storefront();

            List<String> service();

            /** Public keys the shop's pages carry (not secrets): none by default. */
            Optional<List<String>> browser();
        }
    }

    interface Outbound {

        /** Callers' URLs may use plain http (tests and the local run only). */
        @WithDefault("false")
        boolean allowHttp();

        /** Internal ranges (CIDR) that callers' URLs may reach all the same, such as a test's loopback. */
        Optional<List<String>> allowedRanges();
    }

    interface Outbox {

        /** Off in a service without an outbox: its dead-letter listing goes too. */
        @WithDefault("true")
        boolean enabled();

        /** The pause between relay passes ("off" in tests, which relay themselves). */
        @WithDefault("500ms")
        String relayEvery();

        /** Rows sent to one destination in one call. */
        @WithDefault("200")
        int batch();

        /** How long a claimed batch is a replica's before another may send it. */
        @WithDefault("PT1M")
        Duration lease();

        /** A failed batch waits from the base, doubling, up to the ceiling (with jitter) before it is sent again. */
        @WithDefault("PT1S")
        Duration retryBase();

        @WithDefault("PT5M")
        Duration retryMax();

        @WithDefault("PT2S")
        Duration connectTimeout();

        /** How long a destination has to answer a batch. */
        @WithDefault("PT10S")
        Duration timeout();
    }

    interface Time {

        /** The clock may be moved forward through the admin API (dev, test and the demo only). */
        @WithDefault("false")
        boolean adjustable();

        /** With an adjustable clock, the instant it stands at until moved. */
        Optional<Instant> start();
    }

    interface Http {

        /** {@code <path prefix>=<size>} entries: smaller body limits for public routes. */
        Optional<List<String>> publicBodyLimits();
    }

    interface Production {

        /** The properties that must come from the environment outside the development profiles. */
        List<String> secrets();
    }

    interface Peers {

        PeerTuning circuit();
    }
}
