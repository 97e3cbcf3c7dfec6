package vn.dieuhanh.calendar;

import java.time.LocalDate;

/** One entry of a year's holiday list, e.g. 2026-02-17 "Tết Nguyên đán" HOLIDAY. */
public record CalendarDay(LocalDate date, String name, DayKind kind) {
}
