package io.rekindle.segment.segments;

import java.util.List;

/** How many customers a rule matches now, and a few of them. */
public record Preview(long count, List<String> sample) {
}
