package io.rekindle.segment.address;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An address a shop's form is about to store. */
public record AddressCheckRequest(@NotNull @Size(max = 320) String email) {
}
