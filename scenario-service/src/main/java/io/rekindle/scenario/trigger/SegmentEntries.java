package io.rekindle.scenario.trigger;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.opentelemetry.api.trace.SpanKind;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.runtime.configuration.DurationConverter;
import io.rekindle.scenario.config.ScenarioConfig;
import io.rekindle.scenario.engine.Enrollments;
import io.rekindle.scenario.engine.Profile;
import io.rekindle.scenario.engine.Profiles;
import io.rekindle.platform.peers.PeerUnavailableException;
import io.rekindle.scenario.peers.SegmentPeer;
import io.rekindle.scenario.peers.segment.model.ChangePage;
import io.rekindle.scenario.peers.segment.model.ChangePageChangesInner;
import io.rekindle.scenario.peers.segment.model.MemberPage;
import io.rekindle.scenario.scenario.ScenarioCatalog;
import io.rekindle.scenario.scenario.ScenarioView;
import io.rekindle.platform.time.MovableClock;
import io.rekindle.platform.tracing.Traces;
import io.rekindle.platform.work.Backlog;
import io.rekindle.scenario.scenario.TriggerKind;

/**
 * Segment and schedule triggers. Segment triggers: reads segment-service's change feed of each triggering segment from its stored cursor and enters
 * the customers who entered (if they are still members: a replayed old entry enrolls nobody who has left since).
 * The cursor moves only past what was handled, so a crash re-reads and the entry rules absorb the repeats. A
 * scenario with a daily entry limit stops reading when the day is full: the others enter on the following days, in
 * the order they entered the segment (a ramp-up, not a loss).
 * Schedule triggers: once a day at their time (UTC), every member of the segment then, under the entry rules.
 * The engine reads the feeds at the start of its passes ({@link #pollIfDue()}): whoever entered a segment is enrolled
 * before the steps due at that moment run, so the day's message goes to the most important scenario, not to whichever
 * poller came first. When the clock is moved, the next pass reads the feeds whatever the time since the last read, and
 * until a read has started after the move the backlog gauge {@code rekindle_backlog{queue="feed"}} counts one: entries
 * of the new moment may be waiting (a demo waits for it before it moves on).
 */
@ApplicationScoped
public class SegmentEntries {

    private static final Logger LOG = Logger.getLogger(SegmentEntries.class);
    private static final int MEMBER_PAGE = 1_000;
    private static final ChangePageChangesInner.KindEnum ENTERED = ChangePageChangesInner.KindEnum.ENTERED;

    private final ScenarioCatalog catalog;
    private final Entry entry;
    private final Enrollments enrollments;
    private final Profiles profiles;
    private final SegmentPeer segments;
    private final DataSource dataSource;
    private final Duration every;
    private final int feedPage;
    private final java.time.Clock clock;
    private final Traces traces;
    private final ReentrantLock reading = new ReentrantLock();
    private long lastRead = System.nanoTime();
    /** The clock's moves as seen at the start of the last complete read. */
    private volatile long movesRead;
    private MeterRegistry registry;

    SegmentEntries(ScenarioCatalog catalog, Entry entry, Enrollments enrollments, Profiles profiles,
            SegmentPeer segments, DataSource dataSource, java.time.Clock clock, Traces traces,
            ScenarioConfig config) {
        this.traces = traces;
        String every = config.feedEvery();
        this.feedPage = config.feedPage();
        this.profiles = profiles;
        this.clock = clock;
        this.catalog = catalog;
        this.entry = entry;
        this.enrollments = enrollments;
        this.segments = segments;
        this.dataSource = dataSource;
        this.every = "off".equals(every) ? null : DurationConverter.parseDuration(every);
    }

    void register(@Observes StartupEvent event, MeterRegistry registry) {
        this.registry = registry;
        Backlog.register(registry, "feed", () -> behindTheClock() ? 1 : 0);
    }

    /** {@code rekindle.feed.lag}: how long after a segment change was made this service acted on it. */
    private void lag(String segment, ChangePageChangesInner change, Instant now) {
        if (registry != null && change.getAt() != null) {
            Timer.builder("rekindle.feed.lag")
                    .description("From a segment change to its consumer acting on it").tag("segment", segment)
                    .publishPercentileHistogram().minimumExpectedValue(Duration.ofMillis(10))
                    .maximumExpectedValue(Duration.ofHours(1)).register(registry)
                    .record(Duration.between(change.getAt().toInstant(), now).isNegative() ? Duration.ZERO
                            : Duration.between(change.getAt().toInstant(), now));
        }
    }

