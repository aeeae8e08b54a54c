package io.rekindle.platform.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

class OutboundUrlsTest {

    private final OutboundUrls strict = new OutboundUrls(false, List.of());

    @Test
    void internalAddressesAreRefusedWhateverTheirSpelling() {
        for (String url : List.of("https://127.0.0.1/x", "https://127.1.2.3/", "https://localhost/",
                "https://169.254.169.254/latest/meta-data/", "https://10.0.0.5/", "https://172.16.0.1/",
                "https://172.31.255.255/", "https://192.168.1.1/", "https://100.64.0.1/", "https://0.0.0.0/",
                "https://[::1]/", "https://[fe80::1]/", "https://[fd00::1]/", "https://[fc12::1]/",
                "https://[::ffff:127.0.0.1]/", "https://[::ffff:169.254.169.254]/", "https://224.0.0.1/",
                "https://[ff02::1]/", "https://2130706433/", "https://0x7f000001/")) {
            OutboundUrls.RefusedUrlException e = assertThrows(OutboundUrls.RefusedUrlException.class,
                    () -> strict.check(url), url);
            assertTrue(e.getMessage().contains("internal address") || e.getMessage().contains("does not resolve"),
                    url + ": " + e.getMessage());
        }
    }

    @Test
    void publicAddressesPass() throws Exception {
        assertEquals("93.184.216.34", strict.check("https://93.184.216.34:8443/hook").address().getHostAddress());
        assertEquals(8443, strict.check("https://93.184.216.34:8443/hook").port());
        assertEquals(443, strict.check("https://[2606:2800:220:1::1]/").port());
    }

    @Test
    void onlyHttpsUnlessHttpIsAllowedAndNeverUserInfo() throws Exception {
        assertThrows(OutboundUrls.RefusedUrlException.class, () -> strict.check("http://93.184.216.34/"));
        assertThrows(OutboundUrls.RefusedUrlException.class, () -> strict.check("ftp://93.184.216.34/"));
        assertThrows(OutboundUrls.RefusedUrlException.class, () -> strict.check("file:///etc/passwd"));
        assertThrows(OutboundUrls.RefusedUrlException.class, () -> strict.check("https://user:pw@93.184.216.34/"));
        assertThrows(OutboundUrls.RefusedUrlException.class, () -> strict.check("not a url"));
        assertEquals(80, new OutboundUrls(true, List.of()).check("http://93.184.216.34/").port());
    }

    @Test
    void anAllowListOpensOnlyTheRangesItNames() throws Exception {
        OutboundUrls cluster = new OutboundUrls(true, List.of("10.0.0.0/8", "127.0.0.1"));
        assertEquals("10.1.2.3", cluster.check("http://10.1.2.3/").address().getHostAddress());
        assertEquals("127.0.0.1", cluster.check("http://127.0.0.1:9000/").address().getHostAddress());
        assertThrows(OutboundUrls.RefusedUrlException.class, () -> cluster.check("http://127.0.0.2/"));
        assertThrows(OutboundUrls.RefusedUrlException.class, () -> cluster.check("http://192.168.0.1/"));
        assertThrows(IllegalArgumentException.class, () -> new OutboundUrls(true, List.of("10.0.0.0/99")));
    }
}
