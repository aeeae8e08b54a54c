package io.rekindle.survey.page;

import java.time.Duration;
import java.time.Instant;

import io.rekindle.survey.invitation.TokenSigner;

/**
 * The form's anti-forgery field: a signature over the invitation and the moment the form was shown, valid for
 * {@code rekindle.survey.form-lifetime} (a day). With the unguessable link it makes a cross-site post useless, and
 * an old saved form is not replayed forever.
 */
final class FormGuard {

    private static final String PURPOSE = "survey-form";

    private final TokenSigner signer;
    private final Duration lifetime;

    FormGuard(TokenSigner signer, Duration lifetime) {
        this.signer = signer;
        this.lifetime = lifetime;
    }

    String issue(String invitationId, Instant now) {
        String shown = Long.toString(now.getEpochSecond(), 36);
        return shown + "." + signer.sign(PURPOSE, invitationId + "." + shown);
    }

    boolean accepts(String field, String invitationId, Instant now) {
        int dot = field == null ? -1 : field.indexOf('.');
        // Eight base-36 digits reach the year 90,000: a longer "moment" is garbage, not a time to parse.
        if (dot <= 0 || !field.substring(0, dot).matches("[0-9a-z]{1,8}")) {
            return false;
        }
        String shown = field.substring(0, dot);
        Instant at = Instant.ofEpochSecond(Long.parseLong(shown, 36));
        return !at.isAfter(now.plusSeconds(60)) && at.plus(lifetime).isAfter(now)
                && signer.verify(PURPOSE, invitationId + "." + shown, field.substring(dot + 1));
    }
}
