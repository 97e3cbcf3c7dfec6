package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.historyService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dieuhanh.ProcessTestEngine;

@Deployment(resources = {"processes/assignment/assignment-lifecycle.bpmn", "forms/handle-assignment.form",
        "forms/review-assignment-result.form", "forms/review-extension-request.form"})
class AssignmentLifecycleProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    static final String ID = "NV-2026-0001";
    static final String UNIT = "phuong-sai-gon";
    static final String HEAD = "phuong-sai-gon.head";
    static final String REVIEWER = "vicechair";
    static final String DIVISION = "phuong-sai-gon.van-hoa-xa-hoi";
    static final String OFFICIAL = "phuong-sai-gon.officer";
    static final Date DEADLINE = Date.from(OffsetDateTime.of(2026, 3, 20, 17, 0, 0, 0, ZoneOffset.ofHours(7)).toInstant());

    final LifecycleFakes fakes = new LifecycleFakes()
            .assignment(ID, new LifecycleFakes.Assignment(UNIT, "Rà soát hộ nghèo quý I", REVIEWER, UNIT, null, DEADLINE))
            .delegationTarget(DIVISION, DIVISION, null)
            .delegationTarget(OFFICIAL, DIVISION, OFFICIAL);

    @BeforeEach
    void useTheTestEngineAndTheFakes() {
        init(ENGINE.getProcessEngine());
        fakes.register();
    }

    @AfterEach
    void forgetTheFakes() {
        Mocks.reset();
        ENGINE.getIdentityService().clearAuthentication();
    }

    @Test
    void theUnitHeadReportsAndTheReviewerAcceptsTheResult() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, ID,
                withVariables(VAR_ASSIGNMENT_ID, ID));
        assertThat(instance).isWaitingAt(START_ASSIGNMENT_RECEIVED);
        execute(job());

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT).variables()
                .containsEntry(VAR_UNIT_CODE, UNIT)
                .containsEntry(VAR_TITLE, "Rà soát hộ nghèo quý I")
                .containsEntry(VAR_REVIEWER, REVIEWER)
                .containsEntry(VAR_HOLDER_GROUP, UNIT)
                .containsEntry(VAR_HOLDER_USER, HEAD)
                .containsEntry(VAR_DEADLINE, DEADLINE);
        assertThat(task()).isAssignedTo(HEAD).hasDueDate(DEADLINE);
        assertCandidateGroups(task(), UNIT);
        assertFormRef(FORM_HANDLE);
        SpinJsonNode options = (SpinJsonNode) runtimeService().getVariable(instance.getId(), VAR_DELEGATION_OPTIONS);
        org.assertj.core.api.Assertions.assertThat(options.elements()).extracting(o -> o.prop("value").stringValue())
                .containsExactlyInAnyOrder(DIVISION, OFFICIAL);

        complete(task(), withVariables(VAR_HANDLING_DECISION, DECISION_REPORT,
                VAR_RESULT_SUMMARY, "Đã rà soát 120 hộ"));

        assertThat(instance).isWaitingAt(TASK_REVIEW_RESULT).variables().containsEntry(VAR_LAST_ACTOR, HEAD);
        assertThat(task()).isAssignedTo(REVIEWER);
        assertCandidateGroups(task());
        assertFormRef(FORM_REVIEW_RESULT);
        // the form's radio submits "true"/"false" as text; recording the review makes it a boolean for the gateway
        complete(task(), withVariables(VAR_RESULT_ACCEPTED, "true", VAR_REVIEW_NOTE, "Đạt"));

        assertThat(instance).hasPassedInOrder(START_ASSIGNMENT_RECEIVED, SERVICE_OPEN_ASSIGNMENT,
                        GATEWAY_BACK_TO_HANDLING, TASK_HANDLE_ASSIGNMENT, SERVICE_RECORD_REPORT, TASK_REVIEW_RESULT,
                        SERVICE_RECORD_REVIEW, END_ASSIGNMENT_COMPLETED)
                .hasNotPassed(SERVICE_RECORD_DELEGATION, SERVICE_RECORD_EXTENSION_REQUEST, END_ASSIGNMENT_CANCELLED)
                .isEnded();
        org.assertj.core.api.Assertions.assertThat(historicVariable(instance, VAR_RESULT_ACCEPTED)).isEqualTo(true);
        org.assertj.core.api.Assertions.assertThat(historicVariable(instance, VAR_LAST_ACTOR)).isEqualTo(REVIEWER);
        org.assertj.core.api.Assertions.assertThat(fakes.steps(ID)).containsExactly("openAssignment",
                "offerDelegationOptions", "rememberCompleter", "recordReport", "rememberCompleter", "recordReview");
    }

    @Test
    void theHeadDelegatesToADivisionWhichDelegatesToOneOfItsOfficials() {
        ProcessInstance instance = startAtTheUnitHead();

        complete(task(), withVariables(VAR_HANDLING_DECISION, DECISION_DELEGATE, VAR_DELEGATE_TO, DIVISION,
                VAR_HANDLING_NOTE, "Phòng VH-XH chủ trì"));

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT).variables()
                .containsEntry(VAR_HOLDER_GROUP, DIVISION).containsEntry(VAR_HOLDER_USER, null);
        Task divisionTask = task();
        assertThat(divisionTask).isNotAssigned().hasDueDate(DEADLINE);
        assertCandidateGroups(divisionTask, DIVISION);
        org.assertj.core.api.Assertions.assertThat(divisionTask.getTaskDefinitionKey()).isEqualTo(TASK_HANDLE_ASSIGNMENT);

        claim(divisionTask, "phuong-sai-gon.vhxh-lead");
        complete(divisionTask, withVariables(VAR_HANDLING_DECISION, DECISION_DELEGATE, VAR_DELEGATE_TO, OFFICIAL));

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT).variables()
                .containsEntry(VAR_HOLDER_GROUP, DIVISION).containsEntry(VAR_HOLDER_USER, OFFICIAL)
                .containsEntry(VAR_LAST_ACTOR, "phuong-sai-gon.vhxh-lead");
        assertThat(task()).isAssignedTo(OFFICIAL).hasDueDate(DEADLINE);
        assertCandidateGroups(task(), DIVISION);
        org.assertj.core.api.Assertions.assertThat(fakes.steps(ID)).containsExactly(
                "offerDelegationOptions", "rememberCompleter", "recordDelegation",
                "offerDelegationOptions", "rememberCompleter", "recordDelegation", "offerDelegationOptions");
    }

    @Test
    void aRefusedDelegationRollsTheCompletionBackAndTheHeadKeepsTheTask() {
        ProcessInstance instance = startAtTheUnitHead();
        Task headTask = task();

        assertThatThrownBy(() -> complete(headTask, withVariables(VAR_HANDLING_DECISION, DECISION_DELEGATE,
                VAR_DELEGATE_TO, "so-y-te.officer"))).hasMessageContaining("not a division or official");

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT).hasNotPassed(SERVICE_RECORD_DELEGATION);
        org.assertj.core.api.Assertions.assertThat(task().getId()).isEqualTo(headTask.getId());
        assertThat(task()).isAssignedTo(HEAD);
        org.assertj.core.api.Assertions.assertThat(runtimeService().getVariable(instance.getId(), VAR_DELEGATE_TO))
                .isNull();
    }

    @Test
    void aReturnedResultGoesBackToTheOfficialWhoReportedItUntilItIsAccepted() {
        // the division holds the assignment; one of its officials picks it up and reports
        ProcessInstance instance = runtimeService().createProcessInstanceByKey(KEY).businessKey(ID)
                .startBeforeActivity(TASK_HANDLE_ASSIGNMENT)
                .setVariables(withVariables(VAR_ASSIGNMENT_ID, ID, VAR_UNIT_CODE, UNIT, VAR_REVIEWER, REVIEWER,
                        VAR_HOLDER_GROUP, DIVISION, VAR_HOLDER_USER, null, VAR_DEADLINE, DEADLINE))
                .execute();
        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT);
        assertThat(task()).isNotAssigned();
        assertCandidateGroups(task(), DIVISION);
        claim(task(), OFFICIAL);
        complete(task(), withVariables(VAR_HANDLING_DECISION, DECISION_REPORT, VAR_RESULT_SUMMARY, "Bản nháp"));

        assertThat(instance).isWaitingAt(TASK_REVIEW_RESULT);
        complete(task(), withVariables(VAR_RESULT_ACCEPTED, "false", VAR_REVIEW_NOTE, "Thiếu số liệu phường"));

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT)
                .hasPassedInOrder(GATEWAY_RESULT_ACCEPTED, GATEWAY_BACK_TO_HANDLING).variables()
                .containsEntry(VAR_RESULT_ACCEPTED, false).containsEntry(VAR_HOLDER_USER, OFFICIAL);
        assertThat(task()).isAssignedTo(OFFICIAL).hasDueDate(DEADLINE);
        assertCandidateGroups(task(), DIVISION);
        complete(task(), withVariables(VAR_HANDLING_DECISION, DECISION_REPORT, VAR_RESULT_SUMMARY, "Bản đầy đủ"));

        assertThat(instance).isWaitingAt(TASK_REVIEW_RESULT);
        assertThat(task()).isAssignedTo(REVIEWER);
        complete(task(), withVariables(VAR_RESULT_ACCEPTED, "true"));

        assertThat(instance).hasPassed(END_ASSIGNMENT_COMPLETED).isEnded();
        org.assertj.core.api.Assertions.assertThat(fakes.steps(ID)).containsExactly(
                "offerDelegationOptions", "rememberCompleter", "recordReport", "rememberCompleter", "recordReview",
                "offerDelegationOptions", "rememberCompleter", "recordReport", "rememberCompleter", "recordReview");
    }

    @Test
    void anApprovedExtensionMovesTheDueDateOfTheNextHandlingTask() {
        ProcessInstance instance = startAtTheUnitHead();
        complete(task(), withVariables(VAR_HANDLING_DECISION, DECISION_REQUEST_EXTENSION,
                VAR_PROPOSED_DEADLINE, "2026-04-10", VAR_EXTENSION_REASON, "Chờ số liệu của Sở"));

        Date proposed = Date.from(OffsetDateTime.of(2026, 4, 10, 17, 0, 0, 0, ZoneOffset.ofHours(7)).toInstant());
        assertThat(instance).isWaitingAt(TASK_REVIEW_EXTENSION).variables()
                .containsEntry(VAR_PROPOSED_DEADLINE_AT, proposed);
        assertThat(task()).isAssignedTo(REVIEWER);
        assertFormRef(FORM_REVIEW_EXTENSION);
        complete(task(), withVariables(VAR_EXTENSION_APPROVED, "true", VAR_EXTENSION_DECISION_NOTE, "Đồng ý"));

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT).variables()
                .containsEntry(VAR_EXTENSION_APPROVED, true).containsEntry(VAR_DEADLINE, proposed);
        assertThat(task()).isAssignedTo(HEAD).hasDueDate(proposed);
        assertCandidateGroups(task(), UNIT);
        assertThat(instance).hasPassedInOrder(SERVICE_RECORD_EXTENSION_REQUEST, TASK_REVIEW_EXTENSION,
                SERVICE_RECORD_EXTENSION_DECISION, GATEWAY_EXTENSION_APPROVED, GATEWAY_BACK_TO_HANDLING);
    }

    @Test
    void aRefusedExtensionKeepsTheDeadline() {
        ProcessInstance instance = startAtTheUnitHead();
        complete(task(), withVariables(VAR_HANDLING_DECISION, DECISION_REQUEST_EXTENSION,
                VAR_PROPOSED_DEADLINE, "2026-04-10", VAR_EXTENSION_REASON, "Chờ số liệu của Sở"));
        complete(task(), withVariables(VAR_EXTENSION_APPROVED, "false", VAR_EXTENSION_DECISION_NOTE, "Không"));

        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT)
                .hasPassedInOrder(SERVICE_RECORD_EXTENSION_DECISION, GATEWAY_EXTENSION_APPROVED,
                        GATEWAY_BACK_TO_HANDLING)
                .variables().containsEntry(VAR_EXTENSION_APPROVED, false).containsEntry(VAR_DEADLINE, DEADLINE);
        assertThat(task()).isAssignedTo(HEAD).hasDueDate(DEADLINE);
        org.assertj.core.api.Assertions.assertThat(fakes.steps(ID)).containsExactly("offerDelegationOptions",
                "rememberCompleter", "recordExtensionRequest", "rememberCompleter", "recordExtensionDecision",
                "offerDelegationOptions");
    }

    @Test
    void theAssignerCancelsWhileTheUnitIsHandlingIt() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, ID,
                withVariables(VAR_ASSIGNMENT_ID, ID));
        assertThat(instance).isWaitingAt(START_ASSIGNMENT_RECEIVED);
        execute(job());
        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT);

        runtimeService().createMessageCorrelation(MESSAGE_CANCEL).processInstanceId(instance.getId())
                .setVariables(Map.of(VAR_CANCEL_REASON, "Không còn cần thiết", VAR_LAST_ACTOR, REVIEWER))
                .correlateWithResult();

        assertThat(instance).hasPassedInOrder(START_CANCELLATION_REQUESTED, SERVICE_RECORD_CANCELLATION,
                END_ASSIGNMENT_CANCELLED).hasNotPassed(END_ASSIGNMENT_COMPLETED).isEnded();
        org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().processInstanceId(instance.getId())
                .count()).isZero();
        org.assertj.core.api.Assertions.assertThat(historyService().createHistoricTaskInstanceQuery()
                .processInstanceId(instance.getId()).taskDefinitionKey(TASK_HANDLE_ASSIGNMENT).singleResult()
                .getDeleteReason()).isNotEqualTo("completed");
        org.assertj.core.api.Assertions.assertThat(fakes.steps(ID))
                .containsExactly("openAssignment", "offerDelegationOptions", "recordCancellation");
    }

    private ProcessInstance startAtTheUnitHead() {
        ProcessInstance instance = runtimeService().createProcessInstanceByKey(KEY).businessKey(ID)
                .startBeforeActivity(TASK_HANDLE_ASSIGNMENT)
                .setVariables(withVariables(VAR_ASSIGNMENT_ID, ID, VAR_UNIT_CODE, UNIT, VAR_REVIEWER, REVIEWER,
                        VAR_HOLDER_GROUP, UNIT, VAR_HOLDER_USER, HEAD, VAR_DEADLINE, DEADLINE))
                .execute();
        assertThat(instance).isWaitingAt(TASK_HANDLE_ASSIGNMENT);
        return instance;
    }

    /** The user task's Camunda Form reference, and that it resolves to a deployed form with that id. */
    static void assertFormRef(String formId) {
        Task task = taskService().createTaskQuery().initializeFormKeys().singleResult();
        CamundaFormRef ref = task.getCamundaFormRef();
        org.assertj.core.api.Assertions.assertThat(ref.getKey()).isEqualTo(formId);
        org.assertj.core.api.Assertions.assertThat(ref.getBinding()).isEqualTo("latest");
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            String json = new String(form.readAllBytes(), StandardCharsets.UTF_8);
            org.assertj.core.api.Assertions.assertThat(Spin.JSON(json).prop("id").stringValue()).isEqualTo(formId);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The task's candidate groups, from its identity links ({@code hasCandidateGroup} of camunda-bpm-assert only
     * matches unassigned tasks, and the handling task may have both an assignee and a candidate group).
     */
    static void assertCandidateGroups(Task task, String... groups) {
        org.assertj.core.api.Assertions.assertThat(taskService().getIdentityLinksForTask(task.getId()))
                .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .extracting(IdentityLink::getGroupId).containsExactlyInAnyOrder(groups);
    }

    static Object historicVariable(ProcessInstance instance, String name) {
        HistoricVariableInstance variable = historyService().createHistoricVariableInstanceQuery()
                .processInstanceId(instance.getId()).variableName(name).singleResult();
        return variable == null ? null : variable.getValue();
    }
}
