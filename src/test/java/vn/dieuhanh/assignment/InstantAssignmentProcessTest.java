package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.calledProcessInstance;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcessTest.assertCandidateGroups;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcessTest.assertFormRef;
import static vn.dieuhanh.assignment.InstantAssignmentProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dieuhanh.ProcessTestEngine;

@Deployment(resources = {"processes/assignment/instant-assignment.bpmn",
        "processes/assignment/assignment-lifecycle.bpmn", "processes/directive/document-acknowledgement.bpmn",
        "forms/instant-assignment.form", "forms/handle-assignment.form", "forms/review-assignment-result.form",
        "forms/review-extension-request.form"})
class InstantAssignmentProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    static final String CHAIR = "chair";
    static final String UNIT = "so-y-te";
    /** The fake has no working-day calendar: N working days are N calendar days after this instant. */
    static final OffsetDateTime ASSIGNED_AT = OffsetDateTime.of(2026, 3, 2, 17, 0, 0, 0, ZoneOffset.ofHours(7));

    final LifecycleFakes lifecycle = new LifecycleFakes();
    final List<String> created = new ArrayList<>();

    @BeforeEach
    void useTheTestEngineAndTheFakes() {
        init(ENGINE.getProcessEngine());
        lifecycle.register();
        Mocks.register("createInstantAssignment", createInstantAssignment());
    }

    @AfterEach
    void forgetTheFakes() {
        Mocks.reset();
        ENGINE.getIdentityService().clearAuthentication();
    }

    /** Like the real bean: refuses input without a leader or unit, records the assignment, sets assignmentId. */
    JavaDelegate createInstantAssignment() {
        return execution -> {
            Object assignedBy = execution.getVariable(VAR_ASSIGNED_BY);
            Object unitCode = execution.getVariable(VAR_UNIT_CODE);
            if (assignedBy == null || unitCode == null) {
                throw new IllegalArgumentException("The assigning leader and the unit are required");
            }
            String id = "GV-" + (created.size() + 1);
            Number days = (Number) execution.getVariable(VAR_DEADLINE_WORKING_DAYS);
            Date deadline = Date.from(ASSIGNED_AT.plusDays(days.longValue()).toInstant());
            lifecycle.assignment(id, new LifecycleFakes.Assignment(unitCode.toString(),
                    (String) execution.getVariable(VAR_TITLE), assignedBy.toString(), unitCode.toString(),
                    (String) execution.getVariable(VAR_ASSIGNEE), deadline));
            created.add(id);
            execution.setVariable(VAR_ASSIGNMENT_ID, id);
        };
    }

    @Test
    void theChairAssignsAnOfficialDirectlyAndAcceptsTheResult() throws IOException {
        String definitionId = ENGINE.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .singleResult().getId();
        CamundaFormRef startForm = formService().getStartFormData(definitionId).getCamundaFormRef();
        org.assertj.core.api.Assertions.assertThat(startForm.getKey()).isEqualTo(FORM_START);
        org.assertj.core.api.Assertions.assertThat(startForm.getBinding()).isEqualTo("latest");
        try (InputStream form = formService().getDeployedStartForm(definitionId)) {
            org.assertj.core.api.Assertions.assertThat(Spin.JSON(new String(form.readAllBytes(),
                    StandardCharsets.UTF_8)).prop("id").stringValue()).isEqualTo(FORM_START);
        }

        ENGINE.getIdentityService().setAuthenticatedUserId(CHAIR);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, withVariables(
                VAR_UNIT_CODE, UNIT, VAR_ASSIGNEE, "so-y-te.officer", VAR_TITLE, "Kiểm tra dịch sốt xuất huyết",
                VAR_URGENCY, "URGENT", VAR_DEADLINE_WORKING_DAYS, 5));
        ENGINE.getIdentityService().clearAuthentication();

        assertThat(instance).hasPassed(START_TASK_ASSIGNED, SERVICE_CREATE_ASSIGNMENT)
                .isWaitingAt(CALL_ASSIGNMENT_LIFECYCLE).variables()
                .containsEntry(VAR_ASSIGNED_BY, CHAIR).containsEntry(VAR_ASSIGNMENT_ID, "GV-1");
        execute(job());

        ProcessInstance assignment = calledProcessInstance(instance);
        org.assertj.core.api.Assertions.assertThat(assignment.getProcessDefinitionId())
                .startsWith(AssignmentLifecycleProcess.KEY + ":");
        org.assertj.core.api.Assertions.assertThat(assignment.getBusinessKey()).isEqualTo("GV-1");
        assertThat(assignment).isWaitingAt(AssignmentLifecycleProcess.START_ASSIGNMENT_RECEIVED).variables()
                .containsOnlyKeys(VAR_ASSIGNMENT_ID).containsEntry(VAR_ASSIGNMENT_ID, "GV-1");
        execute(job());

        assertThat(assignment).isWaitingAt(AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        assertThat(task()).isAssignedTo("so-y-te.officer")
                .hasDueDate(Date.from(ASSIGNED_AT.plusDays(5).toInstant()));
        assertCandidateGroups(task(), UNIT);
        assertFormRef(AssignmentLifecycleProcess.FORM_HANDLE);
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_HANDLING_DECISION,
                AssignmentLifecycleProcess.DECISION_REPORT, AssignmentLifecycleProcess.VAR_RESULT_SUMMARY, "Đã xong"));

        assertThat(assignment).isWaitingAt(AssignmentLifecycleProcess.TASK_REVIEW_RESULT);
        assertThat(task()).isAssignedTo(CHAIR);
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_RESULT_ACCEPTED, "true"));

        assertThat(assignment).hasPassed(AssignmentLifecycleProcess.END_ASSIGNMENT_COMPLETED).isEnded();
        assertThat(instance).hasPassedInOrder(CALL_ASSIGNMENT_LIFECYCLE, END_TASK_FINISHED).isEnded();
        org.assertj.core.api.Assertions.assertThat(lifecycle.steps("GV-1")).containsExactly("openAssignment",
                "offerDelegationOptions", "rememberCompleter", "recordReport", "rememberCompleter", "recordReview");
    }

    @Test
    void withoutAnAssigneeTheUnitHeadReceivesTheTask() {
        ENGINE.getIdentityService().setAuthenticatedUserId("so-y-te.head");
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, withVariables(
                VAR_UNIT_CODE, "phuong-sai-gon", VAR_TITLE, "Báo cáo nhanh", VAR_DEADLINE_WORKING_DAYS, 2));
        ENGINE.getIdentityService().clearAuthentication();
        assertThat(instance).isWaitingAt(CALL_ASSIGNMENT_LIFECYCLE);
        execute(job());
        ProcessInstance assignment = calledProcessInstance(instance);
        assertThat(assignment).isWaitingAt(AssignmentLifecycleProcess.START_ASSIGNMENT_RECEIVED);
        execute(job());

        assertThat(assignment).isWaitingAt(AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT).variables()
                .containsEntry(AssignmentLifecycleProcess.VAR_REVIEWER, "so-y-te.head");
        assertThat(task()).isAssignedTo("phuong-sai-gon.head");
        assertCandidateGroups(task(), "phuong-sai-gon");
    }

    @Test
    void invalidInputFailsTheStartAndLeavesNothingBehind() {
        ENGINE.getIdentityService().setAuthenticatedUserId(CHAIR);

        assertThatThrownBy(() -> runtimeService().startProcessInstanceByKey(KEY, withVariables(
                VAR_TITLE, "Không có đơn vị", VAR_DEADLINE_WORKING_DAYS, 3)))
                .hasMessageContaining("the unit are required");

        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
        org.assertj.core.api.Assertions.assertThat(ENGINE.getManagementService().createJobQuery().count()).isZero();
        org.assertj.core.api.Assertions.assertThat(created).isEmpty();
    }

    @Test
    void cancellingTheAssignmentFinishesTheInstantAssignment() {
        ENGINE.getIdentityService().setAuthenticatedUserId(CHAIR);
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, withVariables(
                VAR_UNIT_CODE, UNIT, VAR_TITLE, "Việc bị hủy", VAR_DEADLINE_WORKING_DAYS, 3));
        ENGINE.getIdentityService().clearAuthentication();
        assertThat(instance).isWaitingAt(CALL_ASSIGNMENT_LIFECYCLE);
        execute(job());
        ProcessInstance assignment = calledProcessInstance(instance);
        assertThat(assignment).isWaitingAt(AssignmentLifecycleProcess.START_ASSIGNMENT_RECEIVED);
        execute(job());

        runtimeService().createMessageCorrelation(AssignmentLifecycleProcess.MESSAGE_CANCEL)
                .processInstanceBusinessKey("GV-1")
                .setVariables(Map.of(AssignmentLifecycleProcess.VAR_CANCEL_REASON, "Giao nhầm",
                        AssignmentLifecycleProcess.VAR_LAST_ACTOR, CHAIR))
                .correlateWithResult();

        assertThat(assignment).hasPassed(AssignmentLifecycleProcess.END_ASSIGNMENT_CANCELLED).isEnded();
        assertThat(instance).hasPassed(END_TASK_FINISHED).isEnded();
        org.assertj.core.api.Assertions.assertThat(lifecycle.steps("GV-1"))
                .containsExactly("openAssignment", "offerDelegationOptions", "recordCancellation");
    }
}
