package vn.dieuhanh.indicator.internal.reporting;

import java.time.Instant;
import vn.dieuhanh.platform.EngineClock;

/**
 * "Now" for the reporting delegates that are not yet given the {@link java.time.Clock} bean: the engine clock, the
 * same source as that bean. Beans take the {@code Clock} by constructor instead.
 */
final class ReportingClock {

    private ReportingClock() {
    }

    static Instant now() {
        return EngineClock.INSTANCE.instant();
    }
}
