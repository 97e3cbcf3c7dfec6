package vn.dieuhanh.calendar.internal;

/** One lunar month: its first day as an epoch day, its number and whether it is the leap month. */
record LunarMonth(int lunarYear, int number, boolean leap, long firstEpochDay) {
}
