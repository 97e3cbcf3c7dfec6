package vn.dieuhanh.platform.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows down password guessing without locking owners out for good. Per node, in memory (a restart forgets; each
 * node of a cluster counts on its own, so an attacker spread over n nodes gets at most n times the budget).
 *
 * <ul>
 *   <li>An account name with {@code maxFailuresPerAccount} failures within {@code window} is locked for
 *       {@code lockDuration}: every attempt is refused, even with the right password, until the lock expires by
 *       itself (or an administrator releases it). Unknown names are counted exactly like existing accounts.</li>
 *   <li>Accounts of administrators are never locked: their failures count only against the source address, so an
 *       attacker hammering {@code admin} locks out his own address, never the administrator.</li>
 *   <li>A source address with {@code maxFailuresPerSource} failures within {@code window} is locked the same way,
 *       for every account.</li>
 *   <li>A successful login clears the account's failures (not the source's).</li>
 * </ul>
 */
public class LoginThrottle {

    /** One failed login, for administrators. */
    public record Failure(Instant at, String account, String source) {
    }

    /** A lock in force, for administrators. */
    public record Lock(String kind, String key, int failures, Instant lockedUntil) {
    }

    /** What administrators see. */
    public record Report(List<Lock> locks, List<Failure> recentFailures, LoginThrottleProperties policy) {
    }

    static final String ACCOUNT = "account";
    static final String SOURCE = "source";

    private final LoginThrottleProperties properties;
    private final Clock clock;
    private final Map<String, Counter> accounts = new ConcurrentHashMap<>();
    private final Map<String, Counter> sources = new ConcurrentHashMap<>();
    private final Deque<Failure> recent = new ArrayDeque<>();

    public LoginThrottle(LoginThrottleProperties properties, Clock clock) {
        this.properties = properties;
        this.clock = clock;
    }

    LoginThrottleProperties properties() {
        return properties;
    }

    /** How long {@code account} must wait when logging in from {@code source} (null: not over HTTP); empty: go on. */
    public Optional<Duration> retryAfter(String source, String account) {
        Instant now = clock.instant();
        Duration wait = Duration.ZERO;
        for (Counter counter : new Counter[] {source == null ? null : sources.get(source),
                account == null ? null : accounts.get(account)}) {
            if (counter != null) {
                Duration remaining = counter.remainingLock(now);
                if (remaining.compareTo(wait) > 0) {
                    wait = remaining;
                }
            }
        }
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /**
     * Records a failed login.
     *
     * @param lockableAccount false for administrators, whose accounts are never locked
     */
    public void failed(String source, String account, boolean lockableAccount) {
        Instant now = clock.instant();
        if (source != null) {
            counter(sources, source, now).fail(now, properties.maxFailuresPerSource());
        }
        if (account != null) {
            counter(accounts, account, now).fail(now, lockableAccount ? properties.maxFailuresPerAccount()
                    : Integer.MAX_VALUE);
        }
        if (properties.recentFailures() > 0) {
            synchronized (recent) {
                recent.addFirst(new Failure(now, account, source));
                while (recent.size() > properties.recentFailures()) {
                    recent.removeLast();
                }
            }
        }
    }

    /** Records a successful login: the account's failures are forgotten. */
    public void succeeded(String account) {
        if (account != null) {
            accounts.remove(account);
        }
    }

    /** Releases the lock (and forgets the failures) of an account name or source address; false if there was none. */
    public boolean release(String kind, String key) {
        Map<String, Counter> map = ACCOUNT.equals(kind) ? accounts : SOURCE.equals(kind) ? sources : null;
        return map != null && map.remove(key) != null;
    }

    public Report report() {
        Instant now = clock.instant();
        List<Lock> locks = new ArrayList<>();
        collectLocks(ACCOUNT, accounts, now, locks);
        collectLocks(SOURCE, sources, now, locks);
        locks.sort(Comparator.comparing(Lock::lockedUntil).reversed());
        List<Failure> failures;
        synchronized (recent) {
            failures = List.copyOf(recent);
        }
        return new Report(locks, failures, properties);
    }

    private static void collectLocks(String kind, Map<String, Counter> map, Instant now, List<Lock> into) {
        map.forEach((key, counter) -> counter.lock(now).ifPresent(until ->
                into.add(new Lock(kind, key, counter.failuresCausingLock(), until))));
    }

    private Counter counter(Map<String, Counter> map, String key, Instant now) {
        if (map.size() >= properties.maxTracked() && !map.containsKey(key)) {
            evict(map, now, properties.maxTracked());
        }
        return map.computeIfAbsent(key, k -> new Counter(properties.window(), properties.lockDuration()));
    }

    /** Forgets idle entries; if still full, unlocked ones (locks are kept: each took many failures to earn). */
    private static void evict(Map<String, Counter> map, Instant now, int maxTracked) {
        map.values().removeIf(counter -> counter.idle(now));
        if (map.size() >= maxTracked) {
            Iterator<Map.Entry<String, Counter>> entries = map.entrySet().iterator();
            int toFree = Math.max(1, map.size() / 10);
            while (entries.hasNext() && toFree > 0) {
                if (entries.next().getValue().lock(now).isEmpty()) {
                    entries.remove();
                    toFree--;
                }
            }
        }
    }

    /** Failures of one key within the window, and its lock. */
    private static final class Counter {
        private final Duration window;
        private final Duration lockDuration;
        private final Deque<Instant> failures = new ArrayDeque<>();
        private Instant lockedUntil;
        private int failuresCausingLock;

        Counter(Duration window, Duration lockDuration) {
            this.window = window;
            this.lockDuration = lockDuration;
        }

        synchronized void fail(Instant now, int maxFailures) {
            prune(now);
            if (lockedUntil != null && now.isBefore(lockedUntil)) {
                return; // a locked key is refused before its password is checked; nothing more to count
            }
            failures.addLast(now);
            if (failures.size() >= maxFailures) {
                lockedUntil = now.plus(lockDuration);
                failuresCausingLock = failures.size();
                failures.clear();
            }
        }

        synchronized Duration remainingLock(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil) ? Duration.between(now, lockedUntil)
                    : Duration.ZERO;
        }

        synchronized Optional<Instant> lock(Instant now) {
            return lockedUntil != null && now.isBefore(lockedUntil) ? Optional.of(lockedUntil) : Optional.empty();
        }

        synchronized int failuresCausingLock() {
            return failuresCausingLock;
        }

        synchronized boolean idle(Instant now) {
            prune(now);
            return failures.isEmpty() && lock(now).isEmpty();
        }

        private void prune(Instant now) {
            Instant oldest = now.minus(window);
            while (!failures.isEmpty() && !failures.peekFirst().isAfter(oldest)) {
                failures.removeFirst();
            }
            if (lockedUntil != null && !now.isBefore(lockedUntil)) {
                lockedUntil = null;
            }
        }
    }
}
