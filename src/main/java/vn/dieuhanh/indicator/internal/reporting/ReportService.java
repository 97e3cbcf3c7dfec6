package vn.dieuhanh.indicator.internal.reporting;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.indicator.IndicatorCatalogue;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.IndicatorReportFiled;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportConflict;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportInputException;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportNotFound;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportValidationFailed;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Entry;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Report;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Value;
import vn.dieuhanh.organisation.Approvers;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;

/**
 * What happens to a report: drafts, submission (checked against the catalogue: nothing is saved when a value is
 * refused), the head's decision, corrections after approval. Every change appends an entry to the report's trail;
 * nothing is edited. Runs in the caller's transaction (the engine's, from a task listener), so a refusal rolls the
 * whole step back.
 */
@Service
public class ReportService {

    private final ReportingRepository repository;
    private final IndicatorCatalogue catalogue;
    private final ApplicationEventPublisher events;
    private final Approvers approvers;
    private final OrganisationDirectory directory;
    private final Clock clock;

    ReportService(ReportingRepository repository, IndicatorCatalogue catalogue, ApplicationEventPublisher events,
                  Approvers approvers, OrganisationDirectory directory, Clock clock) {
        this.clock = clock;
        this.approvers = approvers;
        this.directory = directory;
        this.repository = repository;
        this.catalogue = catalogue;
        this.events = events;
    }

    public Report report(String reportId) {
        return repository.report(reportId).orElseThrow(() -> new ReportNotFound("báo cáo " + reportId));
    }

    /**
     * The report a process instance works on, from the table, never from its variables: the report process is bound
     * to its report when it opens; a correction's review instance names report and version in its business key,
     * which only the application sets.
     */
    Report reportOfProcess(String processInstanceId, String businessKey) {
        Optional<Report> collected = repository.reportOfProcess(processInstanceId);
        if (collected.isPresent()) {
            return collected.get();
        }
        String prefix = IndicatorReportCorrectionProcess.KEY + ":";
        if (businessKey != null && businessKey.startsWith(prefix)) {
            String reportAndVersion = businessKey.substring(prefix.length());
            return report(reportAndVersion.substring(0, reportAndVersion.lastIndexOf(':')));
        }
        throw new IllegalStateException("No indicator report belongs to process instance " + processInstanceId);
    }

    List<Indicator> indicators(Report report) {
        return catalogue.indicatorsFor(report.unitCode(), ReportingPeriod.parse(report.period()));
    }

    /** The latest values the unit saved or sent (draft, submission or correction), for pre-filling the form. */
    Map<String, Value> latestValues(String reportId) {
        List<Entry> trail = repository.trail(reportId);
        for (int i = trail.size() - 1; i >= 0; i--) {
            if (trail.get(i).kind().carriesValues()) {
                return repository.values(trail.get(i).id());
            }
        }
        return Map.of();
    }

    /** The values in force: those of the entry the latest approval approved (empty before the first approval). */
    Optional<Entry> approvedEntry(String reportId) {
        List<Entry> trail = repository.trail(reportId);
        for (int i = trail.size() - 1; i >= 0; i--) {
            Entry entry = trail.get(i);
            if (entry.kind() == EntryKind.APPROVAL) {
                return trail.stream().filter(e -> e.version() == entry.refersTo()).findFirst();
            }
        }
        return Optional.empty();
    }

    @Transactional
    public Entry saveDraft(String reportId, Map<String, Value> values, String actor) {
        Report report = lock(reportId);
        if (!report.status().withUnit()) {
            throw new ReportConflict("Báo cáo đang ở trạng thái \"" + report.status().label()
                    + "\", không lưu nháp được (only a report with the unit can be drafted)");
        }
        checkKnownIndicators(report, values);
        Entry entry = repository.append(reportId, EntryKind.DRAFT, actor, clock.instant(), null, null, values);
        repository.updateStatus(reportId, ReportStatus.DRAFT, entry.version());
        return entry;
    }

    /** Checks the values against the catalogue and records the submission; refuses (nothing saved) when invalid. */
    @Transactional
    public Entry submit(String reportId, Map<String, Value> values, String actor) {
        Report report = lock(reportId);
        if (!report.status().withUnit()) {
            throw new ReportConflict("Báo cáo đang ở trạng thái \"" + report.status().label()
                    + "\", không gửi được (already sent)");
        }
        validate(report, values);
        Instant now = clock.instant();
        Entry entry = repository.append(reportId, EntryKind.SUBMISSION, actor, now, null, null, values);
        repository.markSubmitted(reportId, now, entry.version());
        return entry;
    }

