package io.rekindle.segment.customer;

import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.rekindle.segment.hygiene.EmailHygiene;
import io.rekindle.segment.hygiene.Hygiene;
import io.rekindle.segment.privacy.Erasure;
import io.rekindle.segment.segments.Reevaluations;

/** Stores customer profiles as the storefront sends them. */
@ApplicationScoped
public class CustomerDirectory {

    private final Clock clock;
    private final EmailHygiene hygiene;

    private final Erasure erasure;
    private final Reevaluations reevaluations;

    CustomerDirectory(Clock clock, EmailHygiene hygiene, Erasure erasure, Reevaluations reevaluations) {
        this.clock = clock;
        this.hygiene = hygiene;
        this.erasure = erasure;
        this.reevaluations = reevaluations;
    }

    /** Creates or replaces the profile; answers whether it was created. */
    @Transactional
    public boolean upsert(String customerId, CustomerProfile profile) {
        return upsertAll(java.util.List.of(profile.withCustomerId(customerId))) == 1;
    }

    /** Creates or replaces profiles with distinct ids in one transaction; answers how many were created. */
    @Transactional
    public int upsertAll(java.util.List<CustomerProfile> profiles) {
        Instant now = clock.instant();
        java.util.Map<String, Customer> existing = new HashMap<>();
        Customer.<Customer> list("customerId in ?1", profiles.stream().map(CustomerProfile::customerId).toList())
                .forEach(c -> existing.put(c.customerId, c));
        java.util.Set<String> erased = erasure.erasedAmong(profiles.stream()
                .filter(p -> !existing.containsKey(p.customerId())).toList());
        int created = 0;
        for (CustomerProfile profile : profiles) {
            Customer customer = existing.get(profile.customerId());
            if (customer == null) {
                customer = new Customer();
                customer.customerId = profile.customerId();
                // A re-import after erasure starts fresh, but the shop can see it is one.
                customer.previouslyErased = erased.contains(profile.customerId());
                apply(customer, profile, true, now);
                customer.persist();
                created++;
            } else {
                apply(customer, profile, false, now);
            }
        }
        reevaluations.markDue(profiles.stream().map(CustomerProfile::customerId).toList());
        return created;
    }

    private void apply(Customer customer, CustomerProfile profile, boolean created, Instant now) {
        customer.email = normaliseEmail(profile.email());
        Hygiene verdict = hygiene.check(customer.email);
        customer.hygieneStatus = verdict.status().jsonName();
        customer.hygieneSuggestion = verdict.suggestion();
        customer.phone = profile.phone();
        customer.pushToken = profile.pushToken();
        customer.firstName = profile.firstName();
        customer.lastName = profile.lastName();
        customer.locale = profile.locale();
        customer.timezone = profile.timezone();
        customer.country = profile.country();
        customer.createdAt = profile.createdAt() != null ? profile.createdAt()
                : created ? now : customer.createdAt;
        Consents consents = profile.consents() != null ? profile.consents() : new Consents(null, null, null);
        Consent email = orNone(consents.email());
        Consent sms = orNone(consents.sms());
        Consent push = orNone(consents.push());
        customer.consentEmailAt = consentTime(email, customer.consentEmail, customer.consentEmailAt, now);
        customer.consentEmail = email.granted();
        customer.consentSmsAt = consentTime(sms, customer.consentSms, customer.consentSmsAt, now);
        customer.consentSms = sms.granted();
        customer.consentPushAt = consentTime(push, customer.consentPush, customer.consentPushAt, now);
        customer.consentPush = push.granted();
        customer.attributes = profile.attributes() != null ? new HashMap<>(profile.attributes()) : new HashMap<>();
        customer.updatedAt = now;
    }

    public Optional<Customer> find(String customerId) {
        return Customer.findByIdOptional(customerId);
    }

    /** The customers among these ids that have a profile, by id. */
    public java.util.Map<String, Customer> findAll(java.util.Collection<String> customerIds) {
        java.util.Map<String, Customer> found = new java.util.HashMap<>();
        Customer.<Customer>list("customerId in ?1", customerIds).forEach(c -> found.put(c.customerId, c));
        return found;
    }

    private static Consent orNone(Consent consent) {
        return consent != null ? consent : Consent.NONE;
    }

    /** When consent was given: as sent, else kept from before, else now when newly granted. */
    private static Instant consentTime(Consent sent, boolean wasGranted, Instant previousAt, Instant now) {
        if (!sent.granted()) {
            return sent.at();
        }
        if (sent.at() != null) {
            return sent.at();
        }
        return wasGranted ? previousAt : now;
    }

    private static String normaliseEmail(String email) {
        return email == null ? null : email.trim();
    }
}
