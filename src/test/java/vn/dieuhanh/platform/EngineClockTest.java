package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;

/** The application's {@link Clock} bean is the engine clock: moving the engine clock moves it. */
class EngineClockTest {

    @AfterEach
    void resetEngineClock() {
        ClockUtil.reset();
    }

    @Test
    void theClockBeanFollowsTheEngineClock() {
        try (var context = new AnnotationConfigApplicationContext(EngineClockConfiguration.class)) {
            Clock clock = context.getBean(Clock.class);
            Instant moved = Instant.parse("2026-02-16T03:00:00Z");

            ClockUtil.setCurrentTime(Date.from(moved));

            assertThat(clock.instant()).isEqualTo(moved);
            assertThat(clock.millis()).isEqualTo(moved.toEpochMilli());
            assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
            assertThat(OffsetDateTime.now(clock)).isEqualTo(moved.atOffset(ZoneOffset.UTC));

            ClockUtil.setCurrentTime(Date.from(moved.plusSeconds(86_400)));
            assertThat(clock.instant()).isEqualTo(moved.plusSeconds(86_400));
        }
    }

    @Test
    void withoutAMovedEngineClockItIsTheSystemClock() {
        // the engine clock counts whole milliseconds
        Instant before = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
        Instant read = EngineClock.INSTANCE.instant();
        assertThat(read).isBetween(before, Instant.now());
    }

    @Test
    void anotherZoneKeepsTheEngineInstant() {
        Instant moved = Instant.parse("2026-04-30T17:30:00Z");
        ClockUtil.setCurrentTime(Date.from(moved));
        Clock hanoi = EngineClock.INSTANCE.withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        assertThat(hanoi.instant()).isEqualTo(moved);
        assertThat(java.time.LocalDate.now(hanoi)).isEqualTo(java.time.LocalDate.of(2026, 5, 1));
    }
}
