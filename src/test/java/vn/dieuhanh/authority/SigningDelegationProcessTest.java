package vn.dieuhanh.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.dieuhanh.authority.SigningDelegationProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * {@code signing-delegation} on the in-memory engine. The service tasks are fakes that record their calls (the real
 * steps, which check the chairman against our tables, are covered by AuthorityApiTest); the approval fake turns the
 * form's "true"/"false" into a boolean and sets the timers' dates, as the real step does.
 */
@Deployment(resources = {"processes/authority/signing-delegation.bpmn", "forms/approve-signing-delegation.form",
        "forms/confirm-signing-delegation.form"})
class SigningDelegationProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    static final Instant START = Instant.parse("2026-03-02T02:00:00Z");                   // Mon 2/3/2026 09:00
    static final Date REMINDER_AT = Date.from(Instant.parse("2026-06-23T01:00:00Z"));     // 23/6 08:00
    static final Date VALID_UNTIL = Date.from(Instant.parse("2026-06-29T17:00:00Z"));     // end of 30/6/2026

    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void fakes() {
        init(ENGINE.getProcessEngine());
        ClockUtil.setCurrentTime(Date.from(START));
        Mocks.register(BEAN_RECORD_APPROVAL, (JavaDelegate) e -> {
            boolean approved = Boolean.parseBoolean(String.valueOf(e.getVariable(VAR_APPROVED)));
            calls.add("approval:" + approved);
            e.setVariable(VAR_APPROVED, approved);
            if (approved) {
                e.setVariable(VAR_VALID_UNTIL, VALID_UNTIL);
                e.setVariable(VAR_REMINDER_AT, REMINDER_AT);
            }
        });
        Mocks.register(BEAN_RECORD_CONFIRMATION, (JavaDelegate) e -> {
            boolean confirmed = Boolean.parseBoolean(String.valueOf(e.getVariable(VAR_CONFIRMED)));
            calls.add("confirmation:" + e.getVariable(VAR_CHAIRMAN) + ":" + confirmed);
            e.setVariable(VAR_CONFIRMED, confirmed);
        });
        Mocks.register(BEAN_REMIND, (JavaDelegate) e -> calls.add("reminder"));
        Mocks.register(BEAN_EXPIRE, (JavaDelegate) e -> calls.add("expired"));
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        ClockUtil.reset();
    }

    ProcessInstance start() {
        return runtimeService().startProcessInstanceByKey(KEY, "delegation-1", withVariables(
                VAR_DELEGATION_ID, "delegation-1", VAR_UNIT_CODE, "phuong-sai-gon", VAR_CHAIRMAN, "chairman-1",
                VAR_DECISION_NUMBER, "15/QĐ-UBND", VAR_DELEGATES_TEXT, "Nguyễn Văn A (a)",
                VAR_SCOPE_TEXT, "CT-01; CT-04", VAR_PERIOD_TEXT, "từ 02/03/2026 đến hết 30/06/2026"));
    }

    ProcessInstance signed() {
        ProcessInstance instance = start();
        assertThat(instance).isWaitingAt(TASK_APPROVE);
        assertThat(task()).isAssignedTo("chairman-1").hasFormKey(null);
        complete(task(), withVariables(VAR_APPROVED, "true", VAR_DECISION_NOTE, null));
        assertThat(instance).isWaitingAt(TASK_AWAIT_CHAIRMAN_CHANGE);
        return instance;
    }

    Job timer(ProcessInstance instance, String activityId) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activityId)
                .singleResult();
    }

    @Test
    void signedRemindedBeforeExpiryAndExpiredByTimer() {
        ProcessInstance instance = signed();
        assertThat(timer(instance, TIMER_REMINDER).getDuedate()).isEqualTo(REMINDER_AT);
        assertThat(timer(instance, TIMER_VALIDITY_ENDED).getDuedate()).isEqualTo(VALID_UNTIL);

        execute(timer(instance, TIMER_REMINDER));
        assertThat(instance).hasPassed(SERVICE_REMIND).isWaitingAt(TASK_AWAIT_CHAIRMAN_CHANGE);
        assertThat(timer(instance, TIMER_REMINDER)).as("the reminder fires once").isNull();

        execute(timer(instance, TIMER_VALIDITY_ENDED));
        assertThat(instance).hasPassed(SERVICE_EXPIRE, END_EXPIRED).isEnded();
        assertThat(calls).containsExactly("approval:true", "reminder", "expired");
    }

    @Test
    void theChairmanRefusesTheDraft() {
        ProcessInstance instance = start();
        complete(task(instance), withVariables(VAR_APPROVED, "false", VAR_DECISION_NOTE, "Chưa đủ điều kiện"));
        assertThat(instance).hasPassed(END_REFUSED).isEnded();
        assertThat(calls).containsExactly("approval:false");
    }

    @Test
    void revokedAtAnyTimeByMessage() {
        ProcessInstance instance = signed();
        runtimeService().createMessageCorrelation(MESSAGE_REVOKED).processInstanceId(instance.getId()).correlate();
        assertThat(instance).hasPassed(BOUNDARY_REVOKED, END_REVOKED).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void aNewChairmanConfirmsThenTheNextOneRevokes() {
        ProcessInstance instance = signed();
        runtimeService().createMessageCorrelation(MESSAGE_CHAIRMAN_CHANGED).processInstanceId(instance.getId())
                .setVariable(VAR_CHAIRMAN, "chairman-2").correlate();
        assertThat(instance).isWaitingAt(TASK_CONFIRM);
        assertThat(task()).isAssignedTo("chairman-2");
        complete(task(), withVariables(VAR_CONFIRMED, "true", VAR_DECISION_NOTE, null));
        assertThat(instance).isWaitingAt(TASK_AWAIT_CHAIRMAN_CHANGE);

        runtimeService().createMessageCorrelation(MESSAGE_CHAIRMAN_CHANGED).processInstanceId(instance.getId())
                .setVariable(VAR_CHAIRMAN, "chairman-3").correlate();
        assertThat(task()).isAssignedTo("chairman-3");
        complete(task(), withVariables(VAR_CONFIRMED, "false", VAR_DECISION_NOTE, "Không còn nhu cầu"));
        assertThat(instance).hasPassed("EndEvent_NotConfirmed", END_NOT_CONFIRMED).isEnded();
        assertThat(calls).containsExactly("approval:true", "confirmation:chairman-2:true",
                "confirmation:chairman-3:false");
    }

    @Test
    void revocationAndExpiryReachADelegationAwaitingConfirmation() {
        ProcessInstance instance = signed();
        runtimeService().createMessageCorrelation(MESSAGE_CHAIRMAN_CHANGED).processInstanceId(instance.getId())
                .setVariable(VAR_CHAIRMAN, "chairman-2").correlate();
        assertThat(instance).isWaitingAt(TASK_CONFIRM);
        execute(timer(instance, TIMER_VALIDITY_ENDED));
        assertThat(instance).hasPassed(END_EXPIRED).isEnded();

        ProcessInstance other = runtimeService().startProcessInstanceByKey(KEY, "delegation-2", withVariables(
                VAR_DELEGATION_ID, "delegation-2", VAR_CHAIRMAN, "chairman-1"));
        complete(task(other), withVariables(VAR_APPROVED, "true"));
        runtimeService().createMessageCorrelation(MESSAGE_CHAIRMAN_CHANGED).processInstanceId(other.getId())
                .setVariable(VAR_CHAIRMAN, "chairman-2").correlate();
        runtimeService().createMessageCorrelation(MESSAGE_REVOKED).processInstanceId(other.getId()).correlate();
        assertThat(other).hasPassed(END_REVOKED).isEnded();
    }
}
