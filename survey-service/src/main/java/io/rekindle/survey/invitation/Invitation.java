package io.rekindle.survey.invitation;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "invitation")
public class Invitation extends PanacheEntityBase {

    @Id
    @Column(name = "invitation_id")
    public String invitationId;

    @Column(name = "survey_id")
    public String surveyId;

    /** Null once the customer is erased. */
    @Column(name = "customer_id")
    public String customerId;

    public String locale;

    @Column(name = "scenario_id")
    public String scenarioId;

    @Column(name = "step_id")
    public String stepId;

    public String variant;

    @Column(name = "idempotency_key")
    public String idempotencyKey;

    @Column(name = "request_hash")
    public String requestHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "expires_at")
    public Instant expiresAt;

    public Attribution attribution() {
        return new Attribution(scenarioId, stepId, variant);
    }
}
