package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The same lunisolar rules evaluated at UTC+7 (Việt Nam) and UTC+8 (China). A new moon or a
 * solar term between 16:00 and 17:00 UT lands on different civil days in the two countries.
 * The expected lists below were found by computing both calendars; the Tết years agree with
 * the well-known differences (1968, 1985, 2007, 2030).
 */
class VietnameseVersusChineseCalendarTest {

    private final LunisolarCalculation vietnam = new LunisolarCalculation(7);
    private final LunisolarCalculation china = new LunisolarCalculation(8);

    @Test
    void newYearDiffersInTheseYears() {
        List<Integer> years = new ArrayList<>();
        for (int year = 1900; year <= 2100; year++) {
            if (vietnam.lunarYear(year).firstEpochDay() != china.lunarYear(year).firstEpochDay()) {
                years.add(year);
            }
        }
        assertThat(years).containsExactly(1903, 1916, 1935, 1965, 1968, 1969, 1985, 2007, 2030, 2053);
    }

    @Test
    void someMonthDiffersInTheseLunarYears() {
        List<Integer> years = new ArrayList<>();
        for (int year = 1900; year <= 2100; year++) {
            if (!sameMonths(vietnam.lunarYear(year), china.lunarYear(year))) {
                years.add(year);
            }
        }
        assertThat(years).containsExactly(
                1902, 1903, 1905, 1906, 1908, 1910, 1914, 1915, 1916, 1917, 1920, 1922, 1933, 1934, 1935,
                1936, 1938, 1939, 1944, 1947, 1950, 1951, 1953, 1956, 1957, 1961, 1964, 1965, 1967, 1968,
                1969, 1974, 1975, 1978, 1979, 1984, 1985, 1986, 1987, 1989, 1995, 1996, 1997, 2006, 2007,
                2008, 2009, 2018, 2019, 2020, 2029, 2030, 2031, 2032, 2034, 2037, 2038, 2039, 2041, 2049,
                2051, 2052, 2053, 2056, 2057, 2058, 2059, 2060, 2062, 2065, 2070, 2072, 2073, 2077, 2078,
                2080, 2082, 2085, 2086, 2088, 2090, 2092, 2093, 2095, 2099, 2100);
    }

    private static boolean sameMonths(LunarYearTable a, LunarYearTable b) {
        if (a.monthCount() != b.monthCount() || a.nextYearFirstEpochDay() != b.nextYearFirstEpochDay()) {
            return false;
        }
        for (int i = 0; i < a.monthCount(); i++) {
            if (!a.month(i).equals(b.month(i))) {
                return false;
            }
        }
        return true;
    }

    @ParameterizedTest(name = "Tết {0}: Việt Nam {1}, China {2}")
    @CsvSource({
            "1968, 1968-01-29, 1968-01-30",
            "1985, 1985-01-21, 1985-02-20",
            "2007, 2007-02-17, 2007-02-18",
            "2030, 2030-02-02, 2030-02-03",
            "2053, 2053-02-18, 2053-02-19"
    })
    void newYearDaysInBothCalendars(int year, LocalDate vietnameseTet, LocalDate chineseNewYear) {
        assertThat(LocalDate.ofEpochDay(vietnam.lunarYear(year).firstEpochDay())).isEqualTo(vietnameseTet);
        assertThat(LocalDate.ofEpochDay(china.lunarYear(year).firstEpochDay())).isEqualTo(chineseNewYear);
    }

    @Test
    void in1984And1985TheLeapMonthsDiffer() {
        // China: leap 10th month in 1984; Việt Nam: none in 1984, leap 2nd month in 1985.
        assertThat(china.lunarYear(1984).leapMonth()).isEqualTo(OptionalInt.of(10));
        assertThat(vietnam.lunarYear(1984).leapMonth()).isEmpty();
        assertThat(vietnam.lunarYear(1985).leapMonth()).isEqualTo(OptionalInt.of(2));
        assertThat(china.lunarYear(1985).leapMonth()).isEmpty();
    }

    @Test
    void bothCalendarsAgreeOnRecentYears() {
        for (int year = 2021; year <= 2028; year++) {
            assertThat(sameMonths(vietnam.lunarYear(year), china.lunarYear(year))).as("year %d", year).isTrue();
        }
    }
}
