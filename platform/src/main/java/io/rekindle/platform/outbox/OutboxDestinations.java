package io.rekindle.platform.outbox;

import java.util.List;

/** A service's outbox destinations, as a bean; a service without one has no outbox and no relay runs. */
public interface OutboxDestinations {

    List<? extends OutboxDestination> all();
}
