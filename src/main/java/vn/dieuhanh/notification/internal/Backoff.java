package vn.dieuhanh.notification.internal;

import java.time.Duration;

/** Exponential back-off: {@code base}, {@code 2 base}, {@code 4 base}, ... never more than {@code max}. */
record Backoff(Duration base, Duration max) {

    /** The wait before the next attempt after {@code failedAttempts} (at least 1) failures in a row. */
    Duration delayAfter(int failedAttempts) {
        if (failedAttempts < 1) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        long millis = base.toMillis();
        for (int i = 0; i < doublings && millis < max.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, max.toMillis()));
    }
}
