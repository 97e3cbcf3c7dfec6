package vn.dieuhanh.indicator.internal.reporting;

import java.time.Instant;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/** "Now" is the engine clock, so tests that move it move reporting time too. */
final class ReportingClock {

    private ReportingClock() {
    }

    static Instant now() {
        return ClockUtil.getCurrentTime().toInstant();
    }
}