    /**
     * The head's decision on the submission waiting for it. The first approval files the report and publishes
     * {@link IndicatorReportFiled} (late when the approved submission came after the due date).
     */
    @Transactional
    public Entry decide(String reportId, boolean approve, String reason, String actor) {
        Report report = lock(reportId);
        if (report.status() != ReportStatus.SUBMITTED && report.status() != ReportStatus.CORRECTION_PENDING) {
            throw new ReportConflict("Không có báo cáo hoặc đính chính nào đang chờ duyệt (nothing awaits a decision)");
        }
        Entry decided = lastWithValues(reportId);
        requireDecider(report, decided, actor);
        Instant now = clock.instant();
        if (!approve) {
            if (reason == null || reason.isBlank()) {
                throw new ReportInputException("Cần nêu lý do trả lại báo cáo (a reason is required to reject)");
            }
            Entry entry = repository.append(reportId, EntryKind.REJECTION, actor, now, reason.trim(),
                    decided.version(), Map.of());
            // a refused correction leaves the approved values in force
            repository.updateStatus(reportId, report.status() == ReportStatus.CORRECTION_PENDING
                    ? ReportStatus.APPROVED : ReportStatus.REJECTED, entry.version());
            return entry;
        }
        Entry entry = repository.append(reportId, EntryKind.APPROVAL, actor, now, blankToNull(reason),
                decided.version(), Map.of());
        if (repository.markApproved(reportId, now, entry.version())) {
            boolean late = report.submittedAt() != null && report.submittedAt().isAfter(report.dueAt());
            events.publishEvent(new IndicatorReportFiled(reportId, report.unitCode(), report.period(),
                    report.dueAt(), report.submittedAt(), late));
        }
        return entry;
    }

    /**
     * Who decides on a submission or correction: the unit's head, else another eligible person (see
     * {@link Approvers}); never the official who sent it.
     */
    String deciderFor(Report report, String submitter) {
        return approvers.deciderFor(directory.head(report.unitCode()).map(Official::userId).orElse(null),
                report.unitCode(), submitter).orElse(null);
    }

    /** The decider must be eligible for the unit and must not have sent what is decided. */
    void requireDecider(Report report, String actor) {
        requireDecider(report, lastWithValues(report.id()), actor);
    }

    private void requireDecider(Report report, Entry decided, String actor) {
        if (actor.equals(decided.actor())) {
            throw new AuthorizationException("Không được tự duyệt báo cáo do chính mình gửi (you cannot approve what "
                    + "you submitted yourself)");
        }
        if (!approvers.eligibleIn(report.unitCode(), decided.actor()).contains(actor)) {
            throw new AuthorizationException("Chỉ thủ trưởng, phó thủ trưởng đơn vị " + report.unitCode() + " (hoặc cấp "
                    + "trên khi không còn ai khác) được duyệt báo cáo này (only the unit's head or deputies decide)");
        }
    }

    /** A correction after approval: a new version with its reason, waiting for the head's approval. */
    @Transactional
    public Entry correct(String reportId, Map<String, Value> values, String reason, String actor) {
        Report report = lock(reportId);
        if (report.status() != ReportStatus.APPROVED) {
            throw new ReportConflict("Chỉ đính chính được báo cáo đã duyệt; báo cáo đang ở trạng thái \""
                    + report.status().label() + "\"");
        }
        if (reason == null || reason.isBlank()) {
            throw new ReportInputException("Cần nêu lý do đính chính (a reason is required for a correction)");
        }
        validate(report, values);
        Entry entry = repository.append(reportId, EntryKind.CORRECTION, actor, clock.instant(), reason.trim(),
                null, values);
        repository.updateStatus(reportId, ReportStatus.CORRECTION_PENDING, entry.version());
        return entry;
    }

    void validate(Report report, Map<String, Value> values) {
        Map<String, String> problems = new LinkedHashMap<>(catalogue.validate(report.unitCode(),
                ReportingPeriod.parse(report.period()), ReportRows.numbers(values)));
        if (!problems.isEmpty()) {
            throw new ReportValidationFailed(problems);
        }
    }

    private void checkKnownIndicators(Report report, Map<String, Value> values) {
        List<String> codes = indicators(report).stream().map(Indicator::code).toList();
        Map<String, String> problems = new LinkedHashMap<>();
        values.keySet().stream().filter(code -> !codes.contains(code))
                .forEach(code -> problems.put(code, "Đơn vị không báo cáo chỉ tiêu này trong kỳ"));
        if (!problems.isEmpty()) {
            throw new ReportValidationFailed(problems);
        }
    }

    private Entry lastWithValues(String reportId) {
        List<Entry> trail = repository.trail(reportId);
        for (int i = trail.size() - 1; i >= 0; i--) {
            if (trail.get(i).kind() == EntryKind.SUBMISSION || trail.get(i).kind() == EntryKind.CORRECTION) {
                return trail.get(i);
            }
        }
        throw new ReportConflict("Báo cáo chưa được gửi (nothing was submitted)");
    }

    private Report lock(String reportId) {
        return repository.lockReport(reportId).orElseThrow(() -> new ReportNotFound("báo cáo " + reportId));
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
