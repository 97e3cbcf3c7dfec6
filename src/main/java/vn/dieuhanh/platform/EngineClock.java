package vn.dieuhanh.platform;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * The application's one clock: the process engine's ({@link ClockUtil}), in UTC. It is a Spring bean (declared by
 * {@link EngineClockConfiguration}) injected as a {@link Clock} wherever "now" is needed, so a test that moves the
 * engine clock ({@code ClockUtil.setCurrentTime}) moves timers, deadlines, buckets, ledgers, notifications and logins
 * together. In production the engine clock is the system clock.
 *
 * <p>Code that cannot take a bean (a static path) uses {@link #INSTANCE}; it reads the same source.
 */
public final class EngineClock extends Clock {

    /** For the few static code paths only; beans take the {@link Clock} bean by constructor. */
    public static final EngineClock INSTANCE = new EngineClock(ZoneOffset.UTC);

    private final ZoneId zone;

    private EngineClock(ZoneId zone) {
        this.zone = zone;
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return zone.equals(this.zone) ? this : new EngineClock(zone);
    }

    @Override
    public Instant instant() {
        return ClockUtil.getCurrentTime().toInstant();
    }

    @Override
    public long millis() {
        return ClockUtil.getCurrentTime().getTime();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EngineClock clock && clock.zone.equals(zone);
    }

    @Override
    public int hashCode() {
        return zone.hashCode() + 1;
    }

    @Override
    public String toString() {
        return "EngineClock[" + zone + "]";
    }
}
