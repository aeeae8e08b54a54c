package io.rekindle.segment.segments;

import java.util.List;

/** A page of the change feed; resume with {@code next} (the cursor of the last change, or the one given). */
public record ChangePage(List<Change> changes, String next) {
}
