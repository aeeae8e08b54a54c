package io.rekindle.survey.invitation;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The personal link's token: {@code <invitation id>.<expiry, epoch seconds in base 36>.<signature>}. The id is random
 * (no personal data); the signature covers id and expiry, so neither can be altered or guessed.
 */
public record InvitationToken(String invitationId, Instant expiresAt) {

    private static final String PURPOSE = "survey-invitation";
    private static final Pattern SHAPE = Pattern.compile("([A-Za-z0-9_-]{8,64})\\.([0-9a-z]{1,13})\\.([A-Za-z0-9_-]{24})");

    public String sign(TokenSigner signer) {
        String data = invitationId + "." + Long.toString(expiresAt.getEpochSecond(), 36);
        return data + "." + signer.sign(PURPOSE, data);
    }

    /** The token's content when it is well-formed and signed by one of our keys (expired or not). */
    public static Optional<InvitationToken> verify(String token, TokenSigner signer) {
        var m = token == null ? null : SHAPE.matcher(token);
        if (m == null || !m.matches()) {
            return Optional.empty();
        }
        String data = m.group(1) + "." + m.group(2);
        if (!signer.verify(PURPOSE, data, m.group(3))) {
            return Optional.empty();
        }
        return Optional.of(new InvitationToken(m.group(1), Instant.ofEpochSecond(Long.parseLong(m.group(2), 36))));
    }

    public boolean expiredAt(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
