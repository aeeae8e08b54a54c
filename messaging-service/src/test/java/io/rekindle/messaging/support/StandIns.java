package io.rekindle.messaging.support;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * The real servers around messaging-service in tests: GreenMail receives the mail over SMTP (through a relay that can
 * make it hang), and one WireMock server stands in for segment-service's profile API, the Twilio Messages API and FCM.
 */
public class StandIns implements QuarkusTestResourceLifecycleManager {

    public static GreenMail smtp;
    public static SmtpRelay smtpRelay;
    public static WireMockServer http;

    @Override
    public Map<String, String> start() {
        smtp = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        smtp.start();
        try {
            smtpRelay = new SmtpRelay(smtp.getSmtp().getPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        http = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        http.start();
        String base = "http://127.0.0.1:" + http.port();
        return Map.of("quarkus.mailer.host", "127.0.0.1", "quarkus.mailer.port", Integer.toString(smtpRelay.port()),
                "quarkus.rest-client.segment.url", base, "quarkus.rest-client.scenario.url", base,
                "rekindle.sms.twilio.url", base, "rekindle.push.fcm.url", base,
                "rekindle.webhooks.ses.endpoint-override", base);
    }

    @Override
    public void stop() {
        if (smtpRelay != null) {
            smtpRelay.close();
        }
        if (smtp != null) {
            smtp.stop();
        }
        if (http != null) {
            http.stop();
        }
    }

    private static int freePort() {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
