package io.rekindle.survey.invitation;

import jakarta.validation.constraints.Size;

/** Which scenario, step and variant sent the invitation, for the results' filters and the scenario's branch. */
public record Attribution(@Size(max = 200) String scenario, @Size(max = 200) String step,
        @Size(max = 100) String variant) {
}
