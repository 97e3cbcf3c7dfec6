package vn.dieuhanh.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {

    final Backoff backoff = new Backoff(Duration.ofSeconds(30), Duration.ofHours(1));

    @Test
    void doublesFromTheBaseAfterEachFailure() {
        assertThat(backoff.delayAfter(1)).isEqualTo(Duration.ofSeconds(30));
        assertThat(backoff.delayAfter(2)).isEqualTo(Duration.ofMinutes(1));
        assertThat(backoff.delayAfter(3)).isEqualTo(Duration.ofMinutes(2));
        assertThat(backoff.delayAfter(7)).isEqualTo(Duration.ofMinutes(32));
    }

    @Test
    void neverWaitsLongerThanTheMaximum() {
        assertThat(backoff.delayAfter(8)).isEqualTo(Duration.ofHours(1));
        assertThat(backoff.delayAfter(1000)).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void noWaitBeforeAnyFailure() {
        assertThat(backoff.delayAfter(0)).isZero();
    }
}
