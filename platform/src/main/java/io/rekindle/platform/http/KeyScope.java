package io.rekindle.platform.http;

/**
 * What an API key may do. {@code ADMIN} keys (the shop's operators, {@code REKINDLE_API_KEY}) reach every endpoint;
 * {@code STOREFRONT} keys only the endpoints marked for the storefront; {@code SERVICE} keys (the services calling
 * each other) only those marked for peers; {@code BROWSER} keys, which the shop's own pages carry and so are public,
 * only the endpoints marked for them (the address check), rate limited per client. An endpoint without
 * {@link AllowedKeys} is for admin keys alone.
 */
public enum KeyScope {
    ADMIN, STOREFRONT, SERVICE, BROWSER
}
