package io.rekindle.segment.address;

import io.rekindle.segment.hygiene.EmailHygiene;
import io.rekindle.segment.hygiene.Hygiene;

/**
 * Turns the list-hygiene verdict on an address into what a form should do with it, so the dirt list hygiene finds
 * later (throw-away domains, typos of the big mailbox providers, role addresses) is kept out at the door instead.
 */
public final class AddressChecks {

    private final EmailHygiene hygiene;

    public AddressChecks(EmailHygiene hygiene) {
        this.hygiene = hygiene;
    }

    public AddressCheck check(String email) {
        Hygiene verdict = hygiene.check(email);
        String domain = email.substring(email.lastIndexOf('@') + 1).trim();
        return switch (verdict.status()) {
            case VALID -> new AddressCheck(email, AddressDecision.ACCEPT, verdict.status(), null, "a mailable address");
            case TYPO -> new AddressCheck(email, AddressDecision.SUGGEST, verdict.status(), verdict.suggestion(),
                    "did you mean " + verdict.suggestion() + "?");
            case ROLE -> new AddressCheck(email, AddressDecision.WARN, verdict.status(), null,
                    "this address reaches a team or a robot, not one person");
            case DISPOSABLE -> new AddressCheck(email, AddressDecision.REFUSE, verdict.status(), null,
                    domain + " hands out throw-away addresses");
            case INVALID, MISSING -> new AddressCheck(email, AddressDecision.REFUSE, verdict.status(), null,
                    "not a valid email address");
        };
    }
}
