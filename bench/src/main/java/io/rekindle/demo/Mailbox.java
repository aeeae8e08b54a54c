package io.rekindle.demo;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

/** The SMTP server the suite sends to during the demo (GreenMail, in this process), read as the customers' inboxes. */
final class Mailbox implements AutoCloseable {

    private final GreenMail server;
    private final Set<String> seen = new HashSet<>();
    private long received;

    private Mailbox(GreenMail server) {
        this.server = server;
    }

    static Mailbox start(int port) {
        ServerSetup smtp = new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
        // GreenMail's 2 s default was too short once on a loaded 2-core CI machine (the demo's replay failed to start).
        smtp.setServerStartupTimeout(10_000);
        GreenMail server = new GreenMail(smtp);
        server.start();
        return new Mailbox(server);
    }

    /**
     * The mails that arrived since the last call (a resend carrying a known Message-ID is not shown twice). Read and
     * emptied in one go, so called only while the suite is quiet (no send in progress could fall in between).
     */
    List<Mail> newMail() {
        List<Mail> mails = new ArrayList<>();
        try {
            MimeMessage[] received = server.getReceivedMessages();
            server.purgeEmailFromAllMailboxes();
            for (MimeMessage m : received) {
                String id = m.getMessageID();
                if (id != null && seen.add(id)) {
                    mails.add(parse(m));
                }
            }
        } catch (MessagingException | IOException | com.icegreen.greenmail.store.FolderException e) {
            throw new IllegalStateException("unreadable mail: " + e.getMessage(), e);
        }
        received += mails.size();
        // Arrival order within a day does not matter to the customers, but a stable order keeps runs comparable.
        mails.sort(Comparator.comparing(Mail::to).thenComparing(Mail::subject));
        return mails;
    }

    long received() {
        return received;
    }

    private static Mail parse(MimeMessage m) throws MessagingException, IOException {
        String html = null;
        String text = null;
        Object content = m.getContent();
        if (content instanceof Multipart parts) {
            for (int i = 0; i < parts.getCount(); i++) {
                BodyPart part = parts.getBodyPart(i);
                if (part.isMimeType("text/html")) {
                    html = part.getContent().toString();
                } else if (part.isMimeType("text/plain")) {
                    text = part.getContent().toString();
                }
            }
        } else if (m.isMimeType("text/html")) {
            html = content.toString();
        } else {
            text = content.toString();
        }
        String unsubscribe = m.getHeader("List-Unsubscribe", null);
        String messageId = m.getMessageID().replaceAll("^<|@.*$", "");
        return new Mail(m.getAllRecipients()[0].toString(), m.getSubject(), messageId, html, text,
                unsubscribe == null ? null : unsubscribe.replaceAll("^<|>$", ""));
    }

    @Override
    public void close() {
        server.stop();
    }
}
