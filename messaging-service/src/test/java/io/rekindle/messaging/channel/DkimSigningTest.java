package io.rekindle.messaging.channel;

import static io.rekindle.messaging.support.TestData.api;
import static io.rekindle.messaging.support.TestData.profile;
import static io.rekindle.messaging.support.TestData.template;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.rekindle.messaging.dispatch.Dispatcher;
import io.rekindle.messaging.support.StandIns;
import io.rekindle.messaging.support.TestData;

/** With a DKIM key configured, every mail carries a signature for the configured domain and selector. */
@QuarkusTest
@QuarkusTestResource(StandIns.class)
@TestProfile(DkimSigningTest.WithDkimKey.class)
class DkimSigningTest {

    /** A 1024-bit RSA key made for this test only (PKCS#8, base64); it signs nothing real. */
    static final String TEST_KEY = "MIICdwIBADANBgkqhkiG9w0BAQEFAASCAmEwggJdAgEAAoGBANY6qh+dbKEJ0DKzBhuQ20PuYJFYKJV8AS3zw2UcXFs0paVX"
            + "PdNiKUwadTkjasHAKsdmH5l+yZOyHIF2B0U5ZuAV3a2CBtFHrWetqblzJVY9eCi7xNTy48Ks00RKf2sH/lA2XwPZuU35MpsD"
            + "1uHYl6PlzfCTOvNI2EWBg34waBHTAgMBAAECgYAUHB2sKhLwawNoPvXr0IVEszPNcQEeRy21KpTFAQyKYz7Jbo8XMLe/tRwb"
            + "6P80gN2DKkr9FbHGc4nJfVLhZKoLYwgDbRkQqxsqr6vrs5g8QVFLw/ou4kF6i94wo0c8IyywmfOYD6zSTj3zJ05FWt1mHTg+"
            + "i9cXsUBvHjxdVh/ZQQJBAO83kUchIVSqzj5MFxcPgHZWUloocpsLpMIa0G8eTFsCoVBbPnIi2PielpSXSKSiyvxZh4f9L1Eh"
            + "FgCZRjwDXO0CQQDlQk3zzXqC/weBu7RbQXOB/aw3av70SsR6K3LMEj8zG3wFdzQfz6ImL2xp3N27qjysRPtZkizRGAtF2MJW"
            + "YhG/AkEAkmjRGta1HqvXxRsu+qc7ObJFfvbIhgqPUVm1/nxtwToP3y2pP5QCddAiW1loVZNpZx+oqtuUDTSR0dX9vZdVVQJA"
            + "ezSK1/8RW9zal+ncHz6paK5/IrkpkverZ0x6QRl9RWX73KQXKxFWvta1mJ7NutDeEmZv/c8ErsoRJNQ8fFfv2QJBAJNiH3R0"
            + "om15+MKrW1xlAh6eyG92Wt++8Z6De6N+PR92IRoMOMKady4fvXnmJfzqZ2CNqQnczMhe2Y6Vz9366xY=";

    public static class WithDkimKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.mailer.dkim.enabled", "true", "quarkus.mailer.dkim.private-key", TEST_KEY,
                    "quarkus.mailer.dkim.sdid", "shop.example", "quarkus.mailer.dkim.selector", "mail2026");
        }
    }

    @Inject
    TestData data;
    @Inject
    Dispatcher dispatcher;

    @Test
    void mailIsSignedForTheShopsDomainOverItsHeaders() throws Exception {
        data.clear();
        profile("dk", "dk@example.com", null, "Europe/Paris", true, false, "valid");
        template("dkim", "{\"channel\":\"email\",\"locales\":{\"en\":{\"subject\":\"Signed\",\"text\":\"Hello\"}}}");
        api().header("Idempotency-Key", "dk-1").body("""
                {"channel":"email","customerId":"dk","template":"dkim","category":"transactional"}""")
                .when().post("/v1/messages").then().statusCode(202);
        dispatcher.drain();

        MimeMessage[] mail = StandIns.smtp.getReceivedMessages();
        assertEquals(1, mail.length);
        String[] signature = mail[0].getHeader("DKIM-Signature");
        assertNotNull(signature, "no DKIM-Signature header");
        String value = signature[0].replaceAll("\\s+", "");
        assertTrue(value.contains("d=shop.example;"), value);
        assertTrue(value.contains("s=mail2026;"), value);
        assertTrue(value.matches(".*h=[^;]*[Ff]rom[^;]*;.*") && value.matches(".*h=[^;]*[Ss]ubject[^;]*;.*"), value);
        assertTrue(value.matches(".*b=[A-Za-z0-9+/=]{100,}.*"), value);
    }
}
