package vn.dieuhanh.calendar.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import vn.dieuhanh.calendar.LunarDate;

/**
 * Structural properties of the whole 1900-2100 range. The solar side is small enough
 * (73,414 days) to be checked exhaustively; the lunar side is sampled with jqwik.
 */
class LunarCalendarPropertiesTest {

    private final VietnameseLunarCalendar calendar = new VietnameseLunarCalendar();

    @Test
    void everySolarDayRoundTripsAndLunarDatesAdvanceByOneDay() {
        LocalDate day = LocalDate.of(1900, 1, 1);
        LunarDate previous = calendar.toLunar(day);
        assertThat(previous).isEqualTo(LunarDate.of(1899, 12, 1));
        for (day = day.plusDays(1); !day.isAfter(LocalDate.of(2100, 12, 31)); day = day.plusDays(1)) {
            LunarDate current = calendar.toLunar(day);
            if (current.year() >= 1900) {
                assertThat(calendar.toSolar(current)).as("round trip of %s", day).isEqualTo(day);
            }
            if (current.day() == 1) {
                assertThat(previous.day()).as("month before %s", day).isBetween(29, 30);
                assertThat(isNextMonth(previous, current)).as("%s follows %s", current, previous).isTrue();
            } else {
                assertThat(current).as("day after %s", previous)
                        .isEqualTo(new LunarDate(previous.day() + 1, previous.month(), previous.year(), previous.leap()));
            }
            previous = current;
        }
    }

    private static boolean isNextMonth(LunarDate before, LunarDate after) {
        if (after.leap()) {
            return after.month() == before.month() && after.year() == before.year() && !before.leap();
        }
        if (after.month() == 1) {
            return before.month() == 12 && after.year() == before.year() + 1;
        }
        return after.month() == before.month() + 1 && after.year() == before.year();
    }

    @Property
    void lunarYearsHaveTwelveOrThirteenMonthsOfPlausibleLength(@ForAll @IntRange(min = 1900, max = 2100) int year) {
        LunarYearTable table = calendar.table(year);
        long days = table.nextYearFirstEpochDay() - table.firstEpochDay();
        if (table.leapMonth().isPresent()) {
            assertThat(table.monthCount()).isEqualTo(13);
            assertThat(days).isBetween(383L, 385L);
        } else {
            assertThat(table.monthCount()).isEqualTo(12);
            assertThat(days).isBetween(353L, 355L);
        }
        LocalDate tet = LocalDate.ofEpochDay(table.firstEpochDay());
        assertThat(tet).isBetween(LocalDate.of(year, 1, 20), LocalDate.of(year, 2, 21));
    }

    @Property
    void validLunarDatesRoundTrip(@ForAll("validLunarDates") LunarDate lunar) {
        LocalDate solar = calendar.toSolar(lunar);
        // the last months of lunar year 2100 fall in 2101, outside the solar range of toLunar
        if (solar.getYear() <= 2100) {
            assertThat(calendar.toLunar(solar)).isEqualTo(lunar);
        }
    }

    @Property
    void conversionIsMonotonic(@ForAll("validLunarDates") LunarDate first, @ForAll("validLunarDates") LunarDate second) {
        LocalDate a = calendar.toSolar(first);
        LocalDate b = calendar.toSolar(second);
        assertThat(Integer.signum(a.compareTo(b))).isEqualTo(Integer.signum(compareLunar(first, second)));
    }

    private int compareLunar(LunarDate a, LunarDate b) {
        if (a.year() != b.year()) {
            return Integer.compare(a.year(), b.year());
        }
        LunarYearTable table = calendar.table(a.year());
        int monthOrder = Integer.compare(table.indexOf(a.month(), a.leap()), table.indexOf(b.month(), b.leap()));
        return monthOrder != 0 ? monthOrder : Integer.compare(a.day(), b.day());
    }

    @Provide
    Arbitrary<LunarDate> validLunarDates() {
        return Arbitraries.integers().between(1900, 2100).flatMap(year -> {
            LunarYearTable table = calendar.table(year);
            return Arbitraries.integers().between(0, table.monthCount() - 1).flatMap(index -> {
                LunarMonth month = table.month(index);
                return Arbitraries.integers().between(1, table.lengthOfMonth(index))
                        .map(day -> new LunarDate(day, month.number(), year, month.leap()));
            });
        });
    }
}
