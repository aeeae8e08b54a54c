package io.rekindle.messaging.health;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.rekindle.messaging.peers.segment.api.AnalyticsApi;
import io.rekindle.messaging.peers.segment.model.BaseWeeksWeeksInner;
import io.rekindle.messaging.peers.segment.model.BaseWeeks;
import io.rekindle.platform.peers.Peer;
import io.rekindle.platform.peers.PeerRefusedException;
import io.rekindle.platform.peers.PeerUnavailableException;
import io.rekindle.platform.peers.Peers;

/** segment-service's weekly record of the base, through the client generated from its stored contract. */
@ApplicationScoped
public class BaseHealthPeer {

    private static final Logger LOG = Logger.getLogger(BaseHealthPeer.class);

    private final Peer peer;
    private final AnalyticsApi analytics;

    BaseHealthPeer(Peers peers, @RestClient AnalyticsApi analytics) {
        this.peer = peers.named("segment-service");
        this.analytics = analytics;
    }

    /** The base by week start, or empty when segment-service cannot answer now (the page then shows mail alone). */
    public Optional<Map<LocalDate, BaseFigures>> weekly(int weeks) {
        try {
            BaseWeeks answer = peer.read(() -> analytics.baseHealthResourceWeekly(weeks));
            Map<LocalDate, BaseFigures> byWeek = new HashMap<>();
            if (answer.getWeeks() != null) {
                for (BaseWeeksWeeksInner w : answer.getWeeks()) {
                    byWeek.put(w.getWeekStart(), new BaseFigures(orZero(w.getCustomers()), orZero(w.getReachable()),
                            orZero(w.getInactive()), w.getInactiveShare() == null ? 0 : w.getInactiveShare(),
                            orZero(w.getDirty()), orZero(w.getErasedTotal())));
                }
            }
            return Optional.of(byWeek);
        } catch (PeerUnavailableException | PeerRefusedException e) {
            LOG.warn("segment-service's base-health series is not available: " + e.getMessage());
            return Optional.empty();
        }
    }

    private static int orZero(Integer n) {
        return n == null ? 0 : n;
    }
}