    /**
     * Reads the feeds if {@code rekindle.scenarios.feed-every} has passed since the last read or the clock was moved
     * (one thread of the replica at a time; never when it is "off", as in tests, which call {@link #poll()}). After a
     * move of the clock the other engine threads wait for the read in progress: the moment's entrants are then all
     * enrolled before any thread claims that moment's steps, so they are taken in one order (a thread that went on
     * meanwhile took some scenarios' entrants before others', and a frequency cap went to whichever came first).
     */
    public void pollIfDue() {
        if (every == null) {
            return;
        }
        if (behindTheClock()) {
            reading.lock();
        } else if (!reading.tryLock()) {
            return;
        }
        try {
            if (System.nanoTime() - lastRead >= every.toNanos() || behindTheClock()) {
                poll();
                lastRead = System.nanoTime();
            }
        } catch (PeerUnavailableException e) {
            LOG.debugf("segment feed not read: %s", e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf(e, "segment feed not read; trying again on the engine's next pass");
        } finally {
            reading.unlock();
        }
    }

    /** Reads every triggering segment's new changes; answers how many customers were enrolled. */
    @ActivateRequestContext
    public int poll() {
        long moves = clockMoves();
        int enrolled = 0;
        for (ScenarioView scenario : catalog.all()) {
            var trigger = scenario.definition().trigger();
            if (trigger.type() == TriggerKind.SEGMENT) {
                enrolled += read(scenario, trigger.segment());
            } else if (trigger.type() == TriggerKind.SCHEDULE && due(scenario, trigger.at())) {
                enrolled += enterMembers(scenario, trigger.segment());
            }
        }
        movesRead = moves;
        return enrolled;
    }

    /**
     * Enrolls an entrant who is still a member, in the trace of the re-evaluation that made the change: the journey
     * goes on in that trace.
     */
    private boolean enter(ScenarioView scenario, String segment, ChangePageChangesInner change,
            Optional<Profile> profile) {
        try (var span = traces.start("segment entry", SpanKind.CONSUMER, change.getTraceparent())) {
            span.attribute("rekindle.scenario", scenario.id());
            return segments.isMember(segment, change.getCustomerId())
                    && entry.enter(scenario, change.getCustomerId(), null, profile).isPresent();
        }
    }

    /** Whether the clock was moved since the last complete read of the feeds began. */
    boolean behindTheClock() {
        return clockMoves() != movesRead;
    }

    private long clockMoves() {
        return clock instanceof MovableClock movable ? movable.moves() : 0;
    }

    private int read(ScenarioView scenario, String segment) {
        String cursorKey = scenario.id() + "|" + segment;
        int enrolled = 0;
        String after = cursor(cursorKey);
        while (true) {
            String read = after;
            Optional<ChangePage> page = segments.changes(segment, after, feedPage);
            if (page.isEmpty()) {
                return enrolled;
            }
            List<ChangePageChangesInner> changes = orEmpty(page.get().getChanges());
            Instant now = clock.instant();
            // The page's entrants' profiles in one lookup (some read for nothing when the day fills up mid-page).
            List<String> entrants = new ArrayList<>();
            changes.forEach(change -> {
                if (change.getKind() == ENTERED) {
                    entrants.add(change.getCustomerId());
                }
            });
            Map<String, Supplier<Optional<Profile>>> profileOf = profiles.findEach(entrants.stream().distinct().toList());
            for (ChangePageChangesInner change : changes) {
                String customer = change.getCustomerId();
                boolean entered = change.getKind() == ENTERED;
                // The cursor stays before this entry when it is stamped ahead of this clock (skew; in the demo,
                // segment-service's clock moves first: the pass that runs that moment reads it), or when the day is
                // full (the rest enter on the next days, in turn).
                if (entered && (ahead(change, now) || enrollments.dailyLimitReached(scenario))) {
                    if (after != null) {
                        saveCursor(cursorKey, after);
                    }
                    return enrolled;
                }
                lag(segment, change, now);
                if (entered && enter(scenario, segment, change, profileOf.get(customer).get())) {
                    enrolled++;
                }
                after = change.getCursor();
            }
            String next = page.get().getNext();
            // A page that does not move the cursor (a misbehaving feed) ends the read instead of repeating it.
            if (changes.isEmpty() || next == null || next.equals(read)) {
                return enrolled;
            }
            after = next;
            saveCursor(cursorKey, after);
        }
    }

    private static boolean ahead(ChangePageChangesInner change, Instant now) {
        return change.getAt() != null && change.getAt().toInstant().isAfter(now);
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    /** A schedule trigger runs once a day, at its time (UTC), for whoever is in the segment then. */
    private boolean due(ScenarioView scenario, String at) {
        java.time.ZonedDateTime now = clock.instant().atZone(java.time.ZoneOffset.UTC);
        String today = now.toLocalDate().toString();
        String key = scenario.id() + "|schedule";
        return !now.toLocalTime().isBefore(java.time.LocalTime.parse(at)) && !today.equals(cursor(key));
    }

    private int enterMembers(ScenarioView scenario, String segment) {
        int enrolled = 0;
        String after = null;
        while (true) {
            Optional<MemberPage> page = segments.members(segment, after, MEMBER_PAGE);
            if (page.isEmpty()) {
                return enrolled;
            }
            List<String> members = orEmpty(page.get().getCustomerIds());
            Map<String, Supplier<Optional<Profile>>> profileOf = profiles.findEach(members);
            for (String member : members) {
                if (entry.enter(scenario, member, null, profileOf.get(member).get()).isPresent()) {
                    enrolled++;
                }
            }
            String previous = after;
            after = page.get().getNext();
            if (members.isEmpty() || after == null || after.equals(previous)) {
                saveCursor(scenario.id() + "|schedule",
                        clock.instant().atZone(java.time.ZoneOffset.UTC).toLocalDate().toString());
                return enrolled;
            }
        }
    }

    private String cursor(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT cursor FROM feed_cursor WHERE feed_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void saveCursor(String key, String cursor) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("""
                INSERT INTO feed_cursor (feed_key, cursor) VALUES (?, ?)
                ON CONFLICT (feed_key) DO UPDATE SET cursor = excluded.cursor""")) {
            ps.setString(1, key);
            ps.setString(2, cursor);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
