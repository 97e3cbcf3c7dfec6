package vn.dieuhanh.calendar.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.SplittableRandom;
import java.util.function.IntUnaryOperator;

import vn.dieuhanh.calendar.LunarDate;

/**
 * Not a test: prints the cost of the calendar's hot paths. Run (see docs/calendar.md):
 * <pre>
 * mvn -q -B test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/test-classes:target/classes:$(cat target/cp.txt) vn.dieuhanh.calendar.internal.CalendarBenchmark
 * </pre>
 */
public final class CalendarBenchmark {

    private static final int SAMPLES = 1 << 16;
    private static final int ROUNDS = 20;

    private CalendarBenchmark() {
    }

    public static void main(String[] args) {
        long start = System.nanoTime();
        VietnameseLunarCalendar lunar = new VietnameseLunarCalendar();
        for (int year = 1899; year <= 2100; year++) {
            lunar.table(year);
        }
        System.out.printf("Lunar tables 1899-2100, computed once (astronomy): %.1f ms%n", millisSince(start));

        start = System.nanoTime();
        OfficialWorkingCalendar calendar = TestCalendars.withShippedSchedules();
        System.out.printf("Reading the schedule files (first use of SnakeYAML): %.1f ms%n", millisSince(start));
        start = System.nanoTime();
        for (int year = 1900; year <= 2100; year++) {
            calendar.holidays(year);
        }
        System.out.printf("Working-day tables 1900-2100, built once: %.1f ms%n", millisSince(start));

        SplittableRandom random = new SplittableRandom(42);
        long firstDay = LocalDate.of(1900, 3, 1).toEpochDay(); // after the end of lunar year 1899
        long lastDay = LocalDate.of(2100, 12, 31).toEpochDay();
        LocalDate[] dates = new LocalDate[SAMPLES];
        LunarDate[] lunarDates = new LunarDate[SAMPLES];
        Instant[] instants = new Instant[SAMPLES];
        int[] days = new int[SAMPLES];
        for (int i = 0; i < SAMPLES; i++) {
            dates[i] = LocalDate.ofEpochDay(random.nextLong(firstDay, lastDay - 400));
            lunarDates[i] = lunar.toLunar(dates[i]);
            instants[i] = Instant.ofEpochSecond(random.nextLong(
                    LocalDate.of(2000, 1, 1).toEpochDay() * 86400, LocalDate.of(2090, 1, 1).toEpochDay() * 86400));
            days[i] = random.nextInt(1, 61);
        }

        report("solar -> lunar conversion", i -> lunar.toLunar(dates[i]).day());
        report("lunar -> solar conversion", i -> lunar.toSolar(lunarDates[i]).getDayOfMonth());
        report("deadline after N working days (1-60)", i -> calendar.deadlineAfterWorkingDays(instants[i], days[i]).getDayOfMonth());
        report("add N working hours (1-60 h)", i -> (int) calendar.addWorkingHours(instants[i], Duration.ofHours(days[i])).getEpochSecond());
        report("is working day", i -> calendar.isWorkingDay(dates[i]) ? 1 : 0);

        // as in production: the cluster-wide schedule version checked at most every 30 s (here an in-memory stub)
        java.util.Map<Integer, java.util.List<ScheduleEntry>> files = ScheduleFiles.load(ScheduleFiles.LOCATION);
        OfficialWorkingCalendar refreshing = new OfficialWorkingCalendar(lunar,
                year -> files.getOrDefault(year, java.util.List.of()), WorkingHours.parse(WorkingHours.DEFAULT),
                () -> 0L, java.time.Clock.systemUTC(), Duration.ofSeconds(30));
        report("deadline, with the refresh check", i -> refreshing.deadlineAfterWorkingDays(instants[i], days[i]).getDayOfMonth());
        report("is working day, with the refresh check", i -> refreshing.isWorkingDay(dates[i]) ? 1 : 0);
    }

    private static void report(String name, IntUnaryOperator operation) {
        long sink = 0;
        double best = Double.MAX_VALUE;
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            for (int i = 0; i < SAMPLES; i++) {
                sink += operation.applyAsInt(i);
            }
            best = Math.min(best, (System.nanoTime() - start) / (double) SAMPLES);
        }
        System.out.printf("%-40s %8.0f ns/op (best of %d rounds of %d; checksum %d)%n", name, best, ROUNDS, SAMPLES, sink);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
