package vn.dieuhanh.calendar.internal;

/**
 * The few astronomical quantities a lunisolar calendar needs, after Jean Meeus,
 * <i>Astronomical Algorithms</i> (2nd ed.): true new moons (chapter 49), the apparent
 * longitude of the Sun (chapter 25 with VSOP87 terms, see {@link SolarPosition}) and ΔT (the
 * Espenak–Meeus polynomials) to turn dynamical time into universal time.
 *
 * <p>All instants are Julian days; "JDE" means dynamical time (TT), "JD" universal time (UT).
 */
final class Astronomy {

    static final double JD_UNIX_EPOCH = 2440587.5;
    static final double SYNODIC_MONTH = 29.530588861;
    private static final double NEW_MOON_K0_JDE = 2451550.09766;

    private Astronomy() {
    }

    /** Universal time (JD) of the true new moon with Meeus' lunation number {@code k} (k = 0 on 2000-01-06). */
    static double newMoonUniversalTime(int k) {
        double jde = newMoonDynamicalTime(k);
        return jde - deltaTSeconds(decimalYear(jde)) / 86400.0;
    }

    /** Meeus chapter 49: the instant of a true new moon in dynamical time. */
    static double newMoonDynamicalTime(int k) {
        double t = k / 1236.85;
        double t2 = t * t;
        double t3 = t2 * t;
        double t4 = t3 * t;
        double jde = NEW_MOON_K0_JDE + SYNODIC_MONTH * k + 0.00015437 * t2 - 0.000000150 * t3 + 0.00000000073 * t4;
        double e = 1 - 0.002516 * t - 0.0000074 * t2;
        double sunAnomaly = rad(2.5534 + 29.10535670 * k - 0.0000014 * t2 - 0.00000011 * t3);
        double moonAnomaly = rad(201.5643 + 385.81693528 * k + 0.0107582 * t2 + 0.00001238 * t3 - 0.000000058 * t4);
        double latitudeArgument = rad(160.7108 + 390.67050284 * k - 0.0016118 * t2 - 0.00000227 * t3 + 0.000000011 * t4);
        double ascendingNode = rad(124.7746 - 1.56375588 * k + 0.0020672 * t2 + 0.00000215 * t3);
        double m = sunAnomaly;
        double mp = moonAnomaly;
        double f = latitudeArgument;

        double correction = -0.40720 * Math.sin(mp)
                + 0.17241 * e * Math.sin(m)
                + 0.01608 * Math.sin(2 * mp)
                + 0.01039 * Math.sin(2 * f)
                + 0.00739 * e * Math.sin(mp - m)
                - 0.00514 * e * Math.sin(mp + m)
                + 0.00208 * e * e * Math.sin(2 * m)
                - 0.00111 * Math.sin(mp - 2 * f)
                - 0.00057 * Math.sin(mp + 2 * f)
                + 0.00056 * e * Math.sin(2 * mp + m)
                - 0.00042 * Math.sin(3 * mp)
                + 0.00042 * e * Math.sin(m + 2 * f)
                + 0.00038 * e * Math.sin(m - 2 * f)
                - 0.00024 * e * Math.sin(2 * mp - m)
                - 0.00017 * Math.sin(ascendingNode)
                - 0.00007 * Math.sin(mp + 2 * m)
                + 0.00004 * Math.sin(2 * mp - 2 * f)
                + 0.00004 * Math.sin(3 * m)
                + 0.00003 * Math.sin(mp + m - 2 * f)
                + 0.00003 * Math.sin(2 * mp + 2 * f)
                - 0.00003 * Math.sin(mp + m + 2 * f)
                + 0.00003 * Math.sin(mp - m + 2 * f)
                - 0.00002 * Math.sin(mp - m - 2 * f)
                - 0.00002 * Math.sin(3 * mp + m)
                + 0.00002 * Math.sin(4 * mp);

        double planetary = 0.000325 * sinDeg(299.77 + 0.107408 * k - 0.009173 * t2)
                + 0.000165 * sinDeg(251.88 + 0.016321 * k)
                + 0.000164 * sinDeg(251.83 + 26.651886 * k)
                + 0.000126 * sinDeg(349.42 + 36.412478 * k)
                + 0.000110 * sinDeg(84.66 + 18.206239 * k)
                + 0.000062 * sinDeg(141.74 + 53.303771 * k)
                + 0.000060 * sinDeg(207.14 + 2.453732 * k)
                + 0.000056 * sinDeg(154.84 + 7.306860 * k)
                + 0.000047 * sinDeg(34.52 + 27.261239 * k)
                + 0.000042 * sinDeg(207.19 + 0.121824 * k)
                + 0.000040 * sinDeg(291.34 + 1.844379 * k)
                + 0.000037 * sinDeg(161.72 + 24.198154 * k)
                + 0.000035 * sinDeg(239.56 + 25.513099 * k)
                + 0.000023 * sinDeg(331.55 + 3.592518 * k);

        return jde + correction + planetary;
    }

    /** Lunation number of the last new moon whose mean instant is at or before the given JD (a starting guess). */
    static int lunationNumberNear(double jd) {
        return (int) Math.floor((jd - NEW_MOON_K0_JDE) / SYNODIC_MONTH);
    }

    /** Apparent geocentric longitude of the Sun in degrees [0, 360) at a JD in UT (see {@link SolarPosition}). */
    static double apparentSolarLongitude(double jdUniversal) {
        return SolarPosition.apparentLongitude(jdUniversal + deltaTSeconds(decimalYear(jdUniversal)) / 86400.0);
    }

    /**
     * ΔT = TT − UT in seconds, Espenak–Meeus polynomial fits (NASA Five Millennium Canon);
     * only the pieces covering 1890-2150 are needed here.
     */
    static double deltaTSeconds(double year) {
        if (year < 1900) {
            double t = year - 1860;
            return 7.62 + 0.5737 * t - 0.251754 * t * t + 0.01680668 * Math.pow(t, 3)
                    - 0.0004473624 * Math.pow(t, 4) + Math.pow(t, 5) / 233174;
        }
        if (year < 1920) {
            double t = year - 1900;
            return -2.79 + 1.494119 * t - 0.0598939 * t * t + 0.0061966 * Math.pow(t, 3) - 0.000197 * Math.pow(t, 4);
        }
        if (year < 1941) {
            double t = year - 1920;
            return 21.20 + 0.84493 * t - 0.076100 * t * t + 0.0020936 * Math.pow(t, 3);
        }
        if (year < 1961) {
            double t = year - 1950;
            return 29.07 + 0.407 * t - t * t / 233 + Math.pow(t, 3) / 2547;
        }
        if (year < 1986) {
            double t = year - 1975;
            return 45.45 + 1.067 * t - t * t / 260 - Math.pow(t, 3) / 718;
        }
        if (year < 2005) {
            double t = year - 2000;
            return 63.86 + 0.3345 * t - 0.060374 * t * t + 0.0017275 * Math.pow(t, 3)
                    + 0.000651814 * Math.pow(t, 4) + 0.00002373599 * Math.pow(t, 5);
        }
        if (year < 2050) {
            double t = year - 2000;
            return 62.92 + 0.32217 * t + 0.005589 * t * t;
        }
        double u = (year - 1820) / 100;
        return -20 + 32 * u * u - 0.5628 * (2150 - year);
    }

    static double decimalYear(double jd) {
        return 2000.0 + (jd - 2451545.0) / 365.25;
    }

    private static double sinDeg(double degrees) {
        return Math.sin(rad(degrees));
    }

    private static double rad(double degrees) {
        return Math.toRadians(degrees % 360.0);
    }
}
