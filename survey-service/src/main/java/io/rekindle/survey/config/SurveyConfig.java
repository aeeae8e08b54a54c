package io.rekindle.survey.config;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * This service's own settings ({@code rekindle.*}); the platform's (API keys, outbox, clock) are in
 * {@code PlatformConfig}. Every key is in the tuning table of the service's README.
 */
@ConfigMapping(prefix = "rekindle")
public interface SurveyConfig {

    /** Where customers reach the public survey pages; links and the pages' own addresses start with it. */
    URI publicUrl();

    Survey survey();

    interface Survey {

        /** Keys signing survey links and form guards: the first signs, every one verifies (rotation). */
        List<String> tokenKeys();

        /** How long a link stays valid when the invitation names no expiry. */
        @WithDefault("P30D")
        Duration invitationTtl();

        /** The longest expiry an invitation may ask for. */
        @WithDefault("P366D")
        Duration longestInvitation();

        /** How long a shown form may be posted back (its anti-forgery field expires then). */
        @WithDefault("P1D")
        Duration formLifetime();
    }
}
