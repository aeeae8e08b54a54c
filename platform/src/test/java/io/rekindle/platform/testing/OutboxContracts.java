package io.rekindle.platform.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import io.rekindle.platform.outbox.OutboxDestination;

/**
 * Checks a service's outbox destinations against its peers' stored contracts, which the build copies to
 * {@code target/peer-contracts/<service>.yaml}: each service's contract test calls it, so a peer dropping or moving
 * an endpoint the outbox posts to fails the consumer's build (the relay posts stored rows, so no generated client
 * stands in the way).
 */
public final class OutboxContracts {

    private OutboxContracts() {
    }

    /** What is wrong: a destination whose peer's contract has no POST at its path, or no contract at all. */
    public static List<String> mismatches(OutboxDestination[] destinations, Path contracts) throws IOException {
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        List<String> wrong = new ArrayList<>();
        for (OutboxDestination destination : destinations) {
            Path contract = contracts.resolve(destination.service() + ".yaml");
            if (!Files.exists(contract)) {
                wrong.add(destination.name() + ": no contract " + contract);
                continue;
            }
            JsonNode post = yaml.readTree(contract.toFile()).path("paths").path(destination.path()).path("post");
            if (post.isMissingNode()) {
                wrong.add(destination.name() + ": " + destination.service() + "'s contract has no POST "
                        + destination.path());
            }
        }
        return wrong;
    }
}
