package vn.dieuhanh.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves (no sleeping). */
class LoginThrottleTest {

    static final String ATTACKER = "203.0.113.9";
    static final String OFFICE = "10.1.2.3";

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-02T01:00:00Z"));
    final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottleProperties(5, 30, Duration.ofMinutes(15), Duration.ofMinutes(15), 10_000, 200), clock);

    @Test
    void anAccountIsLockedAfterFiveFailuresAndTheLockExpiresByItself() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(ATTACKER, "phuong-ben-thanh.head", true);
            clock.advance(Duration.ofMinutes(1));
        }
        assertThat(throttle.retryAfter(OFFICE, "phuong-ben-thanh.head")).isEmpty();
        throttle.failed(ATTACKER, "phuong-ben-thanh.head", true);
        // locked for everybody, from any address, even with the right password, for 15 minutes
        assertThat(throttle.retryAfter(OFFICE, "phuong-ben-thanh.head")).contains(Duration.ofMinutes(15));
        clock.advance(Duration.ofMinutes(14).plusSeconds(59));
        assertThat(throttle.retryAfter(OFFICE, "phuong-ben-thanh.head")).contains(Duration.ofSeconds(1));
        clock.advance(Duration.ofSeconds(1));
        assertThat(throttle.retryAfter(OFFICE, "phuong-ben-thanh.head")).isEmpty();
        // ... and starts over: one more failure does not lock it again
        throttle.failed(ATTACKER, "phuong-ben-thanh.head", true);
        assertThat(throttle.retryAfter(OFFICE, "phuong-ben-thanh.head")).isEmpty();
    }

    @Test
    void failuresSpreadBeyondTheWindowDoNotAddUp() {
        for (int i = 0; i < 20; i++) {
            throttle.failed(OFFICE, "so-y-te.head", true);
            clock.advance(Duration.ofMinutes(4));
        }
        assertThat(throttle.retryAfter(OFFICE, "so-y-te.head")).isEmpty();
    }

    @Test
    void anAccountIsNeverLockedForGood() {
        for (int round = 0; round < 10; round++) {
            for (int i = 0; i < 5; i++) {
                throttle.failed("198.51.100." + round, "so-tu-phap.head", true);
            }
            assertThat(throttle.retryAfter(null, "so-tu-phap.head")).isPresent();
            clock.advance(Duration.ofMinutes(15));
            assertThat(throttle.retryAfter(null, "so-tu-phap.head")).isEmpty();
        }
    }

    @Test
    void aSuccessForgetsTheAccountsFailures() {
        for (int i = 0; i < 4; i++) {
            throttle.failed(OFFICE, "so-y-te.head", true);
        }
        throttle.succeeded("so-y-te.head");
        throttle.failed(OFFICE, "so-y-te.head", true);
        assertThat(throttle.retryAfter(OFFICE, "so-y-te.head")).isEmpty();
    }

    @Test
    void anAdministratorsAccountIsNeverLockedOnlyTheAttackersAddress() {
        for (int i = 0; i < 30; i++) {
            throttle.failed(ATTACKER, "admin", false);
        }
        assertThat(throttle.retryAfter(ATTACKER, "admin")).contains(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter(OFFICE, "admin")).isEmpty();
        assertThat(throttle.report().locks()).singleElement()
                .satisfies(lock -> assertThat(lock.kind()).isEqualTo(LoginThrottle.SOURCE))
                .satisfies(lock -> assertThat(lock.key()).isEqualTo(ATTACKER));
    }

    @Test
    void aSourceSprayingManyAccountsIsLockedForEveryAccount() {
        for (int i = 0; i < 30; i++) {
            throttle.failed(ATTACKER, "user-" + i, true);
        }
        assertThat(throttle.retryAfter(ATTACKER, "somebody-else")).contains(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter(OFFICE, "somebody-else")).isEmpty();
        clock.advance(Duration.ofMinutes(15));
        assertThat(throttle.retryAfter(ATTACKER, "somebody-else")).isEmpty();
    }

    @Test
    void unknownAndExistingAccountNamesAreCountedAlike() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(OFFICE, "no-such-user", true);
            throttle.failed(OFFICE, "phuong-ben-thanh.head", true);
        }
        assertThat(throttle.retryAfter(null, "no-such-user")).isEqualTo(throttle.retryAfter(null,
                "phuong-ben-thanh.head"));
    }

    @Test
    void administratorsSeeLocksAndRecentFailuresAndCanReleaseALock() {
        for (int i = 0; i < 5; i++) {
            throttle.failed(ATTACKER, "so-y-te.head", true);
        }
        LoginThrottle.Report report = throttle.report();
        assertThat(report.locks()).singleElement().satisfies(lock -> {
            assertThat(lock.kind()).isEqualTo(LoginThrottle.ACCOUNT);
            assertThat(lock.key()).isEqualTo("so-y-te.head");
            assertThat(lock.failures()).isEqualTo(5);
            assertThat(lock.lockedUntil()).isEqualTo(clock.instant().plus(Duration.ofMinutes(15)));
        });
        assertThat(report.recentFailures()).hasSize(5).first()
                .satisfies(failure -> assertThat(failure.source()).isEqualTo(ATTACKER));
        assertThat(throttle.release(LoginThrottle.ACCOUNT, "so-y-te.head")).isTrue();
        assertThat(throttle.retryAfter(ATTACKER, "so-y-te.head")).isEmpty();
        assertThat(throttle.release(LoginThrottle.ACCOUNT, "so-y-te.head")).isFalse();
    }

    @Test
    void memoryIsBoundedButLocksAreKept() {
        LoginThrottle small = new LoginThrottle(
                new LoginThrottleProperties(2, 1000, Duration.ofMinutes(15), Duration.ofMinutes(15), 100, 10), clock);
        small.failed(ATTACKER, "victim", true);
        small.failed(ATTACKER, "victim", true);
        for (int i = 0; i < 1000; i++) {
            small.failed(ATTACKER, "spray-" + i, true);
        }
        assertThat(small.retryAfter(null, "victim")).isPresent();
        assertThat(small.report().recentFailures()).hasSize(10);
    }

    static final class MutableClock extends Clock {
        private Instant now;

        MutableClock(Instant now) {
            this.now = now;
        }

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
