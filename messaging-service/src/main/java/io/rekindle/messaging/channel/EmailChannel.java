package io.rekindle.messaging.channel;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;

/**
 * Email over SMTP. The Message-ID derives from the message id, so a resend after a crash in the window between the
 * server's accept and our commit carries the same Message-ID and can be recognised downstream. Marketing mail
 * carries RFC 8058 one-click unsubscribe headers. A server that does not answer within the time limit is a transient
 * failure, retried later under the same Message-ID (a hung connection must not hold its sender, and the message's
 * lease, for good); the mail client goes on with the hand-off, and an acceptance that comes in before the retry is
 * recorded instead.
 */
@ApplicationScoped
public class EmailChannel implements ProviderChannel {

    private final ReactiveMailer mailer;
    private final String domain;
    private final RateLimiter rate;
    private final Duration timeLimit;

    EmailChannel(ReactiveMailer mailer, @ConfigProperty(name = "rekindle.email.message-id-domain") String domain,
            @ConfigProperty(name = "rekindle.email.rate-per-second") double perSecond,
            @ConfigProperty(name = "rekindle.email.send-time-limit") Duration timeLimit) {
        this.mailer = mailer;
        this.domain = domain;
        this.rate = new RateLimiter(perSecond);
        this.timeLimit = timeLimit;
    }

    public String messageIdHeader(String messageId) {
        return "<" + messageId + "@" + domain + ">";
    }

    @Override
    public String send(Outgoing message) throws ProviderException {
        Mail mail = new Mail().addTo(message.recipient()).setSubject(message.content().subject());
        if (message.content().html() != null) {
            mail.setHtml(message.content().html());
        }
        if (message.content().text() != null) {
            mail.setText(message.content().text());
        }
        String messageId = messageIdHeader(message.messageId());
        mail.addHeader("Message-ID", messageId);
        if (message.unsubscribeUrl() != null) {
            mail.addHeader("List-Unsubscribe", "<" + message.unsubscribeUrl() + ">");
            mail.addHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        rate.acquire();
        CompletableFuture<Void> handOff = mailer.send(mail).subscribeAsCompletionStage();
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
