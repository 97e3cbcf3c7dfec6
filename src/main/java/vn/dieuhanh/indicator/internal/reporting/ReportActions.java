package vn.dieuhanh.indicator.internal.reporting;

import static vn.dieuhanh.indicator.internal.reporting.IndicatorReportProcess.*;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportConflict;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Entry;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Report;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Value;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.EngineAsSystem;
import vn.dieuhanh.platform.HistoryReadGrants;

/**
 * The REST API's way to act on a report: it completes the same user tasks officials complete in Tasklist, as the
 * caller, so the same listeners check and record everything; a correction after approval starts the correction
 * process whose task the head completes. Each action is one transaction: a refused submission also undoes the claim
 * before it.
 */
@Service
@Transactional
class ReportActions {

    private final ReportService reports;
    private final ReportingAccess access;
    private final TaskService taskService;
    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final OrganisationDirectory directory;
    private final HistoryReadGrants history;

    ReportActions(ReportService reports, ReportingAccess access, TaskService taskService,
                  RuntimeService runtimeService, IdentityService identityService,
                  OrganisationDirectory directory, HistoryReadGrants history) {
        this.directory = directory;
        this.history = history;
        this.reports = reports;
        this.access = access;
        this.taskService = taskService;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
    }

    Entry saveDraft(String reportId, Map<String, Value> values) {
        Report report = reports.report(reportId);
        ReportingAccess.Caller caller = access.requireMember(report.unitCode());
        Entry entry = reports.saveDraft(reportId, values, caller.userId());
        if (report.processInstanceId() != null) {
            // Tasklist shows the draft when the task is opened next (the unit's officials may not update instances)
            EngineAsSystem.run(identityService, () -> runtimeService.setVariables(report.processInstanceId(),
                    ReportFormFields.toVariables(reports.indicators(report), values)));
        }
        return entry;
    }

    void submit(String reportId, Map<String, Value> values) {
        Report report = reports.report(reportId);
        ReportingAccess.Caller caller = access.requireMember(report.unitCode());
        // checked on the request as sent: the form rows below keep only the unit's indicators, so a value for another
        // indicator would otherwise be dropped without a word
        reports.validate(report, values);
        Task task = task(report, TASK_FILL_REPORT);
        if (task.getAssignee() == null) {
            taskService.claim(task.getId(), caller.userId());
        } else if (!task.getAssignee().equals(caller.userId())) {
            throw new ReportConflict("Báo cáo đang do " + task.getAssignee() + " lập trên Tasklist (claimed by "
                    + task.getAssignee() + ")");
        }
        taskService.complete(task.getId(), ReportFormFields.fieldValues(reports.indicators(report), values));
    }

    void decide(String reportId, boolean approve, String reason) {
        Report report = reports.report(reportId);
        ReportingAccess.Caller caller;
        if (report.status() == ReportStatus.SUBMITTED || report.status() == ReportStatus.CORRECTION_PENDING) {
            caller = access.caller();
            reports.requireDecider(report, caller.userId()); // the head (or who stands in), never the sender
        } else {
            caller = access.requireReader(report.unitCode()); // nothing to decide: 409 below for those who may see it
        }
        Task task = report.status() == ReportStatus.CORRECTION_PENDING ? correctionTask(report)
                : task(report, TASK_REVIEW_REPORT);
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REPORT_DECISION, approve ? DECISION_APPROVE : DECISION_REJECT);
        variables.put(VAR_DECISION_REASON, reason);
        if (caller.userId().equals(task.getAssignee())) {
            taskService.complete(task.getId(), variables);
        } else {
            // the decider checked above, but the task is not assigned to them (no head was registered when it opened,
            // or the head changed): complete it as the system, recording who decided
            variables.put(VAR_LAST_ACTOR, caller.userId());
            EngineAsSystem.run(identityService, () -> taskService.complete(task.getId(), variables));
        }
    }

    Entry correct(String reportId, Map<String, Value> values, String reason) {
        Report report = reports.report(reportId);
        ReportingAccess.Caller caller = access.requireMember(report.unitCode());
        Entry correction = reports.correct(reportId, values, reason, caller.userId());
        // the head reviews it in Tasklist (or through REST); started as the system: officials need no right to
        // start processes
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_REPORT_ID, reportId);
        variables.put(VAR_UNIT_CODE, report.unitCode());
        variables.put(VAR_PERIOD, report.period());
        variables.put(VAR_REPORT_TITLE, "Đính chính báo cáo chỉ tiêu "
                + ReportingPeriod.parse(report.period()).vietnameseLabel() + " – "
                + directory.unit(report.unitCode()).map(Unit::name).orElse(report.unitCode()));
        variables.put(VAR_REPORT_SUMMARY, ReportRows.summary(reports.indicators(report), values)
                + "\n\nLý do đính chính: " + reason.trim());
        variables.put(VAR_REVIEWER, reports.deciderFor(report, caller.userId()));
        String instance = EngineAsSystem.call(identityService, () -> runtimeService.startProcessInstanceByKey(
                IndicatorReportCorrectionProcess.KEY,
                IndicatorReportCorrectionProcess.businessKey(reportId, correction.version()), variables).getId());
        history.grant(instance, List.of(report.unitCode()), List.of());
        return correction;
    }

    private Task correctionTask(Report report) {
        Task task = taskService.createTaskQuery().processDefinitionKey(IndicatorReportCorrectionProcess.KEY)
                .processInstanceBusinessKey(IndicatorReportCorrectionProcess.businessKey(report.id(), report.version()))
                .taskDefinitionKey(IndicatorReportCorrectionProcess.TASK_REVIEW_CORRECTION).singleResult();
        if (task == null) {
            throw new ReportConflict("Không có đính chính nào đang chờ duyệt (no correction awaits a decision)");
        }
        return task;
    }

    private Task task(Report report, String taskKey) {
        Task task = report.processInstanceId() == null ? null : taskService.createTaskQuery()
                .processInstanceId(report.processInstanceId()).taskDefinitionKey(taskKey).singleResult();
        if (task == null) {
            throw new ReportConflict("Báo cáo không ở bước này (the report is \"" + report.status().label() + "\")");
        }
        return task;
    }
}
