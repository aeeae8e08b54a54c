package io.rekindle.segment.hygiene;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Judges whether an address is worth mailing: syntax, disposable domain, likely typo of a major mailbox provider
 * (with the corrected address) and role addresses that reach a team rather than a customer.
 */
public final class EmailHygiene {

    // Dot-atom local part and a domain of LDH labels with an alphabetic TLD: what real mailbox providers accept.
    private static final Pattern SYNTAX = Pattern.compile(
            "[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[A-Za-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+[A-Za-z]{2,63}");

    /** Major providers, most used first: a typo is corrected to the first closest one. */
    static final List<String> MAJOR_DOMAINS = List.of(
            "gmail.com", "yahoo.com", "hotmail.com", "outlook.com", "icloud.com", "aol.com", "live.com", "msn.com",
            "orange.fr", "wanadoo.fr", "free.fr", "sfr.fr", "laposte.net", "hotmail.fr", "yahoo.fr", "live.fr",
            "googlemail.com", "me.com", "mac.com", "protonmail.com", "proton.me", "gmx.de", "gmx.net", "web.de",
            "t-online.de", "yahoo.co.uk", "hotmail.co.uk", "btinternet.com", "comcast.net", "verizon.net",
            "libero.it", "yandex.ru", "mail.ru", "qq.com", "163.com", "naver.com", "bluewin.ch", "telenet.be");

    /** Real domains close to a major one; never "corrected". */
    private static final Set<String> LEGITIMATE_LOOKALIKES = Set.of(
            "mail.com", "gmx.com", "gmx.fr", "ymail.com", "email.com", "live.co.uk", "me.org", "aim.com",
            "mac.org", "web.com", "free.com", "msn.fr", "sfr.net", "gmail.fr", "outlook.fr", "icloud.fr");

    private static final Set<String> ROLE_LOCAL_PARTS = Set.of(
            "abuse", "admin", "administrator", "billing", "careers", "contact", "do-not-reply", "donotreply",
            "help", "hello", "hostmaster", "info", "jobs", "mailer-daemon", "marketing", "newsletter", "no-reply",
            "noreply", "office", "postmaster", "press", "privacy", "root", "sales", "security", "support", "team",
            "webmaster");

    private final DisposableDomains disposable;

    public EmailHygiene(DisposableDomains disposable) {
        this.disposable = disposable;
    }

    public Hygiene check(String email) {
        if (email == null || email.isBlank()) {
            return Hygiene.of(HygieneStatus.MISSING);
        }
        String address = email.trim();
        int at = address.lastIndexOf('@');
        if (address.length() > 254 || at < 1 || at > 64 || !SYNTAX.matcher(address).matches()) {
            return Hygiene.of(HygieneStatus.INVALID);
        }
        String local = address.substring(0, at);
        String domain = address.substring(at + 1).toLowerCase(Locale.ROOT);
        String corrected = likelyIntended(domain);
        boolean isDisposable = disposable.contains(domain);
        // Typo-squatted domains one edit away (gmai.com) are on the disposable list too, and the correction is the
        // more useful verdict; two edits away a listed domain is a real throw-away service (yopmail.com, not yahoo).
        if (corrected != null && (!isDisposable || editDistance(domain, corrected) == 1)) {
            return new Hygiene(HygieneStatus.TYPO, local + "@" + corrected);
        }
        if (isDisposable) {
            return Hygiene.of(HygieneStatus.DISPOSABLE);
        }
        if (ROLE_LOCAL_PARTS.contains(local.toLowerCase(Locale.ROOT))) {
            return Hygiene.of(HygieneStatus.ROLE);
        }
        return Hygiene.of(HygieneStatus.VALID);
    }

    /** The major domain this one most likely mistypes, or null when it is one of them or not close to any. */
    static String likelyIntended(String domain) {
        if (MAJOR_DOMAINS.contains(domain) || LEGITIMATE_LOOKALIKES.contains(domain)) {
            return null;
        }
        // Short domains tolerate a single edit; longer ones two.
        int allowed = domain.length() <= 8 ? 1 : 2;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String major : MAJOR_DOMAINS) {
            int distance = editDistance(domain, major);
            if (distance <= allowed && distance < bestDistance) {
                best = major;
                bestDistance = distance;
            }
        }
        return best;
    }

    /** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost one. */
    static int editDistance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
