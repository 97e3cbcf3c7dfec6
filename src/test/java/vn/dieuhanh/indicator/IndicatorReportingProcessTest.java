package vn.dieuhanh.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dieuhanh.ProcessTestEngine;
import vn.dieuhanh.indicator.internal.reporting.IndicatorReportCorrectionProcess;
import vn.dieuhanh.indicator.internal.reporting.IndicatorReportProcess;
import vn.dieuhanh.indicator.internal.reporting.IndicatorReportingProcess;

/**
 * The campaign ({@code indicator-reporting}) and the unit report it calls ({@code indicator-report}) on the in-memory
 * engine, the delegates replaced by recording fakes: the happy path (two units, both approved, the campaign closes)
 * and each detour (rejection back to the unit, the deadline watcher firing, closing) started with
 * {@code startBeforeActivity}.
 */
@Deployment(resources = {"processes/indicator/indicator-reporting.bpmn", "processes/indicator/indicator-report.bpmn",
        "processes/indicator/indicator-report-correction.bpmn",
        "forms/indicator-report.form", "forms/review-indicator-report.form"})
class IndicatorReportingProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    static final Date DUE = Date.from(Instant.parse("2030-04-07T16:59:59Z"));
    static final Date FAR = Date.from(Instant.parse("2030-04-05T01:00:00Z"));

    final List<String> calls = new CopyOnWriteArrayList<>();
    /** What the (faked) "which alert is due" step finds. */
    String dueKind = "REMINDER";

    @BeforeEach
    void fakes() {
        init(ENGINE.getProcessEngine());
        Mocks.register("listReportingUnits", (JavaDelegate) execution -> {
            calls.add("list");
            execution.setVariable(IndicatorReportingProcess.VAR_REPORT_IDS, new ArrayList<>(List.of("r-1", "r-2")));
        });
        Mocks.register("closeIndicatorCampaign", (JavaDelegate) execution -> calls.add("close"));
        Mocks.register("openIndicatorReport", (JavaDelegate) execution -> {
            String reportId = (String) execution.getVariable(IndicatorReportProcess.VAR_REPORT_ID);
            calls.add("open " + reportId);
            execution.setVariable(IndicatorReportProcess.VAR_UNIT_CODE, "unit-" + reportId);
            execution.setVariable(IndicatorReportProcess.VAR_REVIEWER, "head-" + reportId);
            execution.setVariable(IndicatorReportProcess.VAR_DUE_AT, DUE);
        });
        Mocks.register("planReportAlerts", (JavaDelegate) execution -> {
            calls.add("plan");
            execution.setVariable(IndicatorReportProcess.VAR_NEXT_ALERT_AT, FAR);
        });
        Mocks.register("selectDueReportAlert", (JavaDelegate) execution ->
                execution.setVariable(IndicatorReportProcess.VAR_NEXT_ALERT_KIND, dueKind));
        Mocks.register("sendDueReportAlert", (JavaDelegate) execution ->
                calls.add("alert " + execution.getVariable(IndicatorReportProcess.VAR_NEXT_ALERT_KIND)));
        Mocks.register("planNextReportAlert", (JavaDelegate) execution -> {
            calls.add("plan next");
            execution.setVariable(IndicatorReportProcess.VAR_NEXT_ALERT_AT, FAR);
        });
        Mocks.register("nameReportTask", (TaskListener) task -> { });
        Mocks.register("offerReportFields", (TaskListener) task -> calls.add("fields"));
        Mocks.register("rememberReportActor", (TaskListener) task -> calls.add("actor"));
        Mocks.register("recordReportSubmission", (JavaDelegate) execution -> calls.add("submit"));
        Mocks.register("recordReportReview", (JavaDelegate) execution -> {
            calls.add("decide");
            execution.setVariable(IndicatorReportProcess.VAR_REPORT_APPROVED,
                    IndicatorReportProcess.DECISION_APPROVE.equals(execution.getVariable(
                            IndicatorReportProcess.VAR_REPORT_DECISION)));
        });
    }

    @AfterEach
    void forget() {
        Mocks.reset();
    }

    @Test
    void twoUnitsReportTheHeadsApproveAndTheCampaignCloses() {
        ProcessInstance campaign = runtimeService().startProcessInstanceByKey(IndicatorReportingProcess.KEY,
                IndicatorReportingProcess.businessKey("2030-03"),
                withVariables(IndicatorReportingProcess.VAR_CAMPAIGN_ID, "c-1", IndicatorReportingProcess.VAR_PERIOD,
                        "2030-03"));
        BpmnAwareTests.assertThat(campaign).isWaitingAt(IndicatorReportingProcess.START_CAMPAIGN_OPENED);
        execute(asyncJob(campaign));
        BpmnAwareTests.assertThat(campaign).isWaitingAt(IndicatorReportingProcess.CALL_UNIT_REPORTS);
        List<ProcessInstance> reports = reportInstances();
        assertThat(reports).hasSize(2);

        for (ProcessInstance report : reports) {
            execute(asyncJob(report)); // the async start
            Task fill = task(report, IndicatorReportProcess.TASK_FILL_REPORT);
            String reportId = (String) runtimeService().getVariable(report.getId(),
                    IndicatorReportProcess.VAR_REPORT_ID);
            assertThat(candidateGroups(fill)).containsExactly("unit-" + reportId);
            assertThat(fill.getDueDate()).isEqualTo(DUE);
            BpmnAwareTests.assertThat(report).isWaitingAt(IndicatorReportProcess.TASK_FILL_REPORT,
                    IndicatorReportProcess.TIMER_NEXT_REPORT_ALERT);
            taskService().complete(fill.getId());
            Task review = task(report, IndicatorReportProcess.TASK_REVIEW_REPORT);
            assertThat(review.getAssignee()).isEqualTo("head-" + reportId);
            taskService().complete(review.getId(), Map.of(IndicatorReportProcess.VAR_REPORT_DECISION,
                    IndicatorReportProcess.DECISION_APPROVE));
            BpmnAwareTests.assertThat(report).isEnded().hasPassed(IndicatorReportProcess.END_REPORT_APPROVED,
                    IndicatorReportProcess.END_REPORT_FILED);
        }
        assertThat(ENGINE.getManagementService().createJobQuery().timers().count())
                .as("approval ends the deadline watcher").isZero();
        // a save point after each unit's report (asyncAfter on the loop): the approvals end only the reports; each
        // report's completion reaches the campaign in a job of its own, so units approved together do not collide
        List<Job> continuations = ENGINE.getManagementService().createJobQuery().processInstanceId(campaign.getId())
                .activityId(IndicatorReportingProcess.CALL_UNIT_REPORTS).list();
        assertThat(continuations).hasSize(2);
        BpmnAwareTests.assertThat(campaign).isWaitingAt(IndicatorReportingProcess.CALL_UNIT_REPORTS);
        continuations.forEach(BpmnAwareTests::execute);
        BpmnAwareTests.assertThat(campaign).isWaitingAt(IndicatorReportingProcess.SERVICE_CLOSE_CAMPAIGN);
        execute(asyncJob(campaign));
        BpmnAwareTests.assertThat(campaign).isEnded().hasPassed(IndicatorReportingProcess.END_CAMPAIGN_CLOSED);
        assertThat(calls).containsSubsequence("list", "open r-1", "plan", "fields", "submit", "decide", "close");
    }

    @Test
    void aRejectedReportGoesBackToTheUnit() {
        ProcessInstance report = startReportBefore(IndicatorReportProcess.TASK_REVIEW_REPORT);
        taskService().complete(task(report, IndicatorReportProcess.TASK_REVIEW_REPORT).getId(),
                Map.of(IndicatorReportProcess.VAR_REPORT_DECISION, IndicatorReportProcess.DECISION_REJECT,
                        IndicatorReportProcess.VAR_DECISION_REASON, "Thiếu số liệu"));
        BpmnAwareTests.assertThat(report).isWaitingAt(IndicatorReportProcess.TASK_FILL_REPORT)
                .hasPassed(IndicatorReportProcess.GATEWAY_REPORT_APPROVED, IndicatorReportProcess.GATEWAY_BACK_TO_FILLING);
        assertThat(candidateGroups(task(report, IndicatorReportProcess.TASK_FILL_REPORT)))
                .containsExactly("unit-r-9");
        assertThat(calls).containsExactly("actor", "decide", "fields");
    }

    @Test
    void theHeadReviewsACorrection() {
        ProcessInstance correction = runtimeService().startProcessInstanceByKey(IndicatorReportCorrectionProcess.KEY,
                IndicatorReportCorrectionProcess.businessKey("r-9", 4),
                Map.of(IndicatorReportProcess.VAR_REPORT_ID, "r-9", IndicatorReportProcess.VAR_REVIEWER, "head-r-9"));
        Task review = taskService().createTaskQuery().processInstanceId(correction.getId()).singleResult();
        assertThat(review.getTaskDefinitionKey()).isEqualTo(IndicatorReportCorrectionProcess.TASK_REVIEW_CORRECTION);
        assertThat(review.getAssignee()).isEqualTo("head-r-9");
        taskService().complete(review.getId(), Map.of(IndicatorReportProcess.VAR_REPORT_DECISION,
                IndicatorReportProcess.DECISION_APPROVE));
        BpmnAwareTests.assertThat(correction).isEnded()
                .hasPassed(IndicatorReportCorrectionProcess.END_CORRECTION_DECIDED);
        assertThat(calls).containsExactly("actor", "decide");
    }

    @ParameterizedTest
    @CsvSource({"REMINDER, ServiceTask_SendReportReminder",
            "OVERDUE, ServiceTask_SendReportOverdueAlert",
            "OVERDUE_REMINDER, ServiceTask_SendReportOverdueReminder",
            "ESCALATION_TO_HEAD, ServiceTask_EscalateReportToHead",
            "ESCALATION_TO_LEADER, ServiceTask_EscalateReportToCityLeaders"})
    void theWatcherSendsTheDueAlertThroughTheTaskOfItsKindAndWaitsForTheNext(String kind, String task) {
        dueKind = kind;
        ProcessInstance report = runtimeService().createProcessInstanceByKey(IndicatorReportProcess.KEY)
                .startBeforeActivity(IndicatorReportProcess.TIMER_NEXT_REPORT_ALERT)
                .setVariables(variables(Date.from(Instant.parse("2030-04-08T01:00:00Z")))).execute();
        Job timer = ENGINE.getManagementService().createJobQuery().processInstanceId(report.getId()).timers()
                .singleResult();
        assertThat(timer.getDuedate()).isEqualTo(Date.from(Instant.parse("2030-04-08T01:00:00Z")));
        execute(timer);
        assertThat(calls).containsExactly("alert " + kind, "plan next");
        BpmnAwareTests.assertThat(report).isWaitingAt(IndicatorReportProcess.TIMER_NEXT_REPORT_ALERT)
                .hasPassedInOrder(IndicatorReportProcess.SERVICE_SELECT_DUE_ALERT, task,
                        IndicatorReportProcess.SERVICE_PLAN_NEXT_ALERT, IndicatorReportProcess.GATEWAY_BACK_TO_WATCH);
        assertThat(ENGINE.getManagementService().createJobQuery().processInstanceId(report.getId()).timers()
                .singleResult().getDuedate()).isEqualTo(FAR);
    }

    @Test
    void whenNothingIsDueAnyMoreTheWatcherOnlyPlansTheNextAlert() {
        dueKind = null; // the deadline moved after the timer was set
        ProcessInstance report = runtimeService().createProcessInstanceByKey(IndicatorReportProcess.KEY)
                .startBeforeActivity(IndicatorReportProcess.TIMER_NEXT_REPORT_ALERT)
                .setVariables(variables(Date.from(Instant.parse("2030-04-08T01:00:00Z")))).execute();
        execute(ENGINE.getManagementService().createJobQuery().processInstanceId(report.getId()).timers()
                .singleResult());
        assertThat(calls).containsExactly("plan next");
        BpmnAwareTests.assertThat(report).isWaitingAt(IndicatorReportProcess.TIMER_NEXT_REPORT_ALERT)
                .hasPassed(IndicatorReportProcess.GATEWAY_ALERT_HANDLED);
    }

    @Test
    void theCampaignClosesWhenEveryReportIsFiled() {
        ProcessInstance campaign = runtimeService().createProcessInstanceByKey(IndicatorReportingProcess.KEY)
                .startBeforeActivity(IndicatorReportingProcess.SERVICE_CLOSE_CAMPAIGN)
                .setVariable(IndicatorReportingProcess.VAR_CAMPAIGN_ID, "c-2").execute();
        execute(asyncJob(campaign));
        BpmnAwareTests.assertThat(campaign).isEnded();
        assertThat(calls).containsExactly("close");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private ProcessInstance startReportBefore(String activity) {
        return runtimeService().createProcessInstanceByKey(IndicatorReportProcess.KEY)
                .startBeforeActivity(activity).setVariables(variables(FAR)).execute();
    }

    private static Map<String, Object> variables(Date nextAlertAt) {
        return Map.of(IndicatorReportProcess.VAR_REPORT_ID, "r-9", IndicatorReportProcess.VAR_UNIT_CODE, "unit-r-9",
                IndicatorReportProcess.VAR_REVIEWER, "head-r-9", IndicatorReportProcess.VAR_DUE_AT, DUE,
                IndicatorReportProcess.VAR_NEXT_ALERT_AT, nextAlertAt);
    }

    private static List<ProcessInstance> reportInstances() {
        return runtimeService().createProcessInstanceQuery().processDefinitionKey(IndicatorReportProcess.KEY)
                .orderByProcessInstanceId().asc().list();
    }

    private static Job asyncJob(ProcessInstance instance) {
        return ENGINE.getManagementService().createJobQuery().processInstanceId(instance.getId()).messages()
                .singleResult();
    }

    private static Task task(ProcessInstance instance, String key) {
        return taskService().createTaskQuery().processInstanceId(instance.getId()).taskDefinitionKey(key)
                .singleResult();
    }

    private static List<String> candidateGroups(Task task) {
        return taskService().getIdentityLinksForTask(task.getId()).stream()
                .filter(link -> "candidate".equals(link.getType())).map(IdentityLink::getGroupId).toList();
    }
}
