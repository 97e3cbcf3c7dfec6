package vn.dieuhanh.calendar.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.CalendarDay;
import vn.dieuhanh.calendar.LunarCalendar;
import vn.dieuhanh.calendar.WorkingCalendar;

/**
 * {@link WorkingCalendar} over lazily built, cached {@link WorkingYear} tables. A table is rebuilt only after
 * {@link #scheduleChanged(int, long)}, which the schedule administration of this node calls after a change, or
 * after the periodic check of the cluster-wide {@link ScheduleVersionSource schedule version} found a change
 * made on another node.
 *
 * <p>The check is lazy: an access at least {@code refreshInterval} after the previous check reads the version
 * (one single-row query; only one thread at a time, the others carry on with the cached tables). If it moved,
 * every cached year is dropped. Between checks the hot path reads the clock and an array, never the database.
 */
class OfficialWorkingCalendar implements WorkingCalendar {

    private static final Logger LOG = LoggerFactory.getLogger(OfficialWorkingCalendar.class);

    private static final int FIRST_YEAR = LunarCalendar.FIRST_YEAR;
    private static final int LAST_YEAR = LunarCalendar.LAST_YEAR;
    private static final LocalTime END_OF_DAY = LocalTime.of(23, 59, 59);

    private final StatutoryHolidays statutoryHolidays;
    private final OfficialScheduleSource officialSchedules;
    private final WorkingHours workingHours;
    /**
     * The cached tables. Dropping tables replaces the whole array (under {@code this}), and a table is stored into
     * the array that was current <em>before</em> its schedule was read: a table built from data older than a drop
     * therefore lands in a discarded array and is never served.
     */
    private volatile AtomicReferenceArray<WorkingYear> years = emptyCache();

    /** Null when nothing outside this object changes the schedules (tests, schedule files only). */
    private final ScheduleVersionSource versionSource;
    private final Clock clock;
    private final long refreshIntervalMillis;
    /** Epoch millisecond from which the next access checks the version. */
    private volatile long nextCheckAt = Long.MIN_VALUE;
    private final AtomicBoolean checking = new AtomicBoolean();
    /** The schedule version the cached tables are known to reflect; MIN_VALUE until the first check. */
    private final AtomicLong knownVersion = new AtomicLong(Long.MIN_VALUE);

    /** A calendar whose schedules change only through {@link #scheduleChanged(int, long)} on this object. */
    OfficialWorkingCalendar(VietnameseLunarCalendar lunarCalendar, OfficialScheduleSource officialSchedules,
            WorkingHours workingHours) {
        this(lunarCalendar, officialSchedules, workingHours, null, Clock.systemUTC(), Duration.ZERO);
    }

    /**
     * A calendar that also notices changes committed by other nodes: at most once per {@code refreshInterval}
     * (zero: at every access) it compares {@code versionSource} with the version of its cached tables.
     */
    OfficialWorkingCalendar(VietnameseLunarCalendar lunarCalendar, OfficialScheduleSource officialSchedules,
            WorkingHours workingHours, ScheduleVersionSource versionSource, Clock clock, Duration refreshInterval) {
        if (refreshInterval == null || refreshInterval.isNegative()) {
            throw new IllegalArgumentException("dieuhanh.calendar.refresh-interval must not be negative, got "
                    + refreshInterval);
        }
        this.statutoryHolidays = new StatutoryHolidays(lunarCalendar);
        this.officialSchedules = officialSchedules;
        this.workingHours = workingHours;
        this.versionSource = versionSource;
        this.clock = clock;
        this.refreshIntervalMillis = refreshInterval.toMillis();
    }

    @Override
    public boolean isWorkingDay(LocalDate date) {
        WorkingYear year = year(requireDate(date).getYear());
        return year.isWorking(year.indexOf(date));
    }

    @Override
    public List<CalendarDay> holidays(int year) {
        return year(year).days();
    }

