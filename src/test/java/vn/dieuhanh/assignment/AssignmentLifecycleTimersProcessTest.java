package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.repositoryService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import vn.dieuhanh.ProcessTestEngine;
import vn.dieuhanh.assignment.internal.DeadlineAlertDelegates;
import vn.dieuhanh.calendar.internal.ShippedCalendar;
import vn.dieuhanh.deadline.AlertSchedule;
import vn.dieuhanh.deadline.AssignmentBecameOverdue;
import vn.dieuhanh.deadline.RecordingNotifications;
import vn.dieuhanh.deadline.internal.DeadlineAlertSender;
import vn.dieuhanh.deadline.internal.DmnReminderPolicies;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.platform.EngineClock;

/**
 * The lifecycle's deadline watcher with the real planning and sending logic, the real working calendar (official 2026
 * schedule) and the real {@code reminder-policy} table, time moved by the engine clock. Only the outbox is a recording
 * fake. Default policy (normal urgency, City People's Committee): reminders at 50 % and 75 % of the working time and
 * one working day before, overdue alert, the unit head told after 3 overdue working days, the assigning leader after 5.
 * The policy still says dailyOverdueReminders=true, but the watcher plans no per-assignment daily reminder: the daily
 * overdue digest (overdue-digest.bpmn, OverdueDigestTest) lists the work instead.
 */
@Deployment(resources = {"processes/assignment/assignment-lifecycle.bpmn", "processes/deadline/reminder-policy.dmn",
        "forms/handle-assignment.form", "forms/review-assignment-result.form", "forms/review-extension-request.form"})
class AssignmentLifecycleTimersProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    static final String ID = "NV-2026-0042";
    static final String UNIT = "phuong-sai-gon";
    static final String UNIT_NAME = "Phường Sài Gòn";
    static final String HEAD = "phuong-sai-gon.head";
    static final String OFFICIAL = "phuong-sai-gon.officer";
    static final String DIVISION = "phuong-sai-gon.van-hoa-xa-hoi";
    static final String REVIEWER = "vicechair";
    static final String LEADER = "chair";

    final RecordingNotifications outbox = new RecordingNotifications();
    final List<Object> events = new ArrayList<>();
    final LifecycleFakes fakes = new LifecycleFakes().delegationTarget(OFFICIAL, DIVISION, OFFICIAL);
    DeadlineAlertDelegates deadlineAlerts;

    static Instant at(String local) {
        return OffsetDateTime.parse(local + "+07:00").toInstant();
    }

    @BeforeEach
    void theRealWatcherAroundTheFakes() {
        init(ENGINE.getProcessEngine());
        deadlineAlerts = new DeadlineAlertDelegates(new DmnReminderPolicies(
                new vn.dieuhanh.platform.DeployedDecisions(ENGINE.getRepositoryService(), ENGINE.getIdentityService())),
                new AlertSchedule(ShippedCalendar.withOfficialSchedules()),
                new DeadlineAlertSender(outbox, events::add),
                unit -> Optional.of(HEAD), unit -> Optional.of(UNIT_NAME), EngineClock.INSTANCE);
        fakes.register();
        fakes.withRealWatcher(deadlineAlerts);
    }

    @AfterEach
    void realTimeAndNoFakes() {
        ClockUtil.reset();
        Mocks.reset();
        ENGINE.getIdentityService().clearAuthentication();
    }

    @Test
    void eachReminderFiresOnceAtItsWorkingTimeInstantAcrossTet2026AndTheOverdueAlertTellsHolderHeadAndKpi() {
        // Tuesday 10/2/2026 09:00, 10 working days: 11-13/2, Tết (14-22/2 off), 23-27/2, 2/3 and 3/3
        ProcessInstance instance = open(at("2026-02-10T09:00:00"), at("2026-03-03T23:59:59"));
        assertThat(runtimeService().getVariables(instance.getId())).containsEntry(VAR_FIRST_REMINDER_PERCENT, 50)
                .containsEntry(VAR_SECOND_REMINDER_PERCENT, 75)
                .containsEntry(VAR_REMINDER_WORKING_DAYS_BEFORE, 1).containsEntry(VAR_WARNING_WINDOW_WORKING_DAYS, 2)
                .containsEntry(VAR_DAILY_OVERDUE_REMINDERS, true)
                .containsEntry(VAR_ESCALATE_TO_HEAD_AFTER_OVERDUE_DAYS, 3)
                .containsEntry(VAR_ESCALATE_TO_LEADER_AFTER_OVERDUE_DAYS, 5)
                .containsEntry(VAR_NEXT_ALERT_KIND, "REMINDER").containsEntry(VAR_NEXT_ALERT_OCCURRENCE, 1);
        delegateToTheOfficial();

        // nothing is due during Tết
        ClockUtil.setCurrentTime(Date.from(at("2026-02-20T10:00:00")));
        assertThat(executableTimers(instance)).isZero();

        // 43 h 30 of the 87 office hours: Tuesday 24/2 13:30 (Tết skipped)
        Notification half = fireExactlyAt(instance, at("2026-02-24T13:30:00")).get(0);
        assertThat(half.kind()).isEqualTo(NotificationKind.REMINDER);
        assertThat(half.recipients()).containsExactly(OFFICIAL);
        assertThat(half.template()).isEqualTo("reminder");
        assertThat(half.dedupKey()).isEqualTo("assignment:" + ID + ":REMINDER:2026-02-24T06:30:00Z");
        assertThat(half.assignmentId()).isEqualTo(ID);
        assertThat(half.model()).containsEntry("title", "Rà soát hộ nghèo quý I")
                .containsEntry("deadline", "hết ngày 03/03/2026 (thứ Ba)").containsEntry("unitName", UNIT_NAME)
                .containsEntry("overdueDays", 0);

        // 65 h 15: Friday 27/2 10:15; one working day before the deadline's day: Monday 2/3 08:00
        assertThat(fireExactlyAt(instance, at("2026-02-27T10:15:00"))).extracting(Notification::dedupKey)
                .containsExactly("assignment:" + ID + ":REMINDER:2026-02-27T03:15:00Z");
        assertThat(fireExactlyAt(instance, at("2026-03-02T08:00:00"))).extracting(Notification::kind)
                .containsExactly(NotificationKind.REMINDER);
        assertThat(events).isEmpty();

        // the first second past the deadline: overdue, holder and unit head alerted, KPI told once
        Notification overdue = fireExactlyAt(instance, at("2026-03-04T00:00:00")).get(0);
        assertThat(overdue.kind()).isEqualTo(NotificationKind.OVERDUE);
        assertThat(overdue.template()).isEqualTo("overdue");
        assertThat(overdue.recipients()).containsExactly(OFFICIAL, HEAD);
        assertThat(events).containsExactly(new AssignmentBecameOverdue(ID, UNIT, OFFICIAL,
                at("2026-03-03T23:59:59"), at("2026-03-04T00:00:00")));

        // each alert exactly once; the next one is the escalation to the head after 3 full overdue working days
        // (Monday 9/3), not a daily reminder on Thursday 5/3
        assertThat(outbox.enqueued()).extracting(Notification::dedupKey).doesNotHaveDuplicates().hasSize(4);
        assertThat(nextTimer(instance).getDuedate()).isEqualTo(Date.from(at("2026-03-09T08:00:00")));
        assertThat(runtimeService().getVariable(instance.getId(), VAR_NEXT_ALERT_KIND)).isEqualTo("ESCALATION_TO_HEAD");
    }

    @Test
    void whileOverdueNoDailyReminderJobOnlyTheHeadThenTheLeaderAreToldOnWorkingDays() {
        // Monday 13/4/2026, 8 working days: deadline Thursday 23/4. Then: Giỗ Tổ 26/4 is a Sunday (Monday 27/4 off),
        // 30/4 and 1/5 are holidays
        ProcessInstance instance = open(at("2026-04-13T09:00:00"), at("2026-04-23T23:59:59"));
        delegateToTheOfficial();
        fireExactlyAt(instance, at("2026-04-17T13:30:00"));
        fireExactlyAt(instance, at("2026-04-21T15:15:00"));
        fireExactlyAt(instance, at("2026-04-22T08:00:00"));
        assertThat(fireExactlyAt(instance, at("2026-04-24T00:00:00"))).extracting(Notification::kind)
                .containsExactly(NotificationKind.OVERDUE);

        // overdue days 2 and 3 (Tuesday 28/4, Wednesday 29/4) used to carry a reminder each: no job is due any more
        // (weekend, the compensatory Monday 27/4 and the holidays have none either)
        for (String overdueMorning : List.of("2026-04-25T08:00:00", "2026-04-27T08:00:00", "2026-04-28T08:00:00",
                "2026-04-29T08:00:00", "2026-04-30T08:00:00", "2026-05-01T08:00:00")) {
            ClockUtil.setCurrentTime(Date.from(at(overdueMorning)));
            assertThat(executableTimers(instance)).as(overdueMorning).isZero();
        }

        // Monday 4/5 is overdue day 4: 3 full days have passed, the unit head is told (the only alert of the day)
        List<Notification> day4 = fireExactlyAt(instance, at("2026-05-04T08:00:00"));
        assertThat(day4).extracting(Notification::kind).containsExactly(NotificationKind.ESCALATION);
        assertThat(day4.get(0).recipients()).containsExactly(HEAD);
        assertThat(day4.get(0).template()).isEqualTo("escalation");
        assertThat(day4.get(0).dedupKey()).isEqualTo("assignment:" + ID + ":ESCALATION_TO_HEAD:2026-05-04T01:00:00Z");
        assertThat(day4.get(0).model()).containsEntry("overdueDays", 3).containsEntry("escalatedTo", "head");

        ClockUtil.setCurrentTime(Date.from(at("2026-05-05T08:00:00")));
        assertThat(executableTimers(instance)).isZero();
        // 5 full overdue working days on Wednesday 6/5: the assigning leader is told
        List<Notification> day6 = fireExactlyAt(instance, at("2026-05-06T08:00:00"));
        assertThat(day6).extracting(Notification::kind).containsExactly(NotificationKind.ESCALATION);
        assertThat(day6.get(0).recipients()).containsExactly(LEADER);
        assertThat(day6.get(0).dedupKey()).isEqualTo("assignment:" + ID + ":ESCALATION_TO_LEADER:2026-05-06T01:00:00Z");
        assertThat(day6.get(0).model()).containsEntry("overdueDays", 5).containsEntry("escalatedTo", "leader");

        assertThat(outbox.enqueued()).filteredOn(n -> n.kind() == NotificationKind.ESCALATION).hasSize(2);
        assertThat(outbox.enqueued()).noneMatch(n -> n.kind() == NotificationKind.OVERDUE_REMINDER);
        // each kind went through the task of its kind in the model, where Cockpit counts it; the model has no daily
        // reminder task any more
        assertThat(timesPassed(instance, SERVICE_SEND_OVERDUE_ALERT)).isEqualTo(1);
        assertThat(timesPassed(instance, SERVICE_ESCALATE_TO_HEAD)).isEqualTo(1);
        assertThat(timesPassed(instance, SERVICE_ESCALATE_TO_LEADER)).isEqualTo(1);
        assertThat(timesPassed(instance, SERVICE_SEND_REMINDER)).isEqualTo(3);
        assertThat((Object) repositoryService().getBpmnModelInstance(instance.getProcessDefinitionId())
                .getModelElementById("ServiceTask_SendOverdueReminder")).isNull();
        // 7 timer turns in all (3 reminders, overdue, 2 escalations, nothing after): the watcher is parked
        assertThat(timesPassed(instance, TIMER_NEXT_DEADLINE_ALERT)).isEqualTo(6 + 1);
        assertThat(nextTimer(instance).getDuedate()).isEqualTo(Date.from(AlertSchedule.NEVER));
    }

    @Test
    void aPendingDailyReminderPlannedBeforeTheDigestSendsNothingAndPlansTheNextEscalation() {
        // deadline Friday 6/3; overdue day 2 is Tuesday 10/3, the head is told on day 4 (Thursday 12/3)
        ProcessInstance instance = open(at("2026-03-02T09:00:00"), at("2026-03-06T23:59:59"));
        ClockUtil.setCurrentTime(Date.from(at("2026-03-09T10:00:00")));
        execute(nextTimer(instance));
        assertThat(outbox.takeAll()).extracting(Notification::kind).containsExactly(NotificationKind.OVERDUE);

        // what an instance started before the upgrade waits for: the daily reminder of overdue day 2
        pendingAsAnOlderVersionPlannedIt(instance, at("2026-03-10T08:00:00"), 2);
        ClockUtil.setCurrentTime(Date.from(at("2026-03-10T08:00:00")));
        execute(nextTimer(instance));
        assertThat(outbox.takeAll()).isEmpty();
        assertThat(runtimeService().getVariable(instance.getId(), VAR_NEXT_ALERT_KIND)).isEqualTo("ESCALATION_TO_HEAD");
        assertThat(nextTimer(instance).getDuedate()).isEqualTo(Date.from(at("2026-03-12T08:00:00")));

        // one pending on the escalation's own morning: the escalation is sent, no reminder
        pendingAsAnOlderVersionPlannedIt(instance, at("2026-03-12T08:00:00"), 4);
        ClockUtil.setCurrentTime(Date.from(at("2026-03-12T08:00:00")));
        execute(nextTimer(instance));
        while (executableTimers(instance) > 0) {
            execute(nextTimer(instance));
        }
        assertThat(outbox.takeAll()).extracting(Notification::dedupKey)
                .containsExactly("assignment:" + ID + ":ESCALATION_TO_HEAD:2026-03-12T01:00:00Z");
        assertThat(nextTimer(instance).getDuedate()).isEqualTo(Date.from(at("2026-03-16T08:00:00")));
        assertThat(events).hasSize(1);
    }

    /** Sets the pending alert to an overdue reminder and moves the timer to it, as lifecycles before the digest did. */
    private void pendingAsAnOlderVersionPlannedIt(ProcessInstance instance, Instant at, int occurrence) {
        runtimeService().setVariables(instance.getId(), Map.of(VAR_NEXT_ALERT_AT, Date.from(at),
                VAR_NEXT_ALERT_KIND, "OVERDUE_REMINDER", VAR_NEXT_ALERT_OCCURRENCE, occurrence));
        managementService().recalculateJobDuedate(nextTimer(instance).getId(), false);
        assertThat(nextTimer(instance).getDuedate()).isEqualTo(Date.from(at));
    }

    @Test
    void anApprovedExtensionMovesThePendingTimerToTheNewSchedule() {
        // Monday 2/3 09:00 to Friday 6/3: 39 office hours, half of them on Wednesday 4/3 13:30
        ProcessInstance instance = open(at("2026-03-02T09:00:00"), at("2026-03-06T23:59:59"));
        Job pending = nextTimer(instance);
        assertThat(pending.getDuedate()).isEqualTo(Date.from(at("2026-03-04T13:30:00")));

        ClockUtil.setCurrentTime(Date.from(at("2026-03-03T10:00:00")));
        complete(task(), withVariables(VAR_HANDLING_DECISION, DECISION_REQUEST_EXTENSION,
                VAR_PROPOSED_DEADLINE, "2026-03-13", VAR_EXTENSION_REASON, "Chờ số liệu của Sở"));
        complete(task(), withVariables(VAR_EXTENSION_APPROVED, "true"));

        // the new deadline is Friday 13/3 17:00 (the fake's extension): 79 office hours, half on Monday 9/3 08:30
        Job moved = nextTimer(instance);
        assertThat(moved.getId()).isEqualTo(pending.getId());
        assertThat(moved.getDuedate()).isEqualTo(Date.from(at("2026-03-09T08:30:00")));
        assertThat(runtimeService().getVariable(instance.getId(), VAR_NEXT_ALERT_AT))
                .isEqualTo(Date.from(at("2026-03-09T08:30:00")));
        ClockUtil.setCurrentTime(Date.from(at("2026-03-04T13:30:00")));
        assertThat(executableTimers(instance)).isZero();

        Notification reminder = fireExactlyAt(instance, at("2026-03-09T08:30:00")).get(0);
        assertThat(reminder.model()).containsEntry("deadline", "17 giờ 00 ngày 13/03/2026 (thứ Sáu)");
        // 59 h 15: Wednesday 11/3 13:15, then Thursday 12/3 08:00, then overdue at 17:00:01 on 13/3
        fireExactlyAt(instance, at("2026-03-11T13:15:00"));
        fireExactlyAt(instance, at("2026-03-12T08:00:00"));
        assertThat(fireExactlyAt(instance, at("2026-03-13T17:00:01"))).extracting(Notification::kind)
                .containsExactly(NotificationKind.OVERDUE);
    }

    @Test
    void theAcceptedResultEndsTheWatcherAndLeavesNoTimer() {
        ProcessInstance instance = open(at("2026-03-02T09:00:00"), at("2026-03-06T23:59:59"));
        fireExactlyAt(instance, at("2026-03-04T13:30:00"));
        assertThat(jobs(instance)).isEqualTo(1);

        complete(task(), withVariables(VAR_HANDLING_DECISION, DECISION_REPORT, VAR_RESULT_SUMMARY, "Đã xong"));
        complete(task(), withVariables(VAR_RESULT_ACCEPTED, "true"));

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance)
                .hasPassed(END_RESULT_ACCEPTED, END_ASSIGNMENT_COMPLETED).isEnded();
        assertThat(jobs(instance)).isZero();
        ClockUtil.setCurrentTime(Date.from(at("2026-04-30T08:00:00")));
        assertThat(managementService().createJobQuery().executable().count()).isZero();
        assertThat(outbox.enqueued()).hasSize(1);
    }

    @Test
    void cancellationEndsTheWatcherToo() {
        ProcessInstance instance = open(at("2026-03-02T09:00:00"), at("2026-03-06T23:59:59"));
        assertThat(jobs(instance)).isEqualTo(1);
        runtimeService().createMessageCorrelation(MESSAGE_CANCEL).processInstanceId(instance.getId())
                .setVariables(Map.of(VAR_CANCEL_REASON, "Không còn cần thiết", VAR_LAST_ACTOR, LEADER))
                .correlateWithResult();

        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance)
                .hasPassed(END_ASSIGNMENT_CANCELLED).isEnded();
        assertThat(jobs(instance)).isZero();
        assertThat(outbox.enqueued()).isEmpty();
    }

    @Test
    void afterDowntimeTheOverdueAlertIsSentButNotTheRemindersItOvertook() {
        ProcessInstance instance = open(at("2026-03-02T09:00:00"), at("2026-03-06T23:59:59"));
        // the engine comes back on Monday 9/3 10:00: three reminders and the overdue alert are due
        ClockUtil.setCurrentTime(Date.from(at("2026-03-09T10:00:00")));
        execute(nextTimer(instance));

        assertThat(outbox.takeAll()).extracting(Notification::dedupKey)
                .containsExactly("assignment:" + ID + ":OVERDUE:2026-03-06T17:00:00Z");
        assertThat(events).hasSize(1);
        // next: the head after 3 full overdue working days (Thursday 12/3), no daily reminder on Tuesday 10/3
        assertThat(nextTimer(instance).getDuedate()).isEqualTo(Date.from(at("2026-03-12T08:00:00")));
    }

    @Test
    void aChangedPolicyTableAppliesToNewAssignmentsOnly() throws IOException {
        ProcessInstance before = open(at("2026-03-02T09:00:00"), at("2026-03-06T23:59:59"));
        String changed;
        try (InputStream dmn = getClass().getResourceAsStream("/processes/deadline/reminder-policy.dmn")) {
            changed = new String(dmn.readAllBytes(), StandardCharsets.UTF_8).replace(
                    "<outputEntry id=\"LiteralExpression_DefaultFirstReminderPercent\"><text>50</text>",
                    "<outputEntry id=\"LiteralExpression_DefaultFirstReminderPercent\"><text>25</text>");
        }
        assertThat(changed).contains("DefaultFirstReminderPercent\"><text>25<");
        String deployment = repositoryService().createDeployment().addString("reminder-policy.dmn", changed)
                .deploy().getId();
        try {
            fakes.assignment("NV-2026-0043", new LifecycleFakes.Assignment(UNIT, "Kiểm tra an toàn thực phẩm",
                    REVIEWER, UNIT, null, Date.from(at("2026-03-06T23:59:59"))));
            ProcessInstance after = runtimeService().startProcessInstanceByKey(KEY, "NV-2026-0043",
                    withVariables(VAR_ASSIGNMENT_ID, "NV-2026-0043"));
            execute(managementService().createJobQuery().processInstanceId(after.getId()).singleResult());

            assertThat(runtimeService().getVariable(before.getId(), VAR_FIRST_REMINDER_PERCENT)).isEqualTo(50);
            assertThat(runtimeService().getVariable(after.getId(), VAR_FIRST_REMINDER_PERCENT)).isEqualTo(25);
            // a quarter of 39 office hours: 9 h 45 = Tuesday 3/3 10:45
            assertThat(nextTimer(after).getDuedate()).isEqualTo(Date.from(at("2026-03-03T10:45:00")));
            assertThat(nextTimer(before).getDuedate()).isEqualTo(Date.from(at("2026-03-04T13:30:00")));
        } finally {
            repositoryService().deleteDeployment(deployment, true);
        }
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** Starts the lifecycle at {@code assignedAt} (engine clock) and runs its start job: waiting for the unit head. */
    private ProcessInstance open(Instant assignedAt, Instant deadline) {
        ClockUtil.setCurrentTime(Date.from(assignedAt));
        fakes.assignment(ID, new LifecycleFakes.Assignment(UNIT, "Rà soát hộ nghèo quý I", REVIEWER, UNIT, null,
                Date.from(deadline), "NORMAL", "CITY_PEOPLES_COMMITTEE", LEADER, Date.from(assignedAt)));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, ID,
                withVariables(VAR_ASSIGNMENT_ID, ID));
        execute(managementService().createJobQuery().processInstanceId(instance.getId()).singleResult());
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(instance)
                .hasPassedInOrder(SERVICE_OPEN_ASSIGNMENT, SERVICE_PLAN_DEADLINE_ALERTS)
                .hasPassed(GATEWAY_BACK_TO_HANDLING, GATEWAY_BACK_TO_WATCH)
                .isWaitingAt(TASK_HANDLE_ASSIGNMENT, TIMER_NEXT_DEADLINE_ALERT);
        return instance;
    }

    private void delegateToTheOfficial() {
        complete(task(), withVariables(VAR_HANDLING_DECISION, DECISION_DELEGATE, VAR_DELEGATE_TO, OFFICIAL));
        org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat(task()).isAssignedTo(OFFICIAL);
    }

    /**
     * The watcher's timer is due exactly at {@code instant}: not executable a second before, executable at it. Fires
     * it and returns what it enqueued.
     */
    private List<Notification> fireExactlyAt(ProcessInstance instance, Instant instant) {
        Job timer = nextTimer(instance);
        assertThat(timer.getDuedate()).as("next alert").isEqualTo(Date.from(instant));
        ClockUtil.setCurrentTime(Date.from(instant.minusSeconds(1)));
        assertThat(executableTimers(instance)).as("due a second before " + instant).isZero();
        ClockUtil.setCurrentTime(Date.from(instant));
        assertThat(executableTimers(instance)).as("due at " + instant).isEqualTo(1);
        outbox.takeAll();
        execute(timer);
        // one alert per turn: alerts of the same instant follow at once, each in its own job
        while (executableTimers(instance) > 0) {
            execute(nextTimer(instance));
        }
        List<Notification> sent = outbox.takeAll();
        assertThat(sent).as("sent at " + instant).isNotEmpty();
        assertThat(nextTimer(instance).getDuedate()).as("the next alert is later").isAfter(Date.from(instant));
        return sent;
    }

    private static long timesPassed(ProcessInstance instance, String activityId) {
        return ENGINE.getHistoryService().createHistoricActivityInstanceQuery().processInstanceId(instance.getId())
                .activityId(activityId).count();
    }

    private static Job nextTimer(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId(TIMER_NEXT_DEADLINE_ALERT).singleResult();
    }

    private static long executableTimers(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers().executable().count();
    }

    private static long jobs(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).count();
    }
}
