package io.rekindle.segment.intake;

import java.util.List;

import io.rekindle.platform.http.Problem;

/** What a batch did: how many rows were stored, and for each refused row its index and what is wrong with it. */
public record BatchReport(int received, int stored, List<RejectedRow> rejected) {

    public record RejectedRow(int index, String id, List<Problem.FieldError> errors) {
    }
}
