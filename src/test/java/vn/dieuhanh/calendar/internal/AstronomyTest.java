package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AstronomyTest {

    @Test
    void newMoonMatchesMeeusExample49a() {
        // Meeus, Astronomical Algorithms, example 49.a: new moon of 1977 February, JDE 2443192.65118
        assertThat(Astronomy.newMoonDynamicalTime(-283)).isCloseTo(2443192.65118, within(0.00005));
    }

    @Test
    void solarLongitudeMatchesMeeusExample25b() {
        // Example 25.b: 1992 October 13.0 TD, apparent longitude 199°54'21.818" (full VSOP87 and nutation)
        double expected = 199 + 54 / 60.0 + 21.818 / 3600.0;
        assertThat(SolarPosition.apparentLongitude(2448908.5)).isCloseTo(expected, within(1.0 / 3600));
    }

    @Test
    void solarLongitudeFromUniversalTimeAddsDeltaT() {
        double jdUniversal = 2448908.5 - Astronomy.deltaTSeconds(1992.8) / 86400.0;
        assertThat(Astronomy.apparentSolarLongitude(jdUniversal))
                .isCloseTo(SolarPosition.apparentLongitude(2448908.5), within(1e-5));
    }

    @Test
    void winterSolstice2025IsOn21DecemberAt15h03Utc() {
        // published instant: 2025-12-21 15:03 UT; the Sun reaches 270° within a minute of it
        double jd = java.time.LocalDate.of(2025, 12, 21).toEpochDay() + Astronomy.JD_UNIX_EPOCH + (15 + 3 / 60.0) / 24;
        assertThat(Astronomy.apparentSolarLongitude(jd)).isCloseTo(270.0, within(0.0007));
    }

    @Test
    void deltaTIsAboutOneMinuteAroundYear2000() {
        assertThat(Astronomy.deltaTSeconds(2000.0)).isCloseTo(63.9, within(0.5));
        assertThat(Astronomy.deltaTSeconds(1900.0)).isCloseTo(-2.8, within(0.5));
    }
}
