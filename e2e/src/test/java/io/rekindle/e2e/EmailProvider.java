package io.rekindle.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;

import io.rekindle.bench.SendgridWebhook;

/**
 * The email provider of one campaign: reads what the SMTP server accepted for the campaign's recipients and reports
 * each new message as delivered through SendGrid's signed webhook in batches of 100, posting a refused or failed
 * batch again until it is acknowledged, as providers do. Counts arrivals by Message-ID, which messaging-service
 * derives from the message the idempotency key names: a second arrival of one id is a second copy of one message.
 */
final class EmailProvider extends Thread {

    private final String messaging;
    private final GreenMail smtp;
    private final String recipientPrefix;
    private final AtomicBoolean over = new AtomicBoolean();
    private final Map<String, Integer> arrivals = new HashMap<>();
    private final Set<String> recipients = new LinkedHashSet<>();
    private final Set<String> reported = new HashSet<>();

    EmailProvider(String messaging, GreenMail smtp, String recipientPrefix) {
        super("email-provider-" + recipientPrefix);
        this.messaging = messaging;
        this.smtp = smtp;
        this.recipientPrefix = recipientPrefix;
        setDaemon(true);
    }

    /** How many distinct messages have arrived. */
    synchronized int distinct() {
        return arrivals.size();
    }

    synchronized Map<String, Integer> arrivals() {
        return new HashMap<>(arrivals);
    }

    synchronized Set<String> recipients() {
        return new LinkedHashSet<>(recipients);
    }

    /** Stops reporting once the current round is done. */
    void finish() throws InterruptedException {
        over.set(true);
        join();
    }

    @Override
    public void run() {
        while (!over.get()) {
            try {
                List<String> events = new ArrayList<>();
                MimeMessage[] all = smtp.getReceivedMessages();
                synchronized (this) {
                    arrivals.clear();
                    for (MimeMessage m : all) {
                        String recipient = m.getAllRecipients()[0].toString();
                        if (!recipient.startsWith(recipientPrefix)) {
                            continue;
                        }
                        String id = m.getMessageID().replaceAll("^<|@.*$", "");
                        arrivals.merge(id, 1, Integer::sum);
                        recipients.add(recipient);
                        if (reported.add(id)) {
                            events.add("{\"email\":\"%s\",\"event\":\"delivered\",\"sg_event_id\":\"d-%s\","
                                    .formatted(recipient, id) + "\"rekindle_message_id\":\"%s\",\"timestamp\":%d}"
                                            .formatted(id, Instant.now().getEpochSecond()));
                        }
                    }
                }
                for (int i = 0; i < events.size(); i += 100) {
                    report(events.subList(i, Math.min(events.size(), i + 100)));
                }
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private void report(List<String> batch) throws Exception {
        String body = "[" + String.join(",", batch) + "]";
        while (!over.get()) {
            try {
                Http.Reply r = Http.post(messaging + "/v1/webhooks/sendgrid", body,
                        SendgridWebhook.headers(body, Instant.now().getEpochSecond()));
                if (r.status() == 200) {
                    return;
                }
            } catch (java.io.IOException e) {
                // messaging-service is unreachable: the provider tries again later.
            }
            Thread.sleep(1_000);
        }
    }
}
