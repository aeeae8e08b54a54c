package io.rekindle.platform.http;

/**
 * What an API key may do. {@code ADMIN} keys (the shop's operators, {@code REKINDLE_API_KEY}) reach every endpoint;
 * {@code STOREFRONT} keys only the endpoints marked for the storefront; {@code SERVICE} keys (the services calling
 * each other) only those marked for peers. An endpoint without {@link AllowedKeys} is for admin keys alone.
 */
public enum KeyScope {
    ADMIN, STOREFRONT, SERVICE
}
