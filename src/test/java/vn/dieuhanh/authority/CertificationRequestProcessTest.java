package vn.dieuhanh.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.dieuhanh.authority.CertificationRequestProcess.*;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
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
 * {@code certification-request} on the in-memory engine, with fakes for routing and the register (the real steps
 * are covered by AuthorityApiTest): the task goes to the routed signers, is due at the deadline, and ends signed or
 * refused.
 */
@Deployment(resources = {"processes/authority/certification-request.bpmn", "forms/sign-certification.form"})
class CertificationRequestProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    static final Date DEADLINE = Date.from(Instant.parse("2026-03-02T10:00:00Z")); // Mon 2/3/2026 17:00

    final List<String> calls = new ArrayList<>();

    @BeforeEach
    void fakes() {
        init(ENGINE.getProcessEngine());
        Mocks.register(BEAN_ROUTE, (JavaDelegate) e -> {
            calls.add("route:" + e.getVariable(VAR_REQUEST_ID));
            e.setVariable(VAR_SIGNERS, "delegate-1,delegate-2");
        });
        Mocks.register(BEAN_RECORD_DECISION, (JavaDelegate) e -> {
            calls.add("decision:" + e.getVariable(VAR_DECISION));
            e.setVariable(VAR_SIGNED, DECISION_SIGN.equals(e.getVariable(VAR_DECISION)));
        });
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, "request-1", withVariables(
                VAR_REQUEST_ID, "request-1", VAR_UNIT_CODE, "phuong-sai-gon", VAR_DEADLINE, DEADLINE,
                VAR_DEADLINE_TEXT, "17:00 02/03/2026", VAR_PROCEDURE_NAME, "CT-01 Chứng thực bản sao",
                VAR_APPLICANT_NAME, "Trần Thị B", VAR_COPIES, 3, VAR_PAGES, 6));
        assertThat(instance).hasPassed(SERVICE_ROUTE).isWaitingAt(TASK_SIGN);
        assertThat(task()).hasCandidateUser("delegate-1").hasCandidateUser("delegate-2").hasDueDate(DEADLINE);
        return instance;
    }

    @Test
    void routedSignedAndRecorded() {
        ProcessInstance instance = start();
        complete(task(), withVariables(VAR_DECISION, DECISION_SIGN, VAR_REFUSAL_REASON, null));
        assertThat(instance).hasPassed(SERVICE_RECORD_DECISION, END_SIGNED).isEnded();
        assertThat(calls).containsExactly("route:request-1", "decision:SIGN");
    }

    @Test
    void refusedWithAReason() {
        ProcessInstance instance = start();
        complete(task(), withVariables(VAR_DECISION, DECISION_REFUSE, VAR_REFUSAL_REASON, "Bản chính bị tẩy xóa"));
        assertThat(instance).hasPassed(END_REFUSED).isEnded();
        assertThat(calls).containsExactly("route:request-1", "decision:REFUSE");
    }
}
