package vn.dieuhanh.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.dieuhanh.dossier.internal.DossierHandlingProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
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

/**
 * {@code dossier-handling} on the in-memory engine, one test per path. The steps are fakes that record their calls
 * and set the variables the real ones set (the real steps run in DossierJourneyTest on PostgreSQL). An incomplete
 * dossier never starts this process: it gets the list of missing papers at reception (DossierJourneyTest).
 */
@Deployment(resources = {"processes/dossier/dossier-handling.bpmn", "processes/dossier/dossier-reminder-policy.dmn",
        "forms/process-dossier.form",
        "forms/approve-dossier.form", "forms/sign-dossier-result.form", "forms/receive-dossier-supplement.form",
        "forms/return-dossier-result.form", "forms/issue-dossier-apology.form"})
class DossierHandlingProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    static final Instant RECEIVED = Instant.parse("2026-03-02T02:00:00Z");     // Monday 2/3/2026 09:00 in HCMC
    static final Instant APOLOGY_DUE = Instant.parse("2026-03-03T02:00:00Z");  // Tuesday 09:00
    static final Instant APPOINTMENT = Instant.parse("2026-03-04T02:00:00Z");  // Wednesday 09:00
    static final Instant NEW_APPOINTMENT = Instant.parse("2026-03-10T02:00:00Z");
    static final Instant LATE_ESCALATION = Instant.parse("2026-03-06T02:00:00Z"); // Friday 09:00

    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void fakes() {
        init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(RECEIVED));
        Mocks.register("transferDossier", (JavaDelegate) e -> {
            calls.add("transfer");
            plan(e, APPOINTMENT, APOLOGY_DUE);
        });
        Mocks.register("nameDossierTask", (TaskListener) t -> { });
        Mocks.register("rememberDossierActor", (TaskListener) t -> t.getExecution().setVariable(VAR_LAST_ACTOR,
                t.getAssignee()));
        Mocks.register("recordDossierProcessing", (JavaDelegate) e -> {
            calls.add("processing:" + e.getVariable(VAR_PROCESSING_DECISION));
            e.setVariable(VAR_OUTCOME, e.getVariable(VAR_PROCESSING_DECISION));
        });
        Mocks.register("recordDossierApproval", (JavaDelegate) e -> {
            calls.add("approval:" + e.getVariable(VAR_APPROVAL_DECISION));
            e.setVariable(VAR_APPROVED, "approve".equals(e.getVariable(VAR_APPROVAL_DECISION)));
        });
        Mocks.register("recordDossierSignature", (JavaDelegate) e -> calls.add("signature"));
        Mocks.register("pauseDossierClock", (JavaDelegate) e -> {
            calls.add("pause");
            e.setVariable(VAR_SUPPLEMENT_REQUEST, e.getVariable(VAR_PROCESSING_NOTE));
        });
        Mocks.register("resumeDossierClock", (JavaDelegate) e -> {
            calls.add("resume");
            plan(e, NEW_APPOINTMENT, Instant.parse("2026-03-09T02:00:00Z"));
        });
        Mocks.register("sendDossierResult", (JavaDelegate) e -> calls.add("send:" + e.getVariable(VAR_OUTCOME)));
        Mocks.register("recordDossierReturn", (JavaDelegate) e -> calls.add("return:"
                + e.getVariable(VAR_RETURNED_BY_POST)));
        Mocks.register("warnDossierDueSoon", (JavaDelegate) e -> calls.add("warn"));
        Mocks.register("recordDossierApology", (JavaDelegate) e -> {
            calls.add("apology:" + e.getVariable(VAR_EXTRA_WORKING_DAYS));
            e.setVariable(VAR_APPOINTMENT_AT, Date.from(NEW_APPOINTMENT));
        });
        Mocks.register("recordLateDossier", (JavaDelegate) e -> calls.add("late"));
        Mocks.register("escalateLateDossier", (JavaDelegate) e -> calls.add("escalate"));
    }

    static void plan(org.camunda.bpm.engine.delegate.DelegateExecution e, Instant appointment, Instant apologyDue) {
        e.setVariable(VAR_UNIT_CODE, "phuong-ben-thanh");
        e.setVariable(VAR_RECEPTION_GROUP, "phuong-sai-gon");
        e.setVariable(VAR_APPROVER, "ben-thanh.head");
        e.setVariable(VAR_SIGNER, "ben-thanh.head");
        e.setVariable(VAR_APPOINTMENT_AT, Date.from(appointment));
        e.setVariable(VAR_APOLOGY_DUE_AT, Date.from(apologyDue));
        e.setVariable(VAR_LATE_ESCALATION_AT, Date.from(appointment.plusSeconds(2 * 86_400)));
        e.setVariable(VAR_DOSSIER_TITLE, "Chứng thực hợp đồng – HS-260302-TEST");
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, "HS-260302-TEST");
        assertThat(instance).isWaitingAt(START_DOSSIER_RECEIVED);
        execute(managementService().createJobQuery().processInstanceId(instance.getId()).singleResult());
        return instance;
    }

    void decide(ProcessInstance instance, String decision, String note) {
        assertThat(instance).isWaitingAt(TASK_PROCESS);
        assertThat(task(TASK_PROCESS, instance)).hasCandidateGroup("phuong-ben-thanh");
        complete(task(TASK_PROCESS, instance), withVariables(VAR_PROCESSING_DECISION, decision,
                VAR_PROCESSING_NOTE, note));
    }

    void approveAndSign(ProcessInstance instance) {
        assertThat(task(TASK_APPROVE, instance)).isAssignedTo("ben-thanh.head");
        complete(task(TASK_APPROVE, instance), withVariables(VAR_APPROVAL_DECISION, "approve"));
        assertThat(task(TASK_SIGN, instance)).isAssignedTo("ben-thanh.head");
        complete(task(TASK_SIGN, instance), withVariables(VAR_SIGNATURE_CONFIRMED, true));
    }

    Job timer(ProcessInstance instance, String activityId) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    @Test
    void completeDossierIsHandledSignedAndReturnedAtTheReceptionPoint() {
        ProcessInstance instance = start();
        assertThat(timer(instance, TIMER_APPOINTMENT_PASSED).getDuedate()).isEqualTo(Date.from(APPOINTMENT));
        assertThat(timer(instance, TIMER_APOLOGY_DUE).getDuedate()).isEqualTo(Date.from(APOLOGY_DUE));
        assertThat(timer(instance, TIMER_LATE_ESCALATION).getDuedate()).isEqualTo(Date.from(LATE_ESCALATION));
        assertThat(task(TASK_PROCESS, instance).getDueDate()).isEqualTo(Date.from(APPOINTMENT));

        decide(instance, OUTCOME_RESULT, null);
        // the head sends it back once, then approves
        complete(task(TASK_APPROVE, instance), withVariables(VAR_APPROVAL_DECISION, "return",
                VAR_APPROVAL_NOTE, "Kiểm tra lại chữ ký"));
        decide(instance, OUTCOME_RESULT, null);
        approveAndSign(instance);

        assertThat(instance).isWaitingAt(TASK_RETURN_RESULT);
        assertThat(task(TASK_RETURN_RESULT, instance)).hasCandidateGroup("phuong-sai-gon");
        assertThat(timer(instance, TIMER_APPOINTMENT_PASSED)).as("timers end with the handling").isNull();
        complete(task(TASK_RETURN_RESULT, instance), withVariables(VAR_RETURNED_BY_POST, false));

        assertThat(instance).isEnded().hasPassed(END_RESULT_RETURNED);
        assertThat(calls).containsExactly("transfer", "processing:result", "approval:return", "processing:result",
                "approval:approve", "signature", "send:result", "return:false");
    }

    @Test
    void supplementPausesTheClockAndTheNewAppointmentArmsTheTimersAgain() {
        ProcessInstance instance = start();
        decide(instance, OUTCOME_SUPPLEMENT, "Bản sao Giấy chứng nhận quyền sở hữu");

        assertThat(instance).isWaitingAt(TASK_RECEIVE_SUPPLEMENT);
        assertThat(task(TASK_RECEIVE_SUPPLEMENT, instance)).hasCandidateGroup("phuong-sai-gon");
        // paused: no deadline runs while the citizen gathers the papers
        assertThat(timer(instance, TIMER_APPOINTMENT_PASSED)).isNull();
        assertThat(timer(instance, TIMER_APOLOGY_DUE)).isNull();
        assertThat(timer(instance, TIMER_LATE_ESCALATION)).isNull();
        ClockUtil.setCurrentTime(Date.from(APPOINTMENT.plusSeconds(86_400)));

        complete(task(TASK_RECEIVE_SUPPLEMENT, instance), withVariables(VAR_SUPPLEMENT_COMPLETE, true,
                VAR_SUPPLEMENT_NOTE, "Đã nhận bản sao"));
        assertThat(instance).isWaitingAt(TASK_PROCESS);
        assertThat(timer(instance, TIMER_APPOINTMENT_PASSED).getDuedate()).isEqualTo(Date.from(NEW_APPOINTMENT));
        assertThat(task(TASK_PROCESS, instance).getDueDate()).isEqualTo(Date.from(NEW_APPOINTMENT));

        decide(instance, OUTCOME_RESULT, null);
        approveAndSign(instance);
        complete(task(TASK_RETURN_RESULT, instance), withVariables(VAR_RETURNED_BY_POST, true));
        assertThat(instance).isEnded();
        assertThat(calls).containsExactly("transfer", "processing:supplement", "pause", "resume",
                "processing:result", "approval:approve", "signature", "send:result", "return:true");
    }

    @Test
    void refusalIsApprovedSignedAndItsNoticeReturned() {
        ProcessInstance instance = start();
        decide(instance, OUTCOME_REFUSAL, "Tài sản đang bị kê biên");
        approveAndSign(instance);
        complete(task(TASK_RETURN_RESULT, instance), withVariables(VAR_RETURNED_BY_POST, false));
        assertThat(instance).isEnded().hasPassed(END_RESULT_RETURNED);
        assertThat(calls).containsExactly("transfer", "processing:refusal", "approval:approve", "signature",
                "send:refusal", "return:false");
    }

    @Test
    void aDossierThatWillBeLateGetsAnApologyBeforeTheAppointmentAndIsRecordedLateWhenItPasses() {
        ProcessInstance instance = start();
        ClockUtil.setCurrentTime(Date.from(APOLOGY_DUE));
        execute(timer(instance, TIMER_APOLOGY_DUE));
        execute(managementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(SERVICE_WARN_DUE_SOON).singleResult());
        assertThat(instance).isWaitingAt(TASK_PROCESS, TASK_ISSUE_APOLOGY);
        assertThat(task(TASK_ISSUE_APOLOGY, instance)).hasCandidateGroup("phuong-ben-thanh");

        // before the appointment passes: the apology letter with the new appointment
        complete(task(TASK_ISSUE_APOLOGY, instance), withVariables(VAR_APOLOGY_REASON, "Chờ kết quả xác minh",
                VAR_EXTRA_WORKING_DAYS, 4L));
        assertThat(instance).hasPassed(END_APOLOGY_ISSUED).isWaitingAt(TASK_PROCESS);
        assertThat(calls).containsExactly("transfer", "warn", "apology:4");

        // the first appointment still counts for timeliness: the dossier is late when it passes
        Job late = timer(instance, TIMER_APPOINTMENT_PASSED);
        assertThat(late.getDuedate()).isEqualTo(Date.from(APPOINTMENT));
        ClockUtil.setCurrentTime(Date.from(APPOINTMENT));
        execute(late);
        execute(managementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(SERVICE_RECORD_LATE).singleResult());
        assertThat(instance).hasPassed(END_LATE_RECORDED).isWaitingAt(TASK_PROCESS);

        // still unfinished when the policy's escalation time after the appointment passes: reported once
        Job escalation = timer(instance, TIMER_LATE_ESCALATION);
        assertThat(escalation.getDuedate()).isEqualTo(Date.from(LATE_ESCALATION));
        ClockUtil.setCurrentTime(Date.from(LATE_ESCALATION));
        execute(escalation);
        execute(managementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(SERVICE_ESCALATE_LATE).singleResult());
        assertThat(instance).hasPassed(END_LATE_ESCALATED).isWaitingAt(TASK_PROCESS);
        assertThat(timer(instance, TIMER_LATE_ESCALATION)).isNull();

        decide(instance, OUTCOME_RESULT, null);
        approveAndSign(instance);
        complete(task(TASK_RETURN_RESULT, instance), withVariables(VAR_RETURNED_BY_POST, false));
        assertThat(instance).isEnded();
        assertThat(calls).containsExactly("transfer", "warn", "apology:4", "late", "escalate", "processing:result",
                "approval:approve", "signature", "send:result", "return:false");
    }
}
