package vn.dieuhanh.deadline;

import java.time.Instant;
import java.util.List;

/**
 * Where the daily overdue digest finds the overdue work: implemented by the capability that owns the work (the
 * {@code assignment} capability reads its table in one statement). Runs in the caller's (engine) transaction.
 */
public interface OverdueWorkSource {

    /**
     * The open work whose deadline lies before {@code now} and whose reminder policy asks for daily reminders while
     * overdue, with its recipient facts from the application's tables.
     */
    List<OverdueWork> overdueWithDailyReminders(Instant now);
}
