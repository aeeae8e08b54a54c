package io.rekindle.messaging.dispatch;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;

import org.jboss.logging.Logger;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.rekindle.messaging.channel.EmailChannel;
import io.rekindle.messaging.channel.Outgoing;
import io.rekindle.messaging.channel.ProviderChannel;
import io.rekindle.messaging.channel.ProviderException;
import io.rekindle.messaging.channel.PushChannel;
import io.rekindle.messaging.channel.SmsChannel;
import io.rekindle.messaging.links.PublicLinks;
import io.rekindle.messaging.links.TrackedHtml;
import io.rekindle.messaging.message.Category;
import io.rekindle.messaging.message.MessageStore;
import io.rekindle.messaging.message.QueuedMessage;
import io.rekindle.messaging.suppression.Suppressions;
import io.rekindle.messaging.template.Channel;
import io.rekindle.messaging.template.Rendered;
import io.rekindle.messaging.template.Template;
import io.rekindle.messaging.template.TemplateCatalog;
import io.rekindle.messaging.template.TemplateData;
import io.rekindle.messaging.template.TemplateRenderer;
import io.rekindle.messaging.work.Backoff;
import io.rekindle.messaging.work.Poller;

/**
 * Drains the message queue on any replica. Each message is claimed with a lease, checked by the {@link SendPolicy}
 * under a per-customer lock (which also reserves its frequency-cap slot), handed to its provider, then marked sent.
 * A crash before the mark leaves the lease to expire and the message is tried again: the only duplicate possible is
 * one the provider accepted in the moment before our commit.
 */
@ApplicationScoped
public class Dispatcher {

    private static final Logger LOG = Logger.getLogger(Dispatcher.class);
    private static final int BATCH = 20;

    private final MessageStore messages;
    private final TemplateCatalog templates;
    private final TemplateRenderer renderer;
    private final ProfileDirectory profiles;
    private final Suppressions suppressions;
    private final PublicLinks links;
    private final Map<Channel, ProviderChannel> channels;
    private final SendPolicy policy;
    private final Backoff backoff;
    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lease;
    private final int maxAttempts;
    private final String every;
    private final int threads;
    private List<Poller> pollers = List.of();

    Dispatcher(MessageStore messages, TemplateCatalog templates, TemplateRenderer renderer, ProfileDirectory profiles,
            Suppressions suppressions, PublicLinks links, EmailChannel email, SmsChannel sms, PushChannel push,
            SendingRules rules, DataSource dataSource, Clock clock) {
        this.messages = messages;
        this.templates = templates;
        this.renderer = renderer;
        this.profiles = profiles;
        this.suppressions = suppressions;
        this.links = links;
        this.channels = Map.of(Channel.EMAIL, email, Channel.SMS, sms, Channel.PUSH, push);
        this.policy = new SendPolicy(new QuietHours(rules.quietHours()), rules.capWindow(), rules.capWindowByChannel());
        this.backoff = new Backoff(rules.retryBase(), rules.retryMax());
        this.lease = rules.lease();
        this.maxAttempts = rules.maxAttempts();
        this.dataSource = dataSource;
        this.clock = clock;
        this.every = rules.dispatchEvery();
        this.threads = rules.dispatchThreads();
    }

    /** Several draining threads per replica: each claims its own batches, so sends overlap their network waits. */
    void start(@Observes StartupEvent event) {
        pollers = java.util.stream.IntStream.rangeClosed(1, threads)
                .mapToObj(i -> Poller.start("dispatcher-" + i, every, this::drain)).flatMap(Optional::stream).toList();
    }

    void stop(@Observes ShutdownEvent event) {
        pollers.forEach(Poller::stop);
    }

    /** Processes every message due now; answers how many were handled. Runs on the poller's own thread. */
    @ActivateRequestContext
    public int drain() {
        int handled = 0;
        for (List<QueuedMessage> batch = messages.claimDue(BATCH, lease); !batch.isEmpty();
                batch = messages.claimDue(BATCH, lease)) {
            for (QueuedMessage m : batch) {
                process(m);
                handled++;
            }
        }
        return handled;
    }

