package io.rekindle.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/** A port for a server that will bind it a little later (a service started as a process, a mail server). */
public final class FreePort {

    private FreePort() {
    }

    /**
     * A free port below Linux's ephemeral range (32768 and up): a port the system hands out can become the local end of
     * some outgoing connection between the choice and the server binding it, and the server then cannot bind it.
     */
    public static int choose() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = random.nextInt(20_000, 32_000);
            try (ServerSocket socket = new ServerSocket(candidate)) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between 20000 and 32000");
    }

    /** How far a service's management port (health, metrics) sits above its HTTP port, as in the local run. */
    public static final int MANAGEMENT_OFFSET = 1000;

    /** A free HTTP port whose management port ({@link #MANAGEMENT_OFFSET} above) is free too. */
    public static int chooseForService() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int candidate = choose();
            if (candidate + MANAGEMENT_OFFSET < 32_768) {
                try (ServerSocket socket = new ServerSocket(candidate + MANAGEMENT_OFFSET)) {
                    return candidate;
                } catch (IOException taken) {
                    // try another
                }
            }
        }
        throw new IllegalStateException("no free pair of ports between 20000 and 32768");
    }

    /** The management base URL (health, metrics) of a service at this HTTP base URL. */
    public static String managementUrl(String serviceUrl) {
        java.net.URI uri = java.net.URI.create(serviceUrl);
        return uri.getScheme() + "://" + uri.getHost() + ":" + (uri.getPort() + MANAGEMENT_OFFSET);
    }
}
