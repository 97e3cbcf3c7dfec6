package vn.dieuhanh.directive;

import java.time.LocalDate;
import java.util.List;

/** A leader's assignment of a directive: one lead unit, coordinating units with their own deadlines, units to inform. */
public record DirectivePlan(String assignedBy, String leadUnit, Integer deadlineWorkingDays, LocalDate deadlineDate,
                            List<Coordination> coordinating, List<String> informedUnits, String note) {

    public record Coordination(String unitCode, Integer workingDays, LocalDate date) {
    }
}
