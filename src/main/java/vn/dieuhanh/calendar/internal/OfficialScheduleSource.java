package vn.dieuhanh.calendar.internal;

import java.util.List;

/** Where the official entries of a year come from (schedule files, admin overrides). */
@FunctionalInterface
interface OfficialScheduleSource {

    /** The official entries of a solar year; empty when only the statutory default applies. */
    List<ScheduleEntry> entriesFor(int year);
}
