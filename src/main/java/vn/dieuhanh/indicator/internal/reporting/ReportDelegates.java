package vn.dieuhanh.indicator.internal.reporting;

import static vn.dieuhanh.indicator.internal.reporting.IndicatorReportProcess.*;

import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportInputException;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Report;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Value;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.platform.HistoryReadGrants;
import vn.dieuhanh.platform.TaskTexts;

/**
 * The report process's steps, by bean name: {@code ${openIndicatorReport}} (service task), {@code ${offerReportFields}}
 * (fill-in task created), {@code ${rememberReportActor}} (a task completed: who did it), {@code
 * ${recordReportSubmission}} (service task after the fill-in: checks and records the values; a refusal fails the
 * completion, which runs in the same transaction, so nothing is saved and Tasklist or REST shows the messages) and
 * {@code ${recordReportReview}} (service task after the head's review, in reports and corrections).
 */
@Configuration(proxyBeanMethods = false)
class ReportDelegates {

    @Bean
    JavaDelegate openIndicatorReport(ReportService reports, ReportingRepository repository,
                                     OrganisationDirectory directory, HistoryReadGrants history, Clock clock) {
        return execution -> {
            // the campaign names the report; it is bound to this instance once, later steps read it back by instance
            ReportVariables vars = ReportVariables.of(execution);
            Report report = reports.report(vars.reportId());
            if (!repository.setReportProcess(report.id(), execution.getProcessInstanceId())) {
                throw new IllegalStateException("Report " + report.id() + " is already collected by another process");
            }
            history.grant(execution.getProcessInstanceId(), List.of(report.unitCode()), List.of());
            String unitName = directory.unit(report.unitCode()).map(u -> u.name()).orElse(report.unitCode());
            // without a registered head the review task has no assignee; the head decides through REST then
            vars.opened(report.unitCode(), report.period(), "Báo cáo chỉ tiêu "
                            + ReportingPeriod.parse(report.period()).vietnameseLabel() + " – " + unitName,
                    report.dueAt(), VietnameseDates.deadline(report.dueAt().atOffset(ZoneOffset.UTC)),
                    clock.instant(), directory.head(report.unitCode()).map(Official::userId).orElse(null));
        };
    }

    @Bean
    TaskListener offerReportFields(ReportService reports) {
        return task -> {
            Report report = reportOf(reports, task.getExecution());
            task.setVariables(ReportFormFields.toVariables(reports.indicators(report),
                    reports.latestValues(report.id())));
        };
    }

    /**
     * Names the fill-in, review and correction tasks after the report, from its record: "Lập báo cáo chỉ tiêu: Quý
     * I/2026 (Phường Bàn Cờ)", with unit, period and due date in the description. The model's name stays the
     * analysts' label.
     */
    @Bean
    TaskListener nameReportTask(ReportService reports, OrganisationDirectory directory) {
        return task -> {
            Report report = reportOf(reports, task.getExecution());
            String unitName = directory.unit(report.unitCode()).map(u -> u.name()).orElse(report.unitCode());
            String period = ReportingPeriod.parse(report.period()).vietnameseLabel();
            String verb = switch (task.getTaskDefinitionKey()) {
                case TASK_REVIEW_REPORT -> "Duyệt báo cáo chỉ tiêu";
                case IndicatorReportCorrectionProcess.TASK_REVIEW_CORRECTION -> "Duyệt đính chính báo cáo chỉ tiêu";
                default -> "Lập báo cáo chỉ tiêu";
            };
            task.setName(TaskTexts.name(verb, period, unitName));
            task.setDescription(TaskTexts.description(
                    "Đơn vị", unitName,
                    "Kỳ báo cáo", period,
                    "Hạn nộp", report.dueAt() == null ? null
                            : VietnameseDates.deadline(report.dueAt().atOffset(ZoneOffset.UTC))));
        };
    }

    /** Fill-in and review tasks completed: who did it, for the recording steps that follow (and the audit). */
    @Bean
    TaskListener rememberReportActor() {
        return task -> ReportVariables.of(task).rememberActor(actor(task));
    }

    /** "Ghi nhận báo cáo đã gửi". */
    @Bean
    JavaDelegate recordReportSubmission(ReportService reports) {
        return execution -> submit(reports, execution, reportOf(reports, execution),
                ReportVariables.of(execution).lastActor());
    }

    /** "Ghi nhận ý kiến duyệt" of a report and of a correction. */
    @Bean
    JavaDelegate recordReportReview(ReportService reports) {
        return execution -> decide(reports, execution, reportOf(reports, execution),
                ReportVariables.of(execution).lastActor());
    }

    /** The fill-in task's complete listener of versions deployed before recording became a service task. */
    @Bean
    TaskListener submitIndicatorReport(ReportService reports) {
        return task -> submit(reports, task, reportOf(reports, task.getExecution()), actor(task));
    }

    /** The review tasks' complete listener of versions deployed before recording became a service task. */
    @Bean
    TaskListener recordReportDecision(ReportService reports) {
        return task -> decide(reports, task, reportOf(reports, task.getExecution()), actor(task));
    }

    private static void submit(ReportService reports, VariableScope scope, Report report, String actor) {
        Map<String, Value> values = ReportFormFields.fromVariables(reports.indicators(report), scope::getVariable);
        reports.submit(report.id(), values, actor);
        // the head decides, unless the head sent it: then another eligible person (separation of duties)
        ReportVariables.of(scope).submitted(reports.deciderFor(report, actor),
                ReportRows.summary(reports.indicators(report), values), actor);
    }

    private static void decide(ReportService reports, VariableScope scope, Report report, String actor) {
        ReportVariables vars = ReportVariables.of(scope);
        Object decision = vars.reportDecision();
        boolean approve;
        if (Boolean.TRUE.equals(decision) || DECISION_APPROVE.equals(decision)) {
            approve = true;
        } else if (Boolean.FALSE.equals(decision) || DECISION_REJECT.equals(decision)) {
            approve = false;
        } else {
            throw new ReportInputException("Chọn \"Duyệt báo cáo\" hoặc \"Trả lại\" (reportDecision must be "
                    + DECISION_APPROVE + " or " + DECISION_REJECT + ")");
        }
        reports.decide(report.id(), approve, vars.decisionReason(), actor);
        vars.decided(approve, actor);
    }

    static Report reportOf(ReportService reports, DelegateExecution execution) {
        return reports.reportOfProcess(execution.getProcessInstanceId(), execution.getProcessBusinessKey());
    }

    /** Who completes the task: the authenticated user (Tasklist, REST), else its assignee. */
    static String actor(DelegateTask task) {
        Authentication authentication = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
        if (authentication != null && authentication.getUserId() != null) {
            return authentication.getUserId();
        }
        if (task.getVariable(VAR_LAST_ACTOR) instanceof String decidedBy && !decidedBy.isBlank()
                && (TASK_REVIEW_REPORT.equals(task.getTaskDefinitionKey())
                || IndicatorReportCorrectionProcess.TASK_REVIEW_CORRECTION.equals(task.getTaskDefinitionKey()))) {
            return decidedBy; // REST decision by a head the task was not assigned to, checked by ReportActions
        }
        return task.getAssignee() != null ? task.getAssignee() : "system";
    }
}
