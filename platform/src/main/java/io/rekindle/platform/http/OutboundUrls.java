package io.rekindle.platform.http;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.rekindle.platform.config.PlatformConfig;

/**
 * The rule for every URL Rekindle fetches or posts to on someone's behalf (a subscriber's callback, a certificate
 * named in a webhook): https only (http where {@code rekindle.outbound.allow-http} says so, as the local run and the
 * tests need), no user info, and a host whose every address is public: loopback, link-local (cloud metadata),
 * private, carrier-grade NAT, unique-local, multicast and unspecified addresses are refused unless
 * {@code rekindle.outbound.allowed-ranges} lists them (CIDR, for example {@code 10.0.0.0/8}). The caller connects to
 * the address that was checked ({@link Target#address()}), so a name that resolves elsewhere a moment later does not
 * reach an internal host.
 */
@ApplicationScoped
public class OutboundUrls {

    /** A URL that passed, with the address it was checked at. */
    public record Target(URI uri, InetAddress address, int port) {
    }

    /** Why a URL is refused, in words that name no answer from the far end. */
    public static class RefusedUrlException extends Exception {
        public RefusedUrlException(String message) {
            super(message);
        }
    }

    private final boolean allowHttp;
    private final List<Cidr> allowed;

    @Inject
    OutboundUrls(PlatformConfig config) {
        this(config.outbound().allowHttp(), config.outbound().allowedRanges().orElse(List.of()));
    }

    public OutboundUrls(boolean allowHttp, List<String> allowedRanges) {
        this.allowHttp = allowHttp;
        this.allowed = allowedRanges.stream().map(String::trim).filter(r -> !r.isEmpty()).map(Cidr::parse).toList();
    }

    /** The URL's form alone (scheme, host, no user info), without looking the host up. */
    public URI parse(String url) throws RefusedUrlException {
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException | NullPointerException e) {
            throw new RefusedUrlException("is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(allowHttp && scheme.equals("http"))) {
            throw new RefusedUrlException(allowHttp ? "must be an http or https URL" : "must be an https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new RefusedUrlException("must name a host");
        }
        if (uri.getRawUserInfo() != null) {
            throw new RefusedUrlException("must not carry a user name or password");
        }
        return uri;
    }

    /** Parses, resolves and checks every address of the host; answers the first. */
    public Target check(String url) throws RefusedUrlException {
        URI uri = parse(url);
        String host = uri.getHost().startsWith("[") ? uri.getHost().substring(1, uri.getHost().length() - 1)
                : uri.getHost();
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host);
        } catch (UnknownHostException e) {
            throw new RefusedUrlException("names a host that does not resolve");
        }
        for (InetAddress address : addresses) {
            if (internal(address) && allowed.stream().noneMatch(c -> c.contains(address))) {
                throw new RefusedUrlException("points at an internal address (" + address.getHostAddress()
                        + "), which is not allowed");
            }
        }
        int port = uri.getPort() > 0 ? uri.getPort() : uri.getScheme().equalsIgnoreCase("https") ? 443 : 80;
        return new Target(uri, addresses[0], port);
    }

    static boolean internal(InetAddress a) {
        if (a.isLoopbackAddress() || a.isLinkLocalAddress() || a.isSiteLocalAddress() || a.isMulticastAddress()
                || a.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = a.getAddress();
        if (a instanceof Inet6Address) {
            // fc00::/7 unique-local; an IPv4 address embedded in IPv6 (::ffff:a.b.c.d, ::a.b.c.d) is judged as IPv4.
            if ((b[0] & 0xfe) == 0xfc) {
                return true;
            }
            boolean embedsIpv4 = true;
            for (int i = 0; i < 10; i++) {
                embedsIpv4 &= b[i] == 0;
            }
            if (embedsIpv4 && ((b[10] == 0 && b[11] == 0) || (b[10] == (byte) 0xff && b[11] == (byte) 0xff))) {
                try {
                    return internal(InetAddress.getByAddress(new byte[] { b[12], b[13], b[14], b[15] }));
                } catch (UnknownHostException e) {
                    return true;
                }
            }
            return false;
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        // 0.0.0.0/8 "this network", 100.64.0.0/10 carrier-grade NAT, 198.18.0.0/15 benchmarking, 240.0.0.0/4 reserved.
        return first == 0 || (first == 100 && second >= 64 && second < 128) || (first == 198 && (second & 0xfe) == 18)
                || first >= 240;
    }

    /** An address range such as 10.0.0.0/8 or fd00::/8; a bare address is a range of one. */
    record Cidr(byte[] network, int bits) {

        static Cidr parse(String range) {
            int slash = range.indexOf('/');
            try {
                byte[] network = InetAddress.getByName(slash < 0 ? range : range.substring(0, slash)).getAddress();
                int bits = slash < 0 ? network.length * 8 : Integer.parseInt(range.substring(slash + 1));
                if (bits < 0 || bits > network.length * 8) {
                    throw new IllegalArgumentException("rekindle.outbound.allowed-ranges: bad prefix in " + range);
                }
                return new Cidr(network, bits);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("rekindle.outbound.allowed-ranges: not an address range: " + range);
            }
        }

        boolean contains(InetAddress address) {
            byte[] a = address.getAddress();
            if (a.length != network.length) {
                return false;
            }
            for (int i = 0; i < bits; i++) {
                int mask = 0x80 >> (i % 8);
                if ((a[i / 8] & mask) != (network[i / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
