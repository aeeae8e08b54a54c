package io.rekindle.messaging.health;

/** segment-service's record of the base in one week (its weekly base-health series). */
public record BaseFigures(int customers, int reachable, int inactive, double inactiveShare, int dirty,
        int erasedTotal) {
}
