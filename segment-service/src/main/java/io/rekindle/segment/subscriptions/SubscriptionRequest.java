package io.rekindle.segment.subscriptions;

import java.util.List;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A push consumer: where to post, which segments, an optional Authorization header value for subscribers that
 * authenticate callers by key, and where to start ("now", the default, or "beginning" of the feed).
 */
public record SubscriptionRequest(
        @NotNull @Pattern(regexp = "https?://[^\\s]{1,2000}", message = "must be an http or https URL") String callbackUrl,
        @NotEmpty @Size(max = 200) List<@NotNull String> segments,
        @Size(max = 4000) String authorization,
        @Pattern(regexp = "now|beginning", message = "must be now or beginning") String from) {
}
