package vn.dieuhanh.indicator.internal.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;
import vn.dieuhanh.indicator.ReportSummaries;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Report;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;

/** Reports for other capabilities, read with the REST endpoint's rule ({@link ReportingAccess.Caller#readsAll()} or
 * a member of the report's unit), identity from the engine's current authentication. */
@Component
class ReportSummaryReader implements ReportSummaries {

    private final ReportingRepository repository;
    private final IdentityService identityService;
    private final ReportingAccess access;
    private final OrganisationDirectory directory;
    private final Clock clock;

    ReportSummaryReader(ReportingRepository repository, IdentityService identityService, ReportingAccess access,
                        OrganisationDirectory directory, Clock clock) {
        this.directory = directory;
        this.repository = repository;
        this.identityService = identityService;
        this.access = access;
        this.clock = clock;
    }

    @Override
    public Optional<ReportSummary> visibleToCaller(String reportId) {
        if (reportId == null || identityService.getCurrentAuthentication() == null) {
            return Optional.empty();
        }
        ReportingAccess.Caller caller = access.caller();
        Instant now = clock.instant();
        return repository.report(reportId).filter(r -> caller.readsAll() || caller.memberOf(r.unitCode()))
                .map(r -> summary(r, now, directory.unit(r.unitCode()).map(Unit::name).orElse(r.unitCode())));
    }

    private static ReportSummary summary(Report r, Instant now, String unitName) {
        boolean submitted = r.submittedAt() != null;
        boolean late = r.overdueAt() != null || (!submitted && now.isAfter(r.dueAt()))
                || (submitted && r.submittedAt().isAfter(r.dueAt()));
        boolean overdueWithUnit = r.status().withUnit() && now.isAfter(r.dueAt());
        return new ReportSummary(r.id(), r.unitCode(), unitName, r.period(), periodLabel(r.period()),
                r.status().label() + (overdueWithUnit ? ", quá hạn" : ""), r.dueAt(), submitted, late);
    }

    private static String periodLabel(String period) {
        try {
            return ReportingPeriod.parse(period).vietnameseLabel();
        } catch (IllegalArgumentException unreadable) {
            return "kỳ " + period;
        }
    }
}
