package vn.dieuhanh.dossier.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Limits the citizens' anonymous lookups per source address: at most {@code maxPerWindow} lookups (found or not)
 * within a sliding {@code window}; beyond that the answer is 429 with Retry-After until the oldest counted lookup
 * leaves the window. Per node and in memory, like the login throttle (a restart forgets; n nodes give n times the
 * budget). With 8-character security codes (31^8 ≈ 8.5·10^11) this makes guessing a code hopeless.
 */
@Component
class LookupThrottle {

    private final int maxPerWindow;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> sources = new ConcurrentHashMap<>();

    LookupThrottle(@Value("${dieuhanh.dossier.lookup.max-per-window:10}") int maxPerWindow,
                   @Value("${dieuhanh.dossier.lookup.window:PT1M}") Duration window, Clock clock) {
        this.maxPerWindow = maxPerWindow;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one lookup from {@code source}; empty: go on, else how long to wait. */
    Optional<Duration> acquire(String source) {
        Instant now = clock.instant();
        if (sources.size() > 100_000) {
            sources.values().removeIf(d -> { synchronized (d) { return d.isEmpty() || isOld(d.peekLast(), now); } });
        }
        Deque<Instant> times = sources.computeIfAbsent(source == null ? "?" : source, s -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && isOld(times.peekFirst(), now)) {
                times.pollFirst();
            }
            if (times.size() >= maxPerWindow) {
                Duration wait = Duration.between(now, times.peekFirst().plus(window));
                return Optional.of(wait.isNegative() ? Duration.ZERO : wait);
            }
            times.addLast(now);
            return Optional.empty();
        }
    }

    private boolean isOld(Instant at, Instant now) {
        return !at.plus(window).isAfter(now);
    }
}
