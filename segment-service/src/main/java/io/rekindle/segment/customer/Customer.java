package io.rekindle.segment.customer;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

@Entity
@Table(name = "customer")
public class Customer extends PanacheEntityBase {

    @Id
    @Column(name = "customer_id")
    public String customerId;

    public String email;
    public String phone;
    @Column(name = "push_token")
    public String pushToken;
    @Column(name = "first_name")
    public String firstName;
    @Column(name = "last_name")
    public String lastName;
    public String locale;
    public String timezone;
    public String country;
    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "consent_email")
    public boolean consentEmail;
    @Column(name = "consent_email_at")
    public Instant consentEmailAt;
    @Column(name = "consent_sms")
    public boolean consentSms;
    @Column(name = "consent_sms_at")
    public Instant consentSmsAt;
    @Column(name = "consent_push")
    public boolean consentPush;
    @Column(name = "consent_push_at")
    public Instant consentPushAt;

    @JdbcTypeCode(SqlTypes.JSON)
    public Map<String, Object> attributes = new HashMap<>();

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "hygiene_status")
    public String hygieneStatus;
    @Column(name = "hygiene_suggestion")
    public String hygieneSuggestion;
    @Column(name = "previously_erased")
    public boolean previouslyErased;
}
