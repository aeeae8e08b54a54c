package io.rekindle.survey.invitation;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.WebApplicationException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.rekindle.platform.http.Problems;
import io.rekindle.survey.config.SurveyConfig;
import io.rekindle.survey.survey.SurveyCatalog;

/** Issues personal survey links and resolves them back to their invitation. */
@ApplicationScoped
public class Invitations {

    private final SurveyCatalog catalog;
    private final Clock clock;
    private final ObjectMapper mapper;
    private final TokenSigner signer;
    private final String publicUrl;
    private final Duration defaultTtl;
    private final Duration longest;
    private final SecureRandom random = new SecureRandom();

    Invitations(SurveyCatalog catalog, Clock clock, ObjectMapper mapper, SurveyConfig config) {
        this.catalog = catalog;
        this.clock = clock;
        this.mapper = mapper;
        this.signer = new TokenSigner(config.survey().tokenKeys());
        this.publicUrl = config.publicUrl().toString();
        this.defaultTtl = config.survey().invitationTtl();
        this.longest = config.survey().longestInvitation();
    }

    public record Issued(InvitationView invitation, boolean created) {
    }

    /**
     * A new invitation, or with an idempotency key seen before the one it created.
     *
     * @throws WebApplicationException 404 for an unknown survey, 400 for a bad expiry, 409 for a reused key
     */
    @Transactional
    public Issued invite(String surveyId, InvitationRequest request, String idempotencyKey) {
        if (catalog.find(surveyId).isEmpty()) {
            throw new WebApplicationException(Problems.notFound("No survey '" + surveyId + "'."));
        }
        String hash = fingerprint(surveyId, request);
        if (idempotencyKey != null) {
            Optional<Invitation> earlier = Invitation.find("idempotencyKey", idempotencyKey).firstResultOptional();
            if (earlier.isPresent()) {
                if (!earlier.get().requestHash.equals(hash)) {
                    throw new WebApplicationException(Problems.conflict("Idempotency-Key '" + idempotencyKey
                            + "' was used for a different invitation."));
                }
                return new Issued(view(earlier.get()), false);
            }
        }
        Instant now = clock.instant();
        Instant expiresAt = (request.expiresAt() != null ? request.expiresAt() : now.plus(defaultTtl))
                .truncatedTo(ChronoUnit.SECONDS);
        if (!expiresAt.isAfter(now) || expiresAt.isAfter(now.plus(longest))) {
            throw new WebApplicationException(Problems.badRequest("expiresAt", "must be in the future, within a year"));
        }
        Invitation invitation = new Invitation();
        invitation.invitationId = newId();
        invitation.surveyId = surveyId;
        invitation.customerId = request.customerId();
        invitation.locale = request.locale();
        if (request.attribution() != null) {
            invitation.scenarioId = request.attribution().scenario();
            invitation.stepId = request.attribution().step();
            invitation.variant = request.attribution().variant();
        }
        invitation.idempotencyKey = idempotencyKey;
        invitation.requestHash = hash;
        invitation.createdAt = now;
        invitation.expiresAt = expiresAt;
        if (idempotencyKey == null) {
            invitation.persist();
            return new Issued(view(invitation), true);
        }
        // Two requests with one key at once: the database keeps the first, the second waits for it and reads it.
        if (insertUnlessKeyTaken(invitation) == 0) {
            Invitation earlier = Invitation.<Invitation>find("idempotencyKey", idempotencyKey).firstResult();
            if (!earlier.requestHash.equals(hash)) {
                throw new WebApplicationException(Problems.conflict("Idempotency-Key '" + idempotencyKey
                        + "' was used for a different invitation."));
            }
            return new Issued(view(earlier), false);
        }
        return new Issued(view(invitation), true);
    }

    /** 1 when stored, 0 when an invitation with this key is already there (or about to be, in another request). */
    private static int insertUnlessKeyTaken(Invitation i) {
        return Invitation.getEntityManager().unwrap(org.hibernate.Session.class).doReturningWork(c -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("""
                    INSERT INTO invitation (invitation_id, survey_id, customer_id, locale, scenario_id, step_id,
                        variant, idempotency_key, request_hash, created_at, expires_at)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (idempotency_key) DO NOTHING""")) {
                String[] texts = { i.invitationId, i.surveyId, i.customerId, i.locale, i.scenarioId, i.stepId,
                    i.variant, i.idempotencyKey, i.requestHash };
                for (int n = 0; n < texts.length; n++) {
                    ps.setString(n + 1, texts[n]);
                }
                ps.setTimestamp(10, java.sql.Timestamp.from(i.createdAt));
                ps.setTimestamp(11, java.sql.Timestamp.from(i.expiresAt));
                return ps.executeUpdate();
            }
        });
    }

    public Optional<InvitationView> find(String invitationId) {
        return Invitation.<Invitation>findByIdOptional(invitationId).map(this::view);
    }

    /** What a public link leads to: its invitation, or why there is none. */
    public record Access(Status status, Invitation invitation) {

        public enum Status { OPEN, EXPIRED, UNKNOWN }
    }

    public Access open(String token) {
        Optional<InvitationToken> verified = InvitationToken.verify(token, signer);
        if (verified.isEmpty()) {
            return new Access(Access.Status.UNKNOWN, null);
        }
        Invitation invitation = Invitation.findById(verified.get().invitationId());
        if (invitation == null || !invitation.expiresAt.equals(verified.get().expiresAt())) {
            return new Access(Access.Status.UNKNOWN, null);
        }
        return new Access(verified.get().expiredAt(clock.instant()) ? Access.Status.EXPIRED : Access.Status.OPEN,
                invitation);
    }

    public TokenSigner signer() {
        return signer;
    }

    private InvitationView view(Invitation i) {
        String token = new InvitationToken(i.invitationId, i.expiresAt).sign(signer);
        return new InvitationView(i.invitationId, i.surveyId, i.customerId, i.locale, i.attribution(),
                publicUrl + "/s/" + token, i.createdAt, i.expiresAt);
    }

    private String newId() {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private String fingerprint(String surveyId, InvitationRequest request) {
        try {
            byte[] body = (surveyId + "\n" + mapper.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