    private void process(QueuedMessage m) {
        Optional<Template> template = templates.find(m.templateId());
        if (template.isEmpty() || template.get().channel != m.channel()) {
            messages.transition(m.id(), "failed", null, template.isEmpty() ? "no template '" + m.templateId() + "'"
                    : "template '" + m.templateId() + "' is for " + template.get().channel.name().toLowerCase());
            return;
        }
        Profile profile;
        try {
            profile = profiles.find(m.customerId()).orElse(null);
        } catch (ProfileDirectory.Unavailable e) {
            retry(m, e.getMessage());
            return;
        }
        List<Map<String, Object>> recommended = List.of();
        if (profile != null && template.get().usesRecommendations()) {
            try {
                recommended = profiles.recommendations(m.customerId(), m.variables());
            } catch (ProfileDirectory.Unavailable e) {
                retry(m, e.getMessage());
                return;
            }
        }
        String recipient = m.recipient() != null ? m.recipient() : profile == null ? null
                : m.channel() == Channel.EMAIL ? profile.email() : m.channel() == Channel.SMS ? profile.phone() : null;
        if (recipient == null || recipient.isBlank()) {
            messages.transition(m.id(), "failed", null, profile == null ? "unknown customer and no recipient given"
                    : "no " + m.channel().name().toLowerCase() + " address on the profile");
            return;
        }
        if (!reserve(m, recipient, profile)) {
            return;
        }
        String locale = m.locale() != null ? m.locale() : profile == null ? null : profile.locale();
        String unsubscribe = m.category() == Category.MARKETING ? links.unsubscribeUrl(m.id()) : null;
        Rendered content;
        try {
            content = renderer.render(template.get(), locale, TemplateData.of(
                    profile == null ? Map.of("customerId", m.customerId()) : profile.templateView(), m.variables(),
                    recommended, unsubscribe));
        } catch (RuntimeException e) {
            release(m, "failed", null, "template did not render: " + (e.getMessage() == null ? e : e.getMessage()));
            return;
        }
        if (m.channel() == Channel.EMAIL && content.html() != null) {
            content = new Rendered(content.subject(), TrackedHtml.track(content.html(), unsubscribe,
                    url -> links.clickUrl(m.id(), url), links.openPixelUrl(m.id())), content.text(), null, null, null,
                    null);
        }
        try {
            String providerId = channels.get(m.channel()).send(new Outgoing(m.id(), recipient, content, unsubscribe));
            messages.sent(m.id(), providerId);
        } catch (ProviderException e) {
            if (e.permanent() || m.attempts() + 1 >= maxAttempts) {
                release(m, "failed", null, e.getMessage());
            } else {
                release(m, "queued", clock.instant().plus(backoff.after(m.attempts() + 1, ThreadLocalRandom.current())),
                        e.getMessage());
            }
        }
    }

    /**
     * Applies the policy under the customer's lock; answers whether to send now, in which case the message holds
     * its recipient, an attempt and (for marketing) the customer's cap slot.
     */
    @Transactional
    boolean reserve(QueuedMessage m, String recipient, Profile profile) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtextextended(?, 7))")) {
                ps.setString(1, m.customerId());
                ps.execute();
            }
            if (!messages.holdLease(c, m, lease)) {
                // A slow batch outlived its lease and another worker took this message over: it sends it.
                return false;
            }
            boolean consent = profile != null && switch (m.channel()) {
                case EMAIL -> profile.consentEmail();
                case SMS -> profile.consentSms();
                case PUSH -> profile.consentPush();
            };
            Decision decision = policy.decide(new SendPolicy.Facts(m.channel(), m.category(), m.whenCapped(), consent,
                    suppressions.reason(c, m.channel(), recipient), profile == null ? null : profile.hygieneStatus(),
                    lastMarketingSend(c, m), profile == null ? java.time.ZoneOffset.UTC : profile.zone(),
                    profile == null ? null : profile.country()), now);
            if (decision instanceof Decision.Suppress s) {
                messages.transition(c, m.id(), "suppressed", null, s.reason());
                return false;
            }
            if (decision instanceof Decision.Defer d) {
                if (!"deferred".equals(m.state())) {
                    messages.transition(c, m.id(), "deferred", d.until(), d.reason());
                } else {
                    due(c, m.id(), d.until());
                }
                return false;
            }
            try (PreparedStatement ps = c.prepareStatement("UPDATE message SET recipient = ?, "
                    + "attempts = attempts + 1, sent_at = ? WHERE message_id = ?")) {
                ps.setString(1, recipient);
                ps.setTimestamp(2, m.category() == Category.MARKETING ? Timestamp.from(now) : null);
                ps.setString(3, m.id());
                ps.executeUpdate();
            }
            return true;
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant lastMarketingSend(Connection c, QueuedMessage m) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT max(sent_at) FROM message WHERE customer_id = ? "
                + "AND category = 'marketing' AND sent_at IS NOT NULL AND message_id <> ?")) {
            ps.setString(1, m.customerId());
            ps.setString(2, m.id());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }

    private static void due(Connection c, String id, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE message SET due_at = ?, claimed = false WHERE message_id = ?")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.setString(2, id);
            ps.executeUpdate();
        }
    }

    /** Gives up the cap slot of a send that did not happen and moves the message on. */
    @Transactional
    void release(QueuedMessage m, String state, Instant due, String detail) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE message SET sent_at = NULL WHERE message_id = ?")) {
                ps.setString(1, m.id());
                ps.executeUpdate();
            }
            messages.transition(c, m.id(), state, due, detail);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        if ("failed".equals(state)) {
            LOG.debugf("message %s failed: %s", m.id(), detail);
        }
    }

    private void retry(QueuedMessage m, String reason) {
        try (Connection c = dataSource.getConnection()) {
            due(c, m.id(), clock.instant().plus(backoff.after(m.attempts() + 1, ThreadLocalRandom.current())));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        LOG.debugf("message %s waits: %s", m.id(), reason);
    }
}
