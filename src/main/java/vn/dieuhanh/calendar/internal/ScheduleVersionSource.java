package vn.dieuhanh.calendar.internal;

/**
 * The cluster-wide version of the official schedules: a number that every committed change of a schedule
 * override increments (table cal_schedule_version, shared by all nodes through the database).
 */
@FunctionalInterface
interface ScheduleVersionSource {

    long currentVersion();
}
