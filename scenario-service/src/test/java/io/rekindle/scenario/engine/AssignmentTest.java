package io.rekindle.scenario.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.rekindle.scenario.scenario.Branch;

class AssignmentTest {

    private final Assignment assignment = new Assignment("salt");

    @Test
    void theHoldoutShareIsRespectedAndStickyAndTheSaltMatters() {
        long held = IntStream.range(0, 20_000).filter(i -> assignment.holdout("s", "c" + i, 10)).count();
        assertTrue(held > 1_850 && held < 2_150, "about 10%: " + held);
        assertEquals(assignment.holdout("s", "c42", 10), new Assignment("salt").holdout("s", "c42", 10));
        long differ = IntStream.range(0, 2_000).filter(i -> assignment.holdout("s", "c" + i, 50)
                != new Assignment("other").holdout("s", "c" + i, 50)).count();
        assertTrue(differ > 800, "another salt, another draw: " + differ);
        assertEquals(0, IntStream.range(0, 1_000).filter(i -> assignment.holdout("s", "c" + i, 0)).count());
    }

    @Test
    void splitsFollowTheirWeights() {
        List<Branch> branches = List.of(new Branch("A", 1, "a"), new Branch("B", 3, "b"));
        long b = IntStream.range(0, 20_000)
                .filter(i -> assignment.branch("s", "split", "c" + i, branches).variant().equals("B")).count();
        assertTrue(b > 14_700 && b < 15_300, "about 75%: " + b);
        assertEquals(assignment.branch("s", "split", "c7", branches), assignment.branch("s", "split", "c7", branches));
    }
}
