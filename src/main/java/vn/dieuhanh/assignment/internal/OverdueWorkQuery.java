package vn.dieuhanh.assignment.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.deadline.OverdueWork;
import vn.dieuhanh.deadline.OverdueWorkSource;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;

/**
 * The overdue assignments for the daily overdue digest: one statement on {@code asg_assignment}, then the directory's
 * name and head of each unit that holds some (a few look-ups per unit, never per assignment). The recipient facts come
 * from our tables: the holder, or the head of the holding unit while a unit or division holds the work.
 */
@Component
class OverdueWorkQuery implements OverdueWorkSource {

    private final AssignmentRepository repository;
    private final OrganisationDirectory directory;
    private final WorkingCalendar calendar;

    OverdueWorkQuery(AssignmentRepository repository, OrganisationDirectory directory, WorkingCalendar calendar) {
        this.repository = repository;
        this.directory = directory;
        this.calendar = calendar;
    }

    @Override
    public List<OverdueWork> overdueWithDailyReminders(Instant now) {
        Map<String, String> unitNames = new HashMap<>();
        Map<String, Optional<String>> unitHeads = new HashMap<>();
        List<OverdueWork> work = new ArrayList<>();
        for (AssignmentRepository.DigestRow row : repository.openOverdueWithDailyReminders(now)) {
            String unitName = unitNames.computeIfAbsent(row.unitCode(),
                    code -> directory.unit(code).map(Unit::name).orElse(code));
            String head = row.holderUser() != null ? null : unitHeads.computeIfAbsent(row.unitCode(),
                    code -> directory.head(code).map(Official::userId)).orElse(null);
            work.add(new OverdueWork(row.id(), row.title(), row.unitCode(), unitName, row.holderUser(), head,
                    row.deadline(), Math.max(1, calendar.workingDaysBetween(row.deadline(), now))));
        }
        return work;
    }
}