    @Override
    public OffsetDateTime deadlineAfterWorkingDays(Instant event, int workingDays) {
        if (event == null) {
            throw new CalendarArgumentException("The starting instant is required");
        }
        LocalDate lastDay = addWorkingDays(localDate(event), workingDays);
        return lastDay.atTime(END_OF_DAY).atZone(ZONE).toOffsetDateTime();
    }

    @Override
    public LocalDate addWorkingDays(LocalDate date, int workingDays) {
        requireDate(date);
        if (workingDays < 0) {
            throw new CalendarArgumentException("Số ngày làm việc không được âm (the number of working days must not be "
                    + "negative, got " + workingDays + ")");
        }
        if (workingDays == 0) {
            return date;
        }
        int remaining = workingDays;
        WorkingYear year = year(date.getYear());
        int index = year.indexOf(date);
        while (true) {
            int available = year.totalWorkingDays() - year.workingUpTo(index);
            if (remaining <= available) {
                return year.dateAt(year.nthWorkingDayAfter(index, remaining));
            }
            remaining -= available;
            if (year.year() == LAST_YEAR) {
                throw new CalendarArgumentException("Kết quả vượt quá năm " + LAST_YEAR + " (the result would be after "
                        + LAST_YEAR + ", beyond the supported calendar)");
            }
            year = year(year.year() + 1);
            index = -1;
        }
    }

    @Override
    public Instant addWorkingHours(Instant from, Duration workingTime) {
        if (from == null || workingTime == null) {
            throw new CalendarArgumentException("Both the starting instant and the working time are required");
        }
        if (workingTime.isNegative()) {
            throw new CalendarArgumentException("The working time must not be negative, got " + workingTime);
        }
        if (workingTime.isZero()) {
            return from;
        }
        ZonedDateTime start = from.atZone(ZONE);
        LocalDate day = requireDate(start.toLocalDate());
        Duration remaining = workingTime;
        if (isWorkingDay(day)) {
            for (WorkingHours.Period period : workingHours.periods()) {
                LocalTime begin = start.toLocalTime().isAfter(period.start()) ? start.toLocalTime() : period.start();
                if (!begin.isBefore(period.end())) {
                    continue;
                }
                Duration available = Duration.between(begin, period.end());
                if (remaining.compareTo(available) <= 0) {
                    return day.atTime(begin).plus(remaining).atZone(ZONE).toInstant();
                }
                remaining = remaining.minus(available);
            }
        }
        Duration perDay = workingHours.perDay();
        long wholeDays = (remaining.toNanos() - 1) / perDay.toNanos();
        if (wholeDays > Integer.MAX_VALUE) {
            throw new CalendarArgumentException("The working time is too long: " + workingTime);
        }
        LocalDate lastWholeDay = addWorkingDays(day, (int) wholeDays);
        remaining = remaining.minus(perDay.multipliedBy(wholeDays));
        LocalDate finalDay = addWorkingDays(lastWholeDay, 1);
        for (WorkingHours.Period period : workingHours.periods()) {
            if (remaining.compareTo(period.length()) <= 0) {
                return finalDay.atTime(period.start()).plus(remaining).atZone(ZONE).toInstant();
            }
            remaining = remaining.minus(period.length());
        }
        throw new IllegalStateException("Unreachable: less than one working day remained");
    }

    @Override
    public int workingDaysBetween(Instant from, Instant to) {
        if (from == null || to == null) {
            throw new CalendarArgumentException("Both instants are required");
        }
        LocalDate start = requireDate(localDate(from));
        LocalDate end = requireDate(localDate(to));
        if (end.isBefore(start)) {
            return -countAfterUpTo(end, start);
        }
        return countAfterUpTo(start, end);
    }

