package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dieuhanh.assignment.internal.DeadlineAlertDelegates;
import vn.dieuhanh.calendar.internal.ShippedCalendar;
import vn.dieuhanh.deadline.AlertSchedule;
import vn.dieuhanh.deadline.RecordingNotifications;
import vn.dieuhanh.deadline.internal.DeadlineAlertSender;
import vn.dieuhanh.deadline.internal.DmnReminderPolicies;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.platform.DeployedDecisions;
import vn.dieuhanh.platform.EngineClock;
import vn.dieuhanh.platform.engine.history.AuditHistoryLevel;

/**
 * The lifecycle on the application's history level ({@link AuditHistoryLevel}, docs/history.md): a whole life (handed
 * down, reminders, an approved extension, overdue alerts, a report returned, reported again, accepted) on the engine
 * clock, with the real deadline watcher. Its history keeps the process instance, every task (who, when), the final
 * value of every variable, the activity instances of the user tasks and of the business steps (each alert sent among
 * them); it holds no variable-update details and no activity instance of a gateway or of the watcher's timer, select
 * and plan steps; every activity instance it holds has ended (no end without its start, no start without its end);
 * removal time is set at the end and history cleanup removes it all.
 */
@Deployment(resources = {"processes/assignment/assignment-lifecycle.bpmn", "processes/deadline/reminder-policy.dmn",
        "forms/handle-assignment.form", "forms/review-assignment-result.form", "forms/review-extension-request.form"})
class AuditHistoryLevelProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessEngineExtension.builder()
            .configurationResource("camunda-audit-history-test.cfg.xml").build();

    static final String ID = "NV-2026-0077";
    static final String UNIT = "phuong-sai-gon";
    static final String HEAD = "phuong-sai-gon.head";
    static final String OFFICIAL = "phuong-sai-gon.officer";
    static final String DIVISION = "phuong-sai-gon.van-hoa-xa-hoi";
    static final String REVIEWER = "vicechair";
    static final String LEADER = "chair";

    final RecordingNotifications outbox = new RecordingNotifications();
    final LifecycleFakes fakes = new LifecycleFakes().delegationTarget(OFFICIAL, DIVISION, OFFICIAL);

    static Instant at(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }

    @BeforeEach
    void theRealWatcherAroundTheFakes() {
        init(ENGINE.getProcessEngine());
        DeadlineAlertDelegates deadlineAlerts = new DeadlineAlertDelegates(
                new DmnReminderPolicies(new DeployedDecisions(ENGINE.getRepositoryService(),
                        ENGINE.getIdentityService())),
                new AlertSchedule(ShippedCalendar.withOfficialSchedules()),
                new DeadlineAlertSender(outbox, event -> { }),
                unit -> Optional.of(HEAD), unit -> Optional.of("Phường Sài Gòn"), EngineClock.INSTANCE);
        fakes.register();
        fakes.withRealWatcher(deadlineAlerts);
    }

    @AfterEach
    void realTimeAndNoFakes() {
        ClockUtil.reset();
        Mocks.reset();
    }

    @Test
    void aWholeLifeKeepsWhatTheAuditNeedsAndNoDetailsGatewaysOrWatcherBookkeeping() {
        assertThat(((ProcessEngineConfigurationImpl) ENGINE.getProcessEngine().getProcessEngineConfiguration())
                .getHistoryLevel()).isInstanceOf(AuditHistoryLevel.class);
        // Monday 2/3/2026 09:00, deadline Friday 6/3
        ClockUtil.setCurrentTime(Date.from(at("2026-03-02T09:00:00")));
        fakes.assignment(ID, new LifecycleFakes.Assignment(UNIT, "Rà soát hộ nghèo quý I", REVIEWER, UNIT, null,
                Date.from(at("2026-03-06T23:59:59")), "NORMAL", "CITY_PEOPLES_COMMITTEE", LEADER,
                Date.from(at("2026-03-02T09:00:00"))));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, ID,
                withVariables(VAR_ASSIGNMENT_ID, ID));
        String id = instance.getId();
        execute(managementService().createJobQuery().processInstanceId(id).singleResult());

        // the head hands it down; the first reminder (Wednesday 4/3 13:30)
        complete(task(instance), withVariables(VAR_HANDLING_DECISION, DECISION_DELEGATE, VAR_DELEGATE_TO, OFFICIAL));
        runDueTimers(id, at("2026-03-04T14:00:00"));
        // an extension to Friday 13/3, approved; then overdue from Saturday 14/3: alerts until Wednesday 18/3
        complete(task(instance), withVariables(VAR_HANDLING_DECISION, DECISION_REQUEST_EXTENSION,
                VAR_PROPOSED_DEADLINE, "2026-03-13", VAR_EXTENSION_REASON, "Chờ số liệu của Sở"));
        complete(task(instance), withVariables(VAR_EXTENSION_APPROVED, "true"));
        for (String day : List.of("2026-03-09T10:00:00", "2026-03-11T14:00:00", "2026-03-12T09:00:00",
                "2026-03-14T09:00:00", "2026-03-16T09:00:00", "2026-03-17T09:00:00", "2026-03-18T09:00:00")) {
            runDueTimers(id, at(day));
        }
        assertThat(outbox.enqueued()).extracting(Notification::kind).contains(NotificationKind.REMINDER,
                NotificationKind.OVERDUE).doesNotContain(NotificationKind.OVERDUE_REMINDER); // the daily digest's
        // reported, returned, reported again, accepted
        complete(task(instance), withVariables(VAR_HANDLING_DECISION, DECISION_REPORT, VAR_RESULT_SUMMARY, "Bản 1"));
        complete(task(instance), withVariables(VAR_RESULT_ACCEPTED, "false", VAR_REVIEW_NOTE, "Thiếu số liệu"));
        complete(task(instance), withVariables(VAR_HANDLING_DECISION, DECISION_REPORT, VAR_RESULT_SUMMARY, "Bản 2"));
        complete(task(instance), withVariables(VAR_RESULT_ACCEPTED, "true"));
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(id).count()).isZero();

        // kept: the instance, with its removal time
        HistoricProcessInstance process = historyService().createHistoricProcessInstanceQuery().processInstanceId(id)
                .singleResult();
        assertThat(process.getState()).isEqualTo(HistoricProcessInstance.STATE_COMPLETED);
        assertThat(process.getRemovalTime()).isNotNull();

        // kept: every task, who held it, when it ended
        List<HistoricTaskInstance> tasks = historyService().createHistoricTaskInstanceQuery().processInstanceId(id)
                .orderByHistoricActivityInstanceStartTime().asc().list();
        // (several tasks start at the same engine-clock instant: their order among equals is not defined)
        assertThat(tasks).extracting(HistoricTaskInstance::getTaskDefinitionKey).containsExactlyInAnyOrder(
                TASK_HANDLE_ASSIGNMENT, TASK_HANDLE_ASSIGNMENT, TASK_REVIEW_EXTENSION, TASK_HANDLE_ASSIGNMENT,
                TASK_REVIEW_RESULT, TASK_HANDLE_ASSIGNMENT, TASK_REVIEW_RESULT);
        assertThat(tasks).allSatisfy(task -> {
            assertThat(task.getEndTime()).isNotNull();
            assertThat(task.getRemovalTime()).isNotNull();
        });
        assertThat(tasks).filteredOn(task -> TASK_HANDLE_ASSIGNMENT.equals(task.getTaskDefinitionKey()))
                .extracting(HistoricTaskInstance::getAssignee).containsOnly(HEAD, OFFICIAL).contains(HEAD, OFFICIAL);

        // kept: the final value of every variable; no variable-update details (ACT_HI_DETAIL)
        Map<String, Object> finalValues = new java.util.HashMap<>();
        for (HistoricVariableInstance variable : historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(id).list()) {
            finalValues.put(variable.getName(), variable.getValue());
        }
        assertThat(finalValues).containsEntry(VAR_RESULT_ACCEPTED, true).containsEntry(VAR_RESULT_SUMMARY, "Bản 2")
                .containsEntry(VAR_HANDLING_DECISION, DECISION_REPORT).containsEntry(VAR_EXTENSION_APPROVED, true)
                .containsEntry(VAR_TITLE, "Rà soát hộ nghèo quý I").containsKey(VAR_NEXT_ALERT_KIND);
        assertThat(historyService().createHistoricDetailQuery().processInstanceId(id).count()).isZero();
        assertThat(historyService().createHistoricDetailQuery().count()).isZero();

        // activity instances: the user tasks and the business steps, each alert sent; no gateway, no bookkeeping
        List<HistoricActivityInstance> activities = historyService().createHistoricActivityInstanceQuery()
                .processInstanceId(id).list();
        Map<String, Long> passed = activities.stream()
                .collect(Collectors.groupingBy(HistoricActivityInstance::getActivityId, Collectors.counting()));
        assertThat(passed).containsEntry(TASK_HANDLE_ASSIGNMENT, 4L).containsEntry(TASK_REVIEW_EXTENSION, 1L)
                .containsEntry(TASK_REVIEW_RESULT, 2L).containsEntry(SERVICE_RECORD_REPORT, 2L)
                .containsEntry(SERVICE_RECORD_REVIEW, 2L).containsEntry(SERVICE_RECORD_DELEGATION, 1L)
                .containsEntry(SERVICE_RECORD_EXTENSION_DECISION, 1L).containsEntry(SERVICE_OPEN_ASSIGNMENT, 1L)
                .containsEntry(SERVICE_PLAN_DEADLINE_ALERTS, 1L).containsEntry(SERVICE_SEND_OVERDUE_ALERT, 1L)
                .containsEntry(END_RESULT_ACCEPTED, 1L).containsEntry(SUBPROCESS_CARRY_OUT, 1L)
                .doesNotContainKeys(TIMER_NEXT_DEADLINE_ALERT, SERVICE_SELECT_DUE_ALERT, SERVICE_PLAN_NEXT_ALERT,
                        GATEWAY_BACK_TO_HANDLING, GATEWAY_HANDLING_DECISION, GATEWAY_EXTENSION_APPROVED,
                        GATEWAY_RESULT_ACCEPTED, GATEWAY_WORK_AND_WATCH, GATEWAY_BACK_TO_WATCH, GATEWAY_WHICH_ALERT,
                        GATEWAY_ALERT_HANDLED);
        long alertsSent = outbox.enqueued().size();
        assertThat(passed.getOrDefault(SERVICE_SEND_REMINDER, 0L) + passed.getOrDefault(SERVICE_SEND_OVERDUE_ALERT, 0L)
                + passed.getOrDefault(SERVICE_ESCALATE_TO_HEAD, 0L)
                + passed.getOrDefault(SERVICE_ESCALATE_TO_LEADER, 0L)).isEqualTo(alertsSent);
        assertThat(activities).allSatisfy(activity -> {
            assertThat(activity.getActivityType()).doesNotContain("Gateway");
            assertThat(activity.getStartTime()).as(activity.getActivityId()).isNotNull();
            assertThat(activity.getEndTime()).as(activity.getActivityId()).isNotNull();
            assertThat(activity.getRemovalTime()).as(activity.getActivityId()).isNotNull();
        });

        // history cleanup removes it all once its time to live (P1825D) has passed
        ClockUtil.setCurrentTime(Date.from(process.getRemovalTime().toInstant().plus(Duration.ofDays(1))));
        Job cleanup = historyService().cleanUpHistoryAsync(true);
        managementService().executeJob(cleanup.getId());
        assertThat(historyService().createHistoricProcessInstanceQuery().processInstanceId(id).count()).isZero();
        assertThat(historyService().createHistoricTaskInstanceQuery().processInstanceId(id).count()).isZero();
        assertThat(historyService().createHistoricVariableInstanceQuery().processInstanceId(id).count()).isZero();
        assertThat(historyService().createHistoricActivityInstanceQuery().processInstanceId(id).count()).isZero();
        for (Job job : managementService().createJobQuery().list()) {
            managementService().deleteJob(job.getId());
        }
    }

    /** Sets the engine clock and runs the instance's due timers, one at a time, until none is due. */
    private void runDueTimers(String instance, Instant now) {
        ClockUtil.setCurrentTime(Date.from(now));
        List<String> ran = new ArrayList<>();
        Job due;
        while ((due = managementService().createJobQuery().processInstanceId(instance).timers().executable()
                .orderByJobDuedate().asc().listPage(0, 1).stream().findFirst().orElse(null)) != null) {
            ran.add(due.getId());
            execute(due);
            assertThat(ran).as("timers run at " + now).hasSizeLessThan(20);
        }
    }
}
