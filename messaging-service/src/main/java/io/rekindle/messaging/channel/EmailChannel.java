package io.rekindle.messaging.channel;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vertx.ext.mail.SMTPException;

/**
 * Email over SMTP. The Message-ID derives from the message id, so a resend after a crash in the window between the
 * server's accept and our commit carries the same Message-ID and can be recognised downstream. Marketing mail
 * carries RFC 8058 one-click unsubscribe headers.
 */
@ApplicationScoped
public class EmailChannel implements ProviderChannel {

    private final Mailer mailer;
    private final String domain;
    private final RateLimiter rate;

    EmailChannel(Mailer mailer, @ConfigProperty(name = "rekindle.email.message-id-domain") String domain,
            @ConfigProperty(name = "rekindle.email.rate-per-second") double perSecond) {
        this.mailer = mailer;
        this.domain = domain;
        this.rate = new RateLimiter(perSecond);
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
        try {
            mailer.send(mail);
            return messageId;
        } catch (RuntimeException e) {
            Throwable cause = e;
            while (cause != null && !(cause instanceof SMTPException)) {
                cause = cause.getCause();
            }
            if (cause instanceof SMTPException smtp) {
                throw new ProviderException(permanent(smtp.getReplyCode()), "SMTP " + smtp.getReplyCode() + ": "
                        + smtp.getMessage());
            }
            throw new ProviderException(false, "SMTP: " + e.getMessage());
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
