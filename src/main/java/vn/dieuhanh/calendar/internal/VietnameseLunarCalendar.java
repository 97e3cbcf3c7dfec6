package vn.dieuhanh.calendar.internal;

import java.time.LocalDate;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicReferenceArray;

import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.LunarCalendar;
import vn.dieuhanh.calendar.LunarDate;

/**
 * {@link LunarCalendar} backed by lazily computed, cached per-year month tables: the astronomy
 * runs once per lunar year, conversions afterwards are a table lookup and a binary search.
 */
class VietnameseLunarCalendar implements LunarCalendar {

    private static final LocalDate FIRST_SOLAR_DATE = LocalDate.of(FIRST_YEAR, 1, 1);
    private static final LocalDate LAST_SOLAR_DATE = LocalDate.of(LAST_YEAR, 12, 31);
    // Solar January 1900 still belongs to lunar year 1899, so its table is kept too.
    private static final int FIRST_TABLE_YEAR = FIRST_YEAR - 1;

    private final LunisolarCalculation calculation;
    private final AtomicReferenceArray<LunarYearTable> tables =
            new AtomicReferenceArray<>(LAST_YEAR - FIRST_TABLE_YEAR + 1);

    VietnameseLunarCalendar() {
        this(LunisolarCalculation.VIETNAM);
    }

    VietnameseLunarCalendar(LunisolarCalculation calculation) {
        this.calculation = calculation;
    }

    @Override
    public LunarDate toLunar(LocalDate solarDate) {
        if (solarDate == null || solarDate.isBefore(FIRST_SOLAR_DATE) || solarDate.isAfter(LAST_SOLAR_DATE)) {
            throw new CalendarArgumentException("Ngày phải trong khoảng 1900-2100 (date must be between " + FIRST_SOLAR_DATE
                    + " and " + LAST_SOLAR_DATE + ", got " + solarDate + ")");
        }
        long epochDay = solarDate.toEpochDay();
        LunarYearTable table = table(solarDate.getYear());
        if (!table.contains(epochDay)) {
            table = table(solarDate.getYear() - 1);
        }
        int index = table.indexOfMonthContaining(epochDay);
        LunarMonth month = table.month(index);
        return new LunarDate((int) (epochDay - month.firstEpochDay()) + 1, month.number(), table.year(), month.leap());
    }

    @Override
    public LocalDate toSolar(LunarDate lunarDate) {
        LunarYearTable table = table(checkedYear(lunarDate.year()));
        int index = table.indexOf(lunarDate.month(), lunarDate.leap());
        if (index < 0) {
            throw new CalendarArgumentException("Năm âm lịch " + lunarDate.year() + " không có tháng "
                    + lunarDate.month() + " nhuận (lunar year " + lunarDate.year() + " has no leap month "
                    + lunarDate.month() + ")");
        }
        int length = table.lengthOfMonth(index);
        if (lunarDate.day() > length) {
            throw new CalendarArgumentException("Tháng này chỉ có " + length + " ngày (lunar " + (lunarDate.leap() ? "leap " : "")
                    + "month " + lunarDate.month() + " of " + lunarDate.year() + " has only " + length
                    + " days, got day " + lunarDate.day() + ")");
        }
        return LocalDate.ofEpochDay(table.month(index).firstEpochDay() + lunarDate.day() - 1);
    }

    @Override
    public OptionalInt leapMonth(int lunarYear) {
        return table(checkedYear(lunarYear)).leapMonth();
    }

    @Override
    public int lengthOfMonth(int lunarYear, int month, boolean leap) {
        LunarDate firstDay = new LunarDate(1, month, lunarYear, leap);
        LunarYearTable table = table(checkedYear(firstDay.year()));
        int index = table.indexOf(month, leap);
        if (index < 0) {
            throw new CalendarArgumentException("Lunar year " + lunarYear + " has no leap month " + month);
        }
        return table.lengthOfMonth(index);
    }

    @Override
    public LocalDate newYearDay(int lunarYear) {
        return LocalDate.ofEpochDay(table(checkedYear(lunarYear)).firstEpochDay());
    }

    /** The last day of a lunar year (ngày cuối năm, "30 Tết" or "29 Tết"). */
    LocalDate lastDayOfYear(int lunarYear) {
        if (lunarYear < FIRST_TABLE_YEAR || lunarYear > LAST_YEAR) {
            throw new CalendarArgumentException("Lunar year out of range: " + lunarYear);
        }
        return LocalDate.ofEpochDay(table(lunarYear).nextYearFirstEpochDay() - 1);
    }

    private static int checkedYear(int lunarYear) {
        if (lunarYear < FIRST_YEAR || lunarYear > LAST_YEAR) {
            throw new CalendarArgumentException("Năm phải trong khoảng 1900-2100 (year must be between " + FIRST_YEAR + " and "
                    + LAST_YEAR + ", got " + lunarYear + ")");
        }
        return lunarYear;
    }

    LunarYearTable table(int lunarYear) {
        int slot = lunarYear - FIRST_TABLE_YEAR;
        LunarYearTable table = tables.get(slot);
        if (table == null) {
            table = calculation.lunarYear(lunarYear);
            tables.compareAndSet(slot, null, table);
        }
        return table;
    }
}
