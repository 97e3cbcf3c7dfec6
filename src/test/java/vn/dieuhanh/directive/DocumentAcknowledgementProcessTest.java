package vn.dieuhanh.directive;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.dieuhanh.directive.DocumentAcknowledgementProcess.*;

import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dieuhanh.ProcessTestEngine;

@Deployment(resources = {"processes/directive/document-acknowledgement.bpmn", "forms/document-acknowledgement.form"})
class DocumentAcknowledgementProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    @BeforeEach
    void useTheTestEngine() {
        init(ENGINE.getProcessEngine());
        // the real listener names the task after the calling directive (tested on PostgreSQL)
        Mocks.register("nameDirectiveTask", (TaskListener) task -> { });
    }

    @AfterEach
    void forgetTheFakes() {
        Mocks.reset();
    }

    @Test
    void recipientUnitAcknowledgesTheDocument() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, withVariables(
                VAR_RECIPIENT_UNIT, "phuong-sai-gon",
                VAR_DOCUMENT_NUMBER, "125/UBND-VX",
                VAR_DOCUMENT_SUMMARY, "Về tổ chức Tết Nguyên đán 2027"));
        assertThat(instance).isWaitingAt(START_DOCUMENT_SENT);
        execute(job());

        assertThat(instance).isWaitingAt(TASK_ACKNOWLEDGE_DOCUMENT);
        assertThat(task()).hasCandidateGroup("phuong-sai-gon").isNotAssigned();
        CamundaFormRef form = taskService().createTaskQuery().initializeFormKeys().singleResult().getCamundaFormRef();
        org.assertj.core.api.Assertions.assertThat(form.getKey()).isEqualTo(FORM);
        org.assertj.core.api.Assertions.assertThat(form.getBinding()).isEqualTo("latest");
        complete(task(), withVariables(VAR_ACKNOWLEDGEMENT_NOTE, "Đã phổ biến đến các phòng"));

        assertThat(instance).hasPassed(END_DOCUMENT_ACKNOWLEDGED).isEnded()
                .variables().containsEntry(VAR_ACKNOWLEDGEMENT_NOTE, "Đã phổ biến đến các phòng");
    }
}
