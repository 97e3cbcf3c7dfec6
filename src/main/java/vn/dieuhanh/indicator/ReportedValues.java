package vn.dieuhanh.indicator;

import java.util.List;

/** The values of approved reports (latest approved version per unit and period), for aggregation and export. */
public interface ReportedValues {

    /** Approved values of every unit for a period. */
    List<ReportedValue> approved(ReportingPeriod period);

    /** Units expected to report in the period (the campaign's units), approved or not. */
    List<String> expectedUnits(ReportingPeriod period);
}
