package vn.dieuhanh.indicator.internal.reporting;

import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;
import vn.dieuhanh.indicator.ReportedValue;
import vn.dieuhanh.indicator.ReportedValues;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Entry;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Report;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Value;

/** Approved values: per unit, the version the latest approval approved (a correction replaces it once approved). */
@Component
class JdbcReportedValues implements ReportedValues {

    private final ReportingRepository repository;
    private final ReportService reports;

    JdbcReportedValues(ReportingRepository repository, ReportService reports) {
        this.repository = repository;
        this.reports = reports;
    }

    @Override
    public List<ReportedValue> approved(ReportingPeriod period) {
        List<ReportedValue> values = new ArrayList<>();
        for (Report report : repository.reports(null, period.label())) {
            if (report.approvedAt() == null) {
                continue;
            }
            Entry approval = repository.trail(report.id()).stream().filter(e -> e.kind() == EntryKind.APPROVAL)
                    .reduce((a, b) -> b).orElseThrow();
            Entry approved = reports.approvedEntry(report.id()).orElseThrow();
            for (Value v : repository.values(approved.id()).values()) {
                if (v.value() != null) {
                    values.add(new ReportedValue(v.indicatorCode(), report.unitCode(), period, v.value(), v.note(),
                            approval.at()));
                }
            }
        }
        return values;
    }

    @Override
    public List<String> expectedUnits(ReportingPeriod period) {
        return repository.reports(null, period.label()).stream().map(Report::unitCode).toList();
    }
}
