package vn.dieuhanh.indicator;

import java.math.BigDecimal;
import java.time.Instant;

/** One approved value of a unit's report (the latest approved version of that report). */
public record ReportedValue(String indicatorCode, String unitCode, ReportingPeriod period, BigDecimal value,
                           String note, Instant approvedAt) {
}
