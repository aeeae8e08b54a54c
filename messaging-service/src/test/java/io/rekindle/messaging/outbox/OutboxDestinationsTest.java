package io.rekindle.messaging.outbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.rekindle.platform.testing.OutboxContracts;

/** The outbox posts stored rows to its peers: each destination must be a POST in that peer's stored contract. */
class OutboxDestinationsTest {

    @Test
    void everyDestinationIsAPostInItsPeersStoredContract() throws IOException {
        assertEquals(List.of(), OutboxContracts.mismatches(Destination.values(), Path.of("target/peer-contracts")));
    }
}