    /** Working days d with start < d <= end. */
    private int countAfterUpTo(LocalDate start, LocalDate end) {
        int count = 0;
        for (int y = start.getYear(); y <= end.getYear(); y++) {
            WorkingYear year = year(y);
            int upTo = y == end.getYear() ? year.workingUpTo(year.indexOf(end)) : year.totalWorkingDays();
            int before = y == start.getYear() ? year.workingUpTo(year.indexOf(start)) : 0;
            count += upTo - before;
        }
        return count;
    }

    /**
     * Called on the node that made a change, after it committed {@code newVersion}: drops the year at once. When
     * no other change came in between, the cached tables now reflect {@code newVersion}, so the next periodic
     * check does not drop the other years.
     */
    void scheduleChanged(int year, long newVersion) {
        forgetYear(year);
        knownVersion.compareAndSet(newVersion - 1, newVersion);
    }

    /** Drops the cached table of a year, e.g. after its official schedule changed. */
    void forgetYear(int year) {
        if (year >= FIRST_YEAR && year <= LAST_YEAR) {
            synchronized (this) {
                AtomicReferenceArray<WorkingYear> copy = emptyCache();
                AtomicReferenceArray<WorkingYear> current = years;
                for (int i = 0; i < copy.length(); i++) {
                    if (i != year - FIRST_YEAR) {
                        copy.set(i, current.get(i));
                    }
                }
                years = copy;
            }
        }
    }

    /** Drops every cached table. */
    void forgetAllYears() {
        synchronized (this) {
            years = emptyCache();
        }
    }

    /**
     * Compares the cluster-wide schedule version with the cached one if the refresh interval has passed since
     * the last check. A failing check (database unreachable) is logged and retried after the interval; the
     * cached tables stay in use meanwhile.
     */
    void refreshIfDue() {
        if (versionSource == null) {
            return;
        }
        long now = clock.millis();
        if (now < nextCheckAt || !checking.compareAndSet(false, true)) {
            return;
        }
        try {
            if (now < nextCheckAt) {
                return; // another thread checked meanwhile
            }
            nextCheckAt = now + refreshIntervalMillis;
            long version = versionSource.currentVersion();
            long previous = knownVersion.getAndSet(version);
            if (previous != version) {
                forgetAllYears();
                if (previous != Long.MIN_VALUE) {
                    LOG.info("Official calendar schedules changed (version {} -> {}): cached working-day tables dropped",
                            previous, version);
                }
            }
        } catch (RuntimeException e) {
            LOG.warn("Cannot check the calendar schedule version; retrying in {} ms", refreshIntervalMillis, e);
        } finally {
            checking.set(false);
        }
    }

    private WorkingYear year(int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new CalendarArgumentException("Năm phải trong khoảng " + FIRST_YEAR + "-" + LAST_YEAR
                    + " (year must be between " + FIRST_YEAR + " and " + LAST_YEAR + ", got " + year + ")");
        }
        refreshIfDue();
        AtomicReferenceArray<WorkingYear> cache = years;
        WorkingYear table = cache.get(year - FIRST_YEAR);
        if (table == null) {
            table = WorkingYear.build(year, statutoryHolidays.of(year), officialSchedules.entriesFor(year));
            cache.compareAndSet(year - FIRST_YEAR, null, table);
        }
        return table;
    }

    private static AtomicReferenceArray<WorkingYear> emptyCache() {
        return new AtomicReferenceArray<>(LAST_YEAR - FIRST_YEAR + 1);
    }

    private static LocalDate localDate(Instant instant) {
        return instant.atZone(ZONE).toLocalDate();
    }

    private static LocalDate requireDate(LocalDate date) {
        if (date == null) {
            throw new CalendarArgumentException("A date is required");
        }
        if (date.getYear() < FIRST_YEAR || date.getYear() > LAST_YEAR) {
            throw new CalendarArgumentException("Ngày phải trong khoảng " + FIRST_YEAR + "-" + LAST_YEAR
                    + " (date must be between " + FIRST_YEAR + "-01-01 and " + LAST_YEAR + "-12-31, got " + date
                    + ")");
        }
        return date;
    }
}
