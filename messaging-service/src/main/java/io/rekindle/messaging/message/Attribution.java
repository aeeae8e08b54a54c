package io.rekindle.messaging.message;

import jakarta.validation.constraints.Size;

/** Which scenario, step and variant a message belongs to, for reporting. */
public record Attribution(@Size(max = 200) String scenario, @Size(max = 200) String step,
        @Size(max = 100) String variant) {
}
