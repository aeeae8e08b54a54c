package io.rekindle.messaging.webhook;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The signature checks against the providers' own published test vectors (from their SDK test suites), kept in this
 * module's test resources with their sources and licences (reference/README.md).
 */
class ProviderVectorsTest {

    private static final Path VECTORS = Path.of("src", "test", "resources", "reference", "webhook_vectors.json");
    private static JsonNode vectors;

    @BeforeAll
    static void read() throws IOException {
        vectors = new ObjectMapper().readTree(VECTORS.toFile());
    }

    @Test
    void sendgridVectorsVerifyAndTamperedOnesDoNot() {
        assertTrue(vectors.get("sendgrid").size() >= 2);
        for (JsonNode v : vectors.get("sendgrid")) {
            SendgridSignature check = new SendgridSignature(v.get("public_key").asText());
            byte[] payload = v.get("payload").asText().getBytes(StandardCharsets.UTF_8);
            String timestamp = v.get("timestamp").asText();
            String signature = v.get("signature").asText();
            assertTrue(check.verify(timestamp, payload, signature), v.get("name").asText());
            assertFalse(check.verify(Long.toString(Long.parseLong(timestamp) + 1), payload, signature));
            byte[] trimmed = new String(payload, StandardCharsets.UTF_8).strip().getBytes(StandardCharsets.UTF_8);
            assertFalse(check.verify(timestamp, trimmed, signature), "the raw body, byte for byte");
            assertFalse(check.verify(timestamp, payload, "not-base64!"));
        }
    }

    @Test
    void mailgunVectorsVerifyAsTheSdkSays() {
        for (JsonNode v : vectors.get("mailgun")) {
            MailgunSignature check = new MailgunSignature(v.get("signing_key").asText());
            assertEquals(Boolean.parseBoolean(v.get("expect_valid").asText()), check.verify(v.get("timestamp").asText(),
                    v.get("token").asText(), v.get("signature").asText()), v.get("name").asText());
        }
    }

    @Test
    void twilioVectorsVerifyIncludingRepeatedParametersAndDefaultPorts() {
        int checked = 0;
        for (JsonNode v : vectors.get("twilio")) {
            TwilioSignature check = new TwilioSignature(v.get("auth_token").asText());
            Map<String, List<String>> params = new LinkedHashMap<>();
            if (v.has("params_multi")) {
                v.get("params_multi").forEach(p -> params.computeIfAbsent(p.get(0).asText(), k -> new ArrayList<>())
                        .add(p.get(1).asText()));
            } else {
                v.get("params").fields().forEachRemaining(f -> params.put(f.getKey(), List.of(f.getValue().asText())));
            }
            String url = v.has("url_as_received") ? v.get("url_as_received").asText() : v.get("url").asText();
            String expected = v.get("expected_signature").asText();
            assertTrue(check.verify(url, params, expected), v.get("name").asText());
            Map<String, List<String>> tampered = new LinkedHashMap<>(params);
            tampered.put("Injected", List.of("1"));
            assertFalse(check.verify(url, tampered, expected), v.get("name").asText());
            checked++;
        }
        assertTrue(checked >= 5);
    }

    @Test
    void snsVectorsVerifyWithTheirCertificateAndTamperedOnesDoNot() throws Exception {
        assertTrue(vectors.get("aws_sns").size() >= 2);
        for (JsonNode v : vectors.get("aws_sns")) {
            // The vectors' certificate has expired: the key is checked, not the dates or the chain.
            java.security.PublicKey key = java.security.cert.CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(v.get("signing_cert_pem").asText()
                            .getBytes(StandardCharsets.US_ASCII))).getPublicKey();
            com.fasterxml.jackson.databind.node.ObjectNode message = v.get("message").deepCopy();
            assertTrue(SnsSignature.verify(new SnsMessage(message), key), v.get("name").asText());
            message.put("Message", message.get("Message").asText() + "!");
            assertFalse(SnsSignature.verify(new SnsMessage(message), key), "tampered: " + v.get("name").asText());
            message = v.get("message").deepCopy();
            message.put("SignatureVersion", "3");
            assertFalse(SnsSignature.verify(new SnsMessage(message), key), "unknown signature version");
        }
        assertTrue(SnsCertificates.isSns(vectors.get("aws_sns").get(0).get("message").get("SigningCertURL").asText()));
        assertFalse(SnsCertificates.isSns("https://sns.us-east-2.amazonaws.com.evil.example/cert.pem"));
        assertFalse(SnsCertificates.isSns("http://sns.us-east-2.amazonaws.com/cert.pem"));
        assertFalse(SnsCertificates.isSns("https://evil.example/sns.us-east-2.amazonaws.com/cert.pem"));
        assertFalse(SnsCertificates.isSns("https://sns.attacker-chosen-name.amazonaws.com/cert.pem"));
        assertTrue(SnsCertificates.isSns("https://sns.us-gov-west-1.amazonaws.com/x.pem"));
        assertTrue(SnsCertificates.isSns("https://sns.cn-north-1.amazonaws.com.cn/x.pem"));
    }
}
