package io.rekindle.messaging.support;

import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Empties the store between tests, stands in profiles, and talks to the API with the test key. */
@ApplicationScoped
public class TestData {

    private static final java.util.Map<String, String> PROFILES = new java.util.LinkedHashMap<>();

    private final DataSource dataSource;

    TestData(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void clear() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute("TRUNCATE broadcast, message, message_state, suppression, template, engagement_event, webhook_nonce, outbox, erased_address, offer_redemption, offer_code, offer_version, offer");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        StandIns.http.resetAll();
        PROFILES.clear();
        try {
            StandIns.smtp.purgeEmailFromAllMailboxes();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every row a query answers, one line each, for a failure message. */
    public String rows(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            StringBuilder out = new StringBuilder();
            while (rs.next()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    out.append(i == 1 ? "" : " | ").append(rs.getString(i));
                }
                out.append('\n');
            }
            return out.toString();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The single number a counting query answers. */
    public long count(String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
                java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static RequestSpecification api() {
        return given().header("Authorization", "Bearer rekindle-dev-key").contentType(ContentType.JSON);
    }

    /**
     * segment-service knows this customer (push token device-of-{customerId}): its POST /v1/customers/lookup answers
     * every customer made known since the last {@link #clear()} (the caller keeps those it asked for).
     */
    public static void profile(String customerId, String email, String phone, String timezone, boolean emailConsent,
            boolean smsConsent, String hygiene) {
        profile(customerId, "Ada", email, phone, timezone, emailConsent, smsConsent, hygiene);
    }

    /** As above, with the first name the shop's sign-up form was given: any text a stranger typed. */
    public static void profile(String customerId, String firstName, String email, String phone, String timezone,
            boolean emailConsent, boolean smsConsent, String hygiene) {
        PROFILES.put(customerId, """
                {"customerId":"%s","email":%s,"phone":%s,"pushToken":"device-of-%1$s","firstName":FIRST_NAME,
                 "lastName":"Lovelace","locale":"en","timezone":"%s","country":"FR","consents":{"email":{"granted":%b},
                 "sms":{"granted":%b},"push":{"granted":true}},"attributes":{},"hygiene":{"status":"%s"},
                 "previouslyErased":false}
                """.formatted(customerId, email == null ? "null" : "\"" + email + "\"",
                phone == null ? "null" : "\"" + phone + "\"", timezone, emailConsent, smsConsent, hygiene)
                .replace("FIRST_NAME", json(firstName)));
        StandIns.http.stubFor(post(urlEqualTo("/v1/customers/lookup")).willReturn(okJson(
                "{\"customers\":[" + String.join(",", PROFILES.values()) + "],\"unknown\":[]}")));
    }

    public static void template(String id, String body) {
        api().body(body).when().put("/v1/templates/" + id).then().statusCode(org.hamcrest.Matchers.anyOf(
                org.hamcrest.Matchers.is(201), org.hamcrest.Matchers.is(200)));
    }

    private static String json(String text) {
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** The X-Twilio-Signature Twilio would send for this form, with the test profile's auth token. */
    public static String twilioSignature(java.util.Map<String, java.util.List<String>> form) {
        return new io.rekindle.messaging.webhook.TwilioSignature("local-twilio-token")
                .sign("http://localhost:8083/v1/webhooks/twilio", form);
    }

    /** Posts this form to the Twilio webhook as Twilio does, with this signature. */
    public static io.restassured.response.ValidatableResponse twilio(java.util.Map<String, java.util.List<String>> form,
            String signature) {
        StringBuilder body = new StringBuilder();
        form.forEach((k, vs) -> vs.forEach(v -> body.append(body.length() == 0 ? "" : "&")
                .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
                .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8))));
        return given().header("X-Twilio-Signature", signature).contentType("application/x-www-form-urlencoded")
                .body(body.toString()).when().post("/v1/webhooks/twilio").then();
    }
}
