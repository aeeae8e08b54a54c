package io.rekindle.messaging.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.rekindle.messaging.dispatch.SendingRules;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * This service's own settings ({@code rekindle.*}); the platform's (API keys, outbox, clock, peers' circuits) are in
 * {@code PlatformConfig}. A {@code rekindle.*} key that neither maps stops the start, so a misspelt key is found at
 * once. Every key is in the tuning table of the service's README.
 */
@ConfigMapping(prefix = "rekindle")
public interface MessagingConfig {

    /** Where recipients reach this service: unsubscribe, open and click links start with it. */
    String publicUrl();

    SendingRules sending();

    Email email();

    Sms sms();

    Push push();

    Webhooks webhooks();

    Links links();

    Erasure erasure();

    Health health();

    Offers offers();

    interface Offers {

        /**
         * After a customer redeems a discount that is not a current site offering (a cart journey's code), how long
         * no other such discount is sent to them, so nobody learns to abandon a cart for a code; PT0S turns it off.
         */
        @WithDefault("P90D")
        Duration discountRestAfterRedemption();
    }

    interface Email {

        /** The domain after the @ of the Message-ID header, which providers' events name the message by. */
        String messageIdDomain();

        /** Mails handed to the SMTP server per second per replica. */
        double ratePerSecond();

        /** How long one SMTP hand-off may take before it counts as failed (and is retried). */
        Duration sendTimeLimit();
    }

    interface Sms {

        /** The sender number (E.164) or alphanumeric sender id. */
        String from();

        /** The answer to a HELP keyword. */
        String helpText();

        double ratePerSecond();

        Twilio twilio();

        interface Twilio {

            String url();

            String accountSid();

            /** Authenticates calls to Twilio and verifies its webhooks' signatures. */
            String authToken();

            /** How long Twilio has to accept a message. */
            @WithDefault("PT15S")
            Duration timeout();
        }
    }

    interface Push {

        double ratePerSecond();

        Fcm fcm();

        interface Fcm {

            String url();

            String project();

            String accessToken();

            /** How long FCM has to accept a notification. */
            @WithDefault("PT15S")
            Duration timeout();
        }
    }

    interface Webhooks {

        /** How old a signed provider event may be (replay window). */
        Duration tolerance();

        /** Soft bounces in a row that suppress an address. */
        int softBounceLimit();

        Sendgrid sendgrid();

        Mailgun mailgun();

        Postmark postmark();

        Ses ses();

        /** A provider whose key is not set has its webhook refused (401), never accepted unsigned. */
        interface Sendgrid {

            Optional<String> publicKey();
        }

        interface Mailgun {

            Optional<String> signingKey();
        }

        interface Postmark {

            Optional<String> username();

            Optional<String> password();
        }

        interface Ses {

            /** The SNS topics whose notifications are accepted. */
            Optional<List<String>> topicArns();

            /** Where signing certificates are fetched instead of AWS (tests only). */
            Optional<String> endpointOverride();

            /** Signing certificates kept in memory. */
            @WithDefault("16")
            int certificatesKept();
        }
    }

    interface Links {

        /** Keys signing unsubscribe, open and click links: the first signs, every one verifies (rotation). */
        List<String> keys();

        /** How long open and click links work (unsubscribe links never expire). */
        Duration trackingLifetime();
    }

    interface Erasure {

        /** Salts the hashes that keep an erased person from coming back (shared with segment-service). */
        String salt();
    }

    interface Health {

        /** Scenarios that clean the base: the weeks their mail went out are marked on the health page. */
        @WithDefault("reengagement-cleaning")
        List<String> cleaningScenarios();

        /** Weeks the health page shows, ending with the current one. */
        @WithDefault("26")
        int weeks();
    }
}
