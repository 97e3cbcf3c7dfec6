package vn.dieuhanh.calendar.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import vn.dieuhanh.calendar.CalendarDay;
import vn.dieuhanh.calendar.DayKind;

/**
 * The working days of one solar year as a bitmap with prefix counts, so that "the n-th working day
 * after" and "working days between" are array lookups and a binary search.
 */
final class WorkingYear {

    private final int year;
    private final long firstEpochDay;
    private final boolean[] working;
    /** workingUpTo[i] = number of working days among day indexes 0..i. */
    private final int[] workingUpTo;
    private final List<CalendarDay> days;

    private WorkingYear(int year, boolean[] working, List<CalendarDay> days) {
        this.year = year;
        this.firstEpochDay = LocalDate.of(year, 1, 1).toEpochDay();
        this.working = working;
        this.days = List.copyOf(days);
        this.workingUpTo = new int[working.length];
        int count = 0;
        for (int i = 0; i < working.length; i++) {
            if (working[i]) {
                count++;
            }
            workingUpTo[i] = count;
        }
    }

    /**
     * Official entries replace the statutory rule group by group; statutory holidays that fall on a
     * Saturday or Sunday give the next working day off (Labour Code 2019 art. 111(3)).
     */
    static WorkingYear build(int year, List<ScheduleEntry> statutory, List<ScheduleEntry> official) {
        Set<HolidayGroup> officialGroups = EnumSet.noneOf(HolidayGroup.class);
        official.forEach(entry -> officialGroups.add(entry.group()));
        List<ScheduleEntry> defaults = statutory.stream()
                .filter(entry -> !officialGroups.contains(entry.group()))
                .sorted(Comparator.comparing(ScheduleEntry::date))
                .toList();

        LocalDate january1 = LocalDate.of(year, 1, 1);
        boolean[] working = new boolean[january1.lengthOfYear()];
        for (int i = 0; i < working.length; i++) {
            working[i] = !ScheduleEntry.isWeekend(january1.plusDays(i));
        }
        List<CalendarDay> days = new ArrayList<>();
        for (ScheduleEntry entry : official) {
            requireInYear(year, entry);
            working[entry.date().getDayOfYear() - 1] = entry.kind() == DayKind.MAKEUP_WORKING_DAY;
            days.add(new CalendarDay(entry.date(), entry.name(), entry.kind()));
        }
        for (ScheduleEntry entry : defaults) {
            working[entry.date().getDayOfYear() - 1] = false;
            days.add(new CalendarDay(entry.date(), entry.name(), entry.kind()));
        }
        for (ScheduleEntry entry : defaults) {
            if (ScheduleEntry.isWeekend(entry.date())) {
                int index = entry.date().getDayOfYear();
                while (index < working.length && !working[index]) {
                    index++;
                }
                if (index < working.length) {
                    working[index] = false;
                    days.add(new CalendarDay(january1.plusDays(index), "Nghỉ bù " + entry.name(),
                            DayKind.COMPENSATORY_DAY_OFF));
                }
            }
        }
        days.sort(Comparator.comparing(CalendarDay::date).thenComparing(CalendarDay::kind));
        return new WorkingYear(year, working, days);
    }

    private static void requireInYear(int year, ScheduleEntry entry) {
        if (entry.date().getYear() != year) {
            throw new IllegalStateException("Schedule of " + year + " has an entry dated " + entry.date());
        }
    }

    int year() {
        return year;
    }

    int length() {
        return working.length;
    }

    List<CalendarDay> days() {
        return days;
    }

    int indexOf(LocalDate date) {
        return (int) (date.toEpochDay() - firstEpochDay);
    }

    LocalDate dateAt(int index) {
        return LocalDate.ofEpochDay(firstEpochDay + index);
    }

    boolean isWorking(int index) {
        return working[index];
    }

    /** Working days among indexes 0..index; 0 for index -1. */
    int workingUpTo(int index) {
        return index < 0 ? 0 : workingUpTo[index];
    }

    int totalWorkingDays() {
        return workingUpTo[working.length - 1];
    }

    /** Index of the n-th working day after {@code index} (n >= 1, and at most that many remain in the year). */
    int nthWorkingDayAfter(int index, int n) {
        int target = workingUpTo(index) + n;
        int low = index + 1;
        int high = working.length - 1;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (workingUpTo[middle] >= target) {
                high = middle;
            } else {
                low = middle + 1;
            }
        }
        return low;
    }
}
