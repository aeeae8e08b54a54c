package io.rekindle.messaging.channel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.rekindle.messaging.config.MessagingConfig;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;
import io.vertx.mutiny.ext.mail.MailClient;

/**
 * Email over SMTP. The Message-ID derives from the message id, so a resend after a crash in the window between the
 * server's accept and our commit carries the same Message-ID and can be recognised downstream. Marketing mail
 * carries RFC 8058 one-click unsubscribe headers. A server that does not answer within the time limit is a transient
 * failure, retried later under the same Message-ID (a hung connection must not hold its sender, and the message's
 * lease, for good); the mail client goes on with the hand-off, and an acceptance that comes in before the retry is
 * recorded instead. Mail goes through the Vert.x mail client that Quarkus configures from {@code quarkus.mailer.*}
 * (pool, TLS, DKIM signing): Quarkus's {@code Mail} always hands it a Cc list, and an empty one is written as an empty
 * {@code Cc:} header. Every header value is {@link HeaderValues#clean cleaned} of control characters.
 */
@ApplicationScoped
public class EmailChannel implements ProviderChannel {

    private final MailClient mailer;
    private final String from;
    private final String domain;
    private final RateLimiter rate;
    private final Duration timeLimit;

    EmailChannel(MailClient mailer, @ConfigProperty(name = "quarkus.mailer.from") String from,
            MessagingConfig config) {
        this.mailer = mailer;
        this.from = HeaderValues.clean(from);
        this.domain = config.email().messageIdDomain();
        this.rate = new RateLimiter(config.email().ratePerSecond());
        this.timeLimit = config.email().sendTimeLimit();
    }

    public String messageIdHeader(String messageId) {
        return "<" + messageId + "@" + domain + ">";
    }

    @Override
    public String send(Outgoing message) throws ProviderException {
        if (HeaderValues.hasControlCharacters(message.recipient())) {
            throw new ProviderException(true, "the recipient address holds control characters");
        }
        String messageId = messageIdHeader(message.messageId());
        MailMessage mail = new MailMessage().setFrom(from).setTo(message.recipient())
                .setSubject(HeaderValues.clean(message.content().subject()))
                .setHtml(message.content().html()).setText(message.content().text())
                .addHeader("Message-ID", messageId);
        if (message.unsubscribeUrl() != null) {
            mail.addHeader("List-Unsubscribe", "<" + HeaderValues.clean(message.unsubscribeUrl()) + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        rate.acquire();
        CompletableFuture<Void> handOff = mailer.sendMail(mail).replaceWithVoid().subscribeAsCompletionStage();
        try {
            handOff.get(timeLimit.toMillis(), TimeUnit.MILLISECONDS);
            return messageId;
        } catch (TimeoutException e) {
            throw ProviderException.unanswered("SMTP: no answer within " + timeLimit.toMillis() + " ms",
                    handOff.thenApply(accepted -> messageId));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ProviderException.unanswered("SMTP: interrupted while waiting for the server",
                    handOff.thenApply(accepted -> messageId));
        } catch (ExecutionException e) {
            Throwable failure = e.getCause();
            Throwable cause = failure;
            while (cause != null && !(cause instanceof SMTPException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SMTPException smtp) {
                throw new ProviderException(permanent(smtp.getReplyCode()), "SMTP " + smtp.getReplyCode() + ": "
                        + smtp.getMessage());
            }
            throw new ProviderException(false, "SMTP: " + failure.getMessage());
        }
    }

    /**
     * Whether an SMTP reply refuses this message for good: a 55x (no such mailbox, not allowed, message refused).
     * 500-504 say the conversation went wrong (a garbled or out-of-sequence exchange, seen on a reused connection),
     * not the recipient, so they are retried like any transient failure; 4xx are transient by definition.
     */
    static boolean permanent(int replyCode) {
        return replyCode >= 550 && replyCode <= 559;
    }
}
