package vn.dieuhanh.assignment.internal;

import vn.dieuhanh.assignment.AssignmentInputException;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.organisation.UnitKind;

/** The leaders' dashboard filters; null means "any". */
public record DashboardFilter(UnitKind unitKind, WorkSource source, DashboardPeriod period) {

    static final DashboardFilter NONE = new DashboardFilter(null, null, null);

    /** From request parameters (blank = any); unknown values are a 400 with a Vietnamese message. */
    static DashboardFilter parse(String unitKind, String source, String period) {
        UnitKind kind = null;
        if (unitKind != null && !unitKind.isBlank()) {
            try {
                kind = UnitKind.fromCode(unitKind.trim());
            } catch (IllegalArgumentException e) {
                throw new AssignmentInputException("Loại đơn vị '" + unitKind.trim() + "' không có (unknown unit kind)");
            }
        }
        WorkSource workSource = null;
        if (source != null && !source.isBlank()) {
            try {
                workSource = WorkSource.parse(source.trim());
            } catch (AssignmentInputException e) {
                throw new AssignmentInputException("Nguồn giao việc '" + source.trim() + "' không có (unknown source)");
            }
        }
        return new DashboardFilter(kind, workSource, DashboardPeriod.parse(period));
    }

    public String unitKindCode() {
        return unitKind == null ? "" : unitKind.code();
    }

    public String sourceCode() {
        return source == null ? "" : source.name();
    }

    public String periodCode() {
        return period == null ? "" : period.code();
    }
}
