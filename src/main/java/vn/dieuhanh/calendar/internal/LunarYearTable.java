package vn.dieuhanh.calendar.internal;

import java.util.List;
import java.util.OptionalInt;

/** Precomputed month starts of one lunar year, so that conversions need no astronomy. */
final class LunarYearTable {

    private final int year;
    private final LunarMonth[] months;
    private final long[] monthStarts;
    private final long nextYearStart;

    LunarYearTable(int year, List<LunarMonth> months, long nextYearStart) {
        this.year = year;
        this.months = months.toArray(LunarMonth[]::new);
        this.monthStarts = months.stream().mapToLong(LunarMonth::firstEpochDay).toArray();
        this.nextYearStart = nextYearStart;
    }

    int year() {
        return year;
    }

    long firstEpochDay() {
        return monthStarts[0];
    }

    long nextYearFirstEpochDay() {
        return nextYearStart;
    }

    boolean contains(long epochDay) {
        return epochDay >= monthStarts[0] && epochDay < nextYearStart;
    }

    /** The month containing a day that {@link #contains(long)} is true for. */
    int indexOfMonthContaining(long epochDay) {
        int low = 0;
        int high = monthStarts.length - 1;
        while (low < high) {
            int middle = (low + high + 1) >>> 1;
            if (monthStarts[middle] <= epochDay) {
                low = middle;
            } else {
                high = middle - 1;
            }
        }
        return low;
    }

    LunarMonth month(int index) {
        return months[index];
    }

    /** Index of the given month, or -1 if this year has no such month. */
    int indexOf(int number, boolean leap) {
        for (int i = 0; i < months.length; i++) {
            if (months[i].number() == number && months[i].leap() == leap) {
                return i;
            }
        }
        return -1;
    }

    int lengthOfMonth(int index) {
        long end = index + 1 < monthStarts.length ? monthStarts[index + 1] : nextYearStart;
        return (int) (end - monthStarts[index]);
    }

    OptionalInt leapMonth() {
        for (LunarMonth month : months) {
            if (month.leap()) {
                return OptionalInt.of(month.number());
            }
        }
        return OptionalInt.empty();
    }

    int monthCount() {
        return months.length;
    }
}
