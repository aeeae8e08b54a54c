package io.rekindle.segment.segments;

import java.util.List;

/** A page of members in customer id order; {@code next} is null on the last page. */
public record MemberPage(List<String> customerIds, String next) {
}
