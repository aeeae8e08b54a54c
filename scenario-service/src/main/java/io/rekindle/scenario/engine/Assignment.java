package io.rekindle.scenario.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import io.rekindle.scenario.scenario.Branch;

/**
 * Deterministic, salted assignment of a customer in a scenario: to the holdout group, and to a split's variant. The
 * same customer in the same scenario always lands in the same place; without the salt nobody can predict it.
 */
public final class Assignment {

    private final String salt;

    public Assignment(String salt) {
        this.salt = salt;
    }

    /** In the holdout with probability {@code percent} / 100. */
    public boolean holdout(String scenarioId, String customerId, int percent) {
        return percent > 0 && bucket("holdout", scenarioId, customerId, 10_000) < percent * 100L;
    }

    /**
     * In the program-wide holdout with probability {@code share}: the same answer in every scenario, since the
     * scenario is not part of the hash.
     */
    public boolean programHoldout(String customerId, double share) {
        return share > 0 && bucket("program-holdout", "", customerId, 1_000_000) < Math.round(share * 1_000_000);
    }

    /** The branch a customer takes, by weight; sticky across runs. */
    public Branch branch(String scenarioId, String stepId, String customerId, List<Branch> branches) {
        long total = branches.stream().mapToLong(Branch::weight).sum();
        long point = bucket("split:" + stepId, scenarioId, customerId, total);
        for (Branch branch : branches) {
            point -= branch.weight();
            if (point < 0) {
                return branch;
            }
        }
        return branches.get(branches.size() - 1);
    }

    private long bucket(String purpose, String scenarioId, String customerId, long buckets) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest((salt + "|" + purpose + "|" + scenarioId
                    + "|" + customerId).getBytes(StandardCharsets.UTF_8));
            return Long.remainderUnsigned(ByteBuffer.wrap(digest).getLong(), buckets);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
