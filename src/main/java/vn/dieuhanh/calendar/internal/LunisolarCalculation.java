package vn.dieuhanh.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules of the East-Asian lunisolar calendar evaluated for one time zone. The Vietnamese
 * calendar uses UTC+7; the same rules at UTC+8 give the Chinese calendar, which is how the tests
 * find the years in which the two disagree.
 *
 * <ol>
 *   <li>A month begins on the local civil day of a true new moon.</li>
 *   <li>Month 11 is the month containing the winter solstice (solar longitude 270°).</li>
 *   <li>If 13 new moons begin between one month 11 and the next, the first of those months that
 *       contains no major solar term (trung khí, longitude a multiple of 30°) is a leap month and
 *       repeats the number of the month before it.</li>
 * </ol>
 *
 * A month "contains" a major term when the term happens between the local midnight starting the
 * month and the local midnight starting the next one, i.e. when the Sun's longitude crosses a
 * multiple of 30° between those two instants.
 */
final class LunisolarCalculation {

    static final LunisolarCalculation VIETNAM = new LunisolarCalculation(7);

    private final double utcOffsetHours;

    LunisolarCalculation(double utcOffsetHours) {
        this.utcOffsetHours = utcOffsetHours;
    }

    /** Local civil date (epoch day) on which new moon number {@code k} happens. */
    long newMoonEpochDay(int k) {
        double localJd = Astronomy.newMoonUniversalTime(k) + utcOffsetHours / 24.0;
        return (long) Math.floor(localJd - Astronomy.JD_UNIX_EPOCH);
    }

    /** Which 30° sector (0..11) the Sun is in at local midnight beginning the given day. */
    int solarSectorAtStartOf(long epochDay) {
        double jdUniversal = epochDay + Astronomy.JD_UNIX_EPOCH - utcOffsetHours / 24.0;
        return (int) (Astronomy.apparentSolarLongitude(jdUniversal) / 30.0);
    }

    /** Lunation number of the month containing the winter solstice of the given solar year. */
    int month11Lunation(int solarYear) {
        long december31 = LocalDate.of(solarYear, 12, 31).toEpochDay();
        int k = Astronomy.lunationNumberNear(december31 + Astronomy.JD_UNIX_EPOCH);
        while (newMoonEpochDay(k) > december31) {
            k--;
        }
        while (newMoonEpochDay(k + 1) <= december31) {
            k++;
        }
        // This month starts in December; if the Sun is already past 270° when it starts,
        // the solstice belongs to the previous month.
        if (solarSectorAtStartOf(newMoonEpochDay(k)) >= 9) {
            k--;
        }
        return k;
    }

    /**
     * The months of the "sui" ending in the given solar year: from month 11 of the previous solar
     * year (inclusive) to month 11 of this one (exclusive). Months 11 and 12 belong to the previous
     * lunar year, months 1 to 10 to this one.
     */
    List<LunarMonth> monthsOfSuiEndingIn(int solarYear) {
        int first = month11Lunation(solarYear - 1);
        int next = month11Lunation(solarYear);
        int count = next - first;
        int leapIndex = count == 13 ? firstMonthWithoutMajorTerm(first, next) : -1;

        List<LunarMonth> months = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            int ordinal = leapIndex >= 0 && i >= leapIndex ? i - 1 : i;
            int number = (ordinal + 10) % 12 + 1; // ordinal 0 -> month 11
            boolean leap = i == leapIndex;
            int lunarYear = number >= 11 ? solarYear - 1 : solarYear;
            months.add(new LunarMonth(lunarYear, number, leap, newMoonEpochDay(first + i)));
        }
        return months;
    }

    private int firstMonthWithoutMajorTerm(int firstLunation, int nextMonth11Lunation) {
        int sectorAtStart = solarSectorAtStartOf(newMoonEpochDay(firstLunation + 1));
        for (int i = 1; i < nextMonth11Lunation - firstLunation; i++) {
            int sectorAtEnd = solarSectorAtStartOf(newMoonEpochDay(firstLunation + i + 1));
            if (sectorAtStart == sectorAtEnd) {
                return i;
            }
            sectorAtStart = sectorAtEnd;
        }
        throw new IllegalStateException("No month without a major term after lunation " + firstLunation);
    }

    /** The months of one lunar year in order, and the first day of the next lunar year. */
    LunarYearTable lunarYear(int lunarYear) {
        List<LunarMonth> months = new ArrayList<>(13);
        long nextYearStart = Long.MIN_VALUE;
        for (LunarMonth month : monthsOfSuiEndingIn(lunarYear)) {
            if (month.lunarYear() == lunarYear) {
                months.add(month);
            }
        }
        for (LunarMonth month : monthsOfSuiEndingIn(lunarYear + 1)) {
            if (month.lunarYear() == lunarYear) {
                months.add(month);
            } else if (month.lunarYear() == lunarYear + 1 && nextYearStart == Long.MIN_VALUE) {
                nextYearStart = month.firstEpochDay();
            }
        }
        return new LunarYearTable(lunarYear, months, nextYearStart);
    }
}
