package vn.dieuhanh.directive;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.claim;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.formService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static vn.dieuhanh.directive.DirectiveHandlingProcess.*;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.engine.variable.value.ObjectValue;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import vn.dieuhanh.ProcessTestEngine;
import vn.dieuhanh.assignment.AssignmentLifecycleProcess;
import vn.dieuhanh.assignment.LifecycleFakes;

@Deployment(resources = {"processes/directive/directive-handling.bpmn",
        "processes/assignment/assignment-lifecycle.bpmn", "processes/directive/document-acknowledgement.bpmn",
        "forms/register-directive.form", "forms/assign-directive.form", "forms/handle-assignment.form",
        "forms/review-assignment-result.form", "forms/review-extension-request.form",
        "forms/document-acknowledgement.form", "forms/close-directive-with-open-work.form",
        "forms/confirm-directive-assignment.form"})
class DirectiveHandlingProcessTest {

    @RegisterExtension
    static final ProcessEngineExtension ENGINE = ProcessTestEngine.extension();

    static final String CLERK = "office.clerk";
    static final String CHAIR = "chair";
    static final String LEAD = "so-y-te";
    static final String FINANCE = "so-tai-chinh";
    static final String WARD = "phuong-sai-gon";
    static final String EDUCATION = "so-giao-duc-va-dao-tao";
    static final String NUMBER = "15/CT-UBND";
    static final String SUMMARY = "Về phòng, chống sốt xuất huyết mùa mưa 2026";
    /** The fake has no working-day calendar: N working days are N calendar days after this instant. */
    static final OffsetDateTime ASSIGNED_AT = OffsetDateTime.of(2026, 3, 2, 17, 0, 0, 0, ZoneOffset.ofHours(7));

    final LifecycleFakes lifecycle = new LifecycleFakes();
    final List<String> steps = new ArrayList<>();
    final List<String> decidedBy = new ArrayList<>();

    @BeforeEach
    void useTheTestEngineAndTheFakes() {
        init(ENGINE.getProcessEngine());
        lifecycle.register();
        // the real listener names tasks from the directives' table (tested on PostgreSQL)
        Mocks.register("nameDirectiveTask", (TaskListener) task -> { });
        Mocks.register("registerDirective", registerDirective());
        Mocks.register("planDirectiveAssignments", planDirectiveAssignments());
        Mocks.register("computeDirectiveDeadlines", (JavaDelegate) execution -> {
            steps.add("computeDirectiveDeadlines");
            execution.setVariable(VAR_DEADLINE_PREVIEW, "Đơn vị chủ trì: " + execution.getVariable(VAR_LEAD_UNIT));
            execution.setVariable(VAR_ASSIGNMENT_CONFIRMER, execution.getVariable(VAR_LAST_ACTOR));
        });
        Mocks.register("closeDirective", (JavaDelegate) execution -> steps.add("closeDirective"));
        Mocks.register("findOpenDirectiveWork", findOpenDirectiveWork());
        Mocks.register("recordCloseDecision", (JavaDelegate) execution -> {
            steps.add("recordCloseDecision:" + execution.getVariable(VAR_CLOSE_DECISION));
            decidedBy.add((String) execution.getVariable(VAR_LAST_ACTOR));
        });
        Mocks.register("cancelOpenDirectiveWork", (JavaDelegate) execution -> steps.add("cancelOpenDirectiveWork"));
    }

    @AfterEach
    void forgetTheFakes() {
        Mocks.reset();
        ENGINE.getIdentityService().clearAuthentication();
    }

    // --- fakes of DirectiveDelegates -------------------------------------------------------------------------------

    JavaDelegate registerDirective() {
        return execution -> {
            steps.add("registerDirective");
            execution.setVariable(VAR_DIRECTIVE_ID, "CD-1");
            execution.setVariable(VAR_UNIT_OPTIONS, org.camunda.spin.plugin.variable.SpinValues.jsonValue(
                    "[{\"label\":\"Sở Y tế\",\"value\":\"so-y-te\"}]").create());
            if (execution.getVariable(VAR_ASSIGNMENT_PLANNED) == null) {
                execution.setVariable(VAR_ASSIGNMENT_PLANNED, false);
            }
        };
    }

    /**
     * Open work as the engine shows it (the real delegate reads the assignments' table and the running
     * acknowledgements): the coordinating assignments and acknowledgements still running; the decider is the leader
     * who assigned the directive.
     */
    JavaDelegate findOpenDirectiveWork() {
        return execution -> {
            steps.add("findOpenDirectiveWork");
            String lead = (String) execution.getVariable(VAR_LEAD_ASSIGNMENT_ID);
            List<String> open = new ArrayList<>();
            for (ProcessInstance called : execution.getProcessEngineServices().getRuntimeService()
                    .createProcessInstanceQuery().superProcessInstanceId(execution.getProcessInstanceId()).list()) {
                if (!lead.equals(called.getBusinessKey())) {
                    open.add(called.getBusinessKey() == null ? "acknowledgement" : called.getBusinessKey());
                }
            }
            execution.setVariable(VAR_OPEN_WORK_REMAINING, !open.isEmpty());
            execution.setVariable(VAR_OPEN_WORK, open.isEmpty() ? null : String.join("\n", open));
            Object assignedBy = execution.getVariable(VAR_ASSIGNED_BY);
            execution.setVariable(VAR_CLOSE_DECIDER, assignedBy != null ? assignedBy : CHAIR);
        };
    }

    /** Records one assignment per unit in the lifecycle's book and sets the ids the call activities read. */
    JavaDelegate planDirectiveAssignments() {
        return execution -> {
            steps.add("planDirectiveAssignments");
            String directiveId = (String) execution.getVariable(VAR_DIRECTIVE_ID);
            Object assignedBy = execution.getVariable(VAR_ASSIGNED_BY);
            String leader = assignedBy != null ? assignedBy.toString() : (String) execution.getVariable("lastActor");
            String leadUnit = (String) execution.getVariable(VAR_LEAD_UNIT);
            String leadId = directiveId + "-" + leadUnit;
            lifecycle.assignment(leadId, new LifecycleFakes.Assignment(leadUnit, NUMBER + ": " + SUMMARY, leader,
                    leadUnit, null, afterDays(execution.getVariable(VAR_DEADLINE_WORKING_DAYS))));
            ArrayList<String> coordinatingIds = new ArrayList<>();
            for (String unit : strings(execution, VAR_COORDINATING_UNITS)) {
                String id = directiveId + "-" + unit;
                lifecycle.assignment(id, new LifecycleFakes.Assignment(unit, NUMBER + ": " + SUMMARY,
                        leadUnit + ".head", unit, null, afterDays(execution.getVariable(VAR_COORDINATING_WORKING_DAYS))));
                coordinatingIds.add(id);
            }
            execution.setVariable(VAR_LEAD_ASSIGNMENT_ID, leadId);
            execution.setVariable(VAR_COORDINATING_ASSIGNMENT_IDS, coordinatingIds);
            execution.setVariable(VAR_INFORMED_UNITS, strings(execution, VAR_INFORMED_UNITS));
        };
    }

    private static ArrayList<String> strings(DelegateExecution execution, String name) {
        Object value = execution.getVariable(name);
        ArrayList<String> strings = new ArrayList<>();
        if (value instanceof SpinJsonNode json) {
            json.elements().forEach(element -> strings.add(element.stringValue()));
        } else if (value instanceof Collection<?> values) {
            values.forEach(element -> strings.add(element.toString()));
        }
        return strings;
    }

    private static Date afterDays(Object workingDays) {
        return Date.from(ASSIGNED_AT.plusDays(((Number) workingDays).longValue()).toInstant());
    }

    // --- tests -----------------------------------------------------------------------------------------------------

    @Test
    void theLeaderAssignsTheUnitsAndTheLeadUnitsAcceptedResultClosesTheDirective() throws IOException {
        assertStartForm(FORM_REGISTER);
        ENGINE.getIdentityService().setAuthenticatedUserId(CLERK);
        ProcessInstance directive = runtimeService().startProcessInstanceByKey(KEY, registration());
        ENGINE.getIdentityService().clearAuthentication();

        assertThat(directive).hasPassed(START_DIRECTIVE_RECEIVED, SERVICE_REGISTER_DIRECTIVE)
                .isWaitingAt(TASK_ASSIGN_DIRECTIVE).variables()
                .containsEntry(VAR_REGISTERED_BY, CLERK).containsEntry(VAR_DIRECTIVE_ID, "CD-1")
                .containsEntry(VAR_ASSIGNMENT_PLANNED, false).containsKey(VAR_UNIT_OPTIONS);
        assertThat(task()).hasCandidateGroup("role-leader").isNotAssigned();
        assertTaskForm(task(), FORM_ASSIGN);

        claim(task(), CHAIR);
        ENGINE.getIdentityService().setAuthenticatedUserId(CHAIR);
        complete(task(), withVariables(VAR_LEAD_UNIT, LEAD, VAR_DEADLINE_WORKING_DAYS, 20,
                VAR_COORDINATING_UNITS, new ArrayList<>(List.of(FINANCE, WARD)), VAR_COORDINATING_WORKING_DAYS, 10,
                VAR_INFORMED_UNITS, new ArrayList<>(List.of(EDUCATION)), VAR_ASSIGNMENT_NOTE, "Khẩn trương"));
        ENGINE.getIdentityService().clearAuthentication();

        // the computed deadlines go back to the same leader, who confirms them before anything is assigned
        assertThat(directive).hasPassedInOrder(TASK_ASSIGN_DIRECTIVE, SERVICE_COMPUTE_DEADLINES)
                .isWaitingAt(TASK_CONFIRM_ASSIGNMENT).hasNotPassed(SERVICE_PLAN_ASSIGNMENTS).variables()
                .containsEntry(VAR_DEADLINE_PREVIEW, "Đơn vị chủ trì: " + LEAD);
        assertThat(task()).isAssignedTo(CHAIR);
        assertTaskForm(task(), FORM_CONFIRM_ASSIGNMENT);
        ENGINE.getIdentityService().setAuthenticatedUserId(CHAIR);
        complete(task(), withVariables(VAR_ASSIGNMENT_CONFIRMATION, CONFIRMATION_CONFIRM));
        ENGINE.getIdentityService().clearAuthentication();

        assertThat(directive).hasPassedInOrder(TASK_ASSIGN_DIRECTIVE, SERVICE_COMPUTE_DEADLINES,
                        TASK_CONFIRM_ASSIGNMENT, GATEWAY_ASSIGNMENT_CONFIRMED, GATEWAY_READY_TO_PLAN,
                        SERVICE_PLAN_ASSIGNMENTS)
                .isWaitingAt(CALL_LEAD_ASSIGNMENT, multiInstance(CALL_COORDINATING_ASSIGNMENTS), multiInstance(CALL_INFORM_UNITS)).variables()
                .containsEntry("lastActor", CHAIR)
                .containsEntry(VAR_LEAD_ASSIGNMENT_ID, "CD-1-so-y-te")
                .containsEntry(VAR_COORDINATING_ASSIGNMENT_IDS, List.of("CD-1-so-tai-chinh", "CD-1-phuong-sai-gon"))
                .containsEntry(VAR_INFORMED_UNITS, List.of(EDUCATION));
        // no Java serialization: the lists are JSON, as in production
        for (String list : List.of(VAR_COORDINATING_ASSIGNMENT_IDS, VAR_INFORMED_UNITS)) {
            ObjectValue stored = runtimeService().getVariableTyped(directive.getId(), list, false);
            org.assertj.core.api.Assertions.assertThat(stored.getSerializationDataFormat()).as(list)
                    .isEqualTo("application/json");
        }

        runAllJobs();

        Map<String, ProcessInstance> assignments = assignmentsOf(directive);
        org.assertj.core.api.Assertions.assertThat(assignments).containsOnlyKeys(
                "CD-1-so-y-te", "CD-1-so-tai-chinh", "CD-1-phuong-sai-gon");
        for (Map.Entry<String, ProcessInstance> assignment : assignments.entrySet()) {
            assertThat(assignment.getValue()).isWaitingAt(AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT)
                    .variables().containsEntry(AssignmentLifecycleProcess.VAR_ASSIGNMENT_ID, assignment.getKey());
        }
        assertHandledBy(assignments.get("CD-1-so-y-te"), LEAD, afterDays(20));
        assertHandledBy(assignments.get("CD-1-so-tai-chinh"), FINANCE, afterDays(10));
        assertHandledBy(assignments.get("CD-1-phuong-sai-gon"), WARD, afterDays(10));

        ProcessInstance acknowledgement = runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(DocumentAcknowledgementProcess.KEY).superProcessInstanceId(directive.getId())
                .singleResult();
        assertThat(acknowledgement).isWaitingAt(DocumentAcknowledgementProcess.TASK_ACKNOWLEDGE_DOCUMENT).variables()
                .containsEntry(DocumentAcknowledgementProcess.VAR_RECIPIENT_UNIT, EDUCATION)
                .containsEntry(DocumentAcknowledgementProcess.VAR_DOCUMENT_NUMBER, NUMBER)
                .containsEntry(DocumentAcknowledgementProcess.VAR_DOCUMENT_SUMMARY, SUMMARY);
        assertThat(task()).hasCandidateGroup(EDUCATION);
        complete(task());
        continueAfter(directive, CALL_INFORM_UNITS);
        // the informed unit has confirmed: its branch waits for the others at the join
        assertThat(directive).isWaitingAt(GATEWAY_ALL_WORK_DONE).isNotEnded();

        ProcessInstance lead = assignments.get("CD-1-so-y-te");
        assertThat(lead).isWaitingAt(AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_HANDLING_DECISION,
                AssignmentLifecycleProcess.DECISION_REPORT, AssignmentLifecycleProcess.VAR_RESULT_SUMMARY, "Đã triển khai"));
        assertThat(lead).isWaitingAt(AssignmentLifecycleProcess.TASK_REVIEW_RESULT);
        assertThat(task()).isAssignedTo(CHAIR);
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_RESULT_ACCEPTED, "true"));

        // the lead unit's result is accepted while both coordinating units still work: nothing is cancelled
        // silently, the leader who assigned the directive decides, seeing what is still open
        assertThat(lead).hasPassed(AssignmentLifecycleProcess.END_ASSIGNMENT_COMPLETED).isEnded();
        assertThat(directive).hasPassedInOrder(CALL_LEAD_ASSIGNMENT, GATEWAY_LEAD_OUTCOME, SERVICE_FIND_OPEN_WORK,
                GATEWAY_OPEN_WORK).isWaitingAt(TASK_DECIDE_ON_OPEN_WORK, GATEWAY_ALL_WORK_DONE)
                .hasNotPassed(SERVICE_CLOSE_DIRECTIVE).variables()
                .containsEntry(VAR_OPEN_WORK, "CD-1-so-tai-chinh\nCD-1-phuong-sai-gon");
        assertThat(assignments.get("CD-1-so-tai-chinh")).isWaitingAt(AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        assertThat(directive).isWaitingAt(TASK_DECIDE_ON_OPEN_WORK);
        assertThat(task()).isAssignedTo(CHAIR).hasName("Kết thúc chỉ đạo khi còn đơn vị phối hợp chưa hoàn thành");
        assertTaskForm(task(), FORM_CLOSE_WITH_OPEN_WORK);

        // close now: the remaining work is cancelled with the leader's reason, the directive ends
        ENGINE.getIdentityService().setAuthenticatedUserId(CHAIR);
        complete(task(), withVariables(VAR_CLOSE_DECISION, DECISION_CLOSE_NOW,
                VAR_CLOSE_REASON, "Kết quả chủ trì đã đủ, không cần phối hợp thêm"));
        ENGINE.getIdentityService().clearAuthentication();
        assertThat(directive).hasPassedInOrder(TASK_DECIDE_ON_OPEN_WORK, SERVICE_RECORD_CLOSE_DECISION,
                GATEWAY_CLOSE_NOW, SERVICE_CANCEL_OPEN_WORK, GATEWAY_READY_TO_CLOSE, SERVICE_CLOSE_DIRECTIVE,
                END_DIRECTIVE_COMPLETED).isEnded();
        org.assertj.core.api.Assertions.assertThat(decidedBy).containsExactly(CHAIR);
        assertThat(assignments.get("CD-1-so-tai-chinh")).isEnded();
        assertThat(assignments.get("CD-1-phuong-sai-gon")).isEnded();
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery().count()).isZero();
        org.assertj.core.api.Assertions.assertThat(taskService().createTaskQuery().count()).isZero();
        org.assertj.core.api.Assertions.assertThat(managementService().createJobQuery().count()).isZero();
        org.assertj.core.api.Assertions.assertThat(steps).containsExactly("registerDirective",
                "computeDirectiveDeadlines", "planDirectiveAssignments", "findOpenDirectiveWork",
                "recordCloseDecision:closeNow",
                "cancelOpenDirectiveWork", "closeDirective");
        org.assertj.core.api.Assertions.assertThat(lifecycle.steps("CD-1-so-tai-chinh"))
                .containsExactly("openAssignment", "offerDelegationOptions");
    }

    @Test
    void aLeaderWhoDoesNotConfirmTheComputedDeadlinesGetsTheAssignmentFormBackAndNothingIsAssigned() {
        ENGINE.getIdentityService().setAuthenticatedUserId(CLERK);
        ProcessInstance directive = runtimeService().startProcessInstanceByKey(KEY, registration());
        ENGINE.getIdentityService().setAuthenticatedUserId(CHAIR);
        assertThat(directive).isWaitingAt(TASK_ASSIGN_DIRECTIVE);
        claim(task(), CHAIR);
        complete(task(), withVariables(VAR_LEAD_UNIT, LEAD, VAR_DEADLINE_WORKING_DAYS, 3));
        assertThat(directive).isWaitingAt(TASK_CONFIRM_ASSIGNMENT);

        complete(task(), withVariables(VAR_ASSIGNMENT_CONFIRMATION, CONFIRMATION_REVISE));
        ENGINE.getIdentityService().clearAuthentication();

        assertThat(directive).hasPassedInOrder(TASK_CONFIRM_ASSIGNMENT, GATEWAY_ASSIGNMENT_CONFIRMED,
                GATEWAY_ASSIGN_OR_REVISE).isWaitingAt(TASK_ASSIGN_DIRECTIVE).hasNotPassed(SERVICE_PLAN_ASSIGNMENTS);
        assertThat(task()).hasCandidateGroup("role-leader");
        org.assertj.core.api.Assertions.assertThat(steps).containsExactly("registerDirective",
                "computeDirectiveDeadlines");
    }

    @Test
    void aPlanGivenAtRegistrationSkipsTheLeadersTaskAndTheDirectiveWaitsForTheLeadUnit() {
        ENGINE.getIdentityService().setAuthenticatedUserId(CLERK);
        Map<String, Object> registration = registration();
        registration.putAll(withVariables(VAR_ASSIGNMENT_PLANNED, true, VAR_ASSIGNED_BY, CHAIR,
                VAR_LEAD_UNIT, LEAD, VAR_DEADLINE_WORKING_DAYS, 15,
                VAR_COORDINATING_UNITS, new ArrayList<>(List.of(FINANCE)), VAR_COORDINATING_WORKING_DAYS, 5,
                VAR_INFORMED_UNITS, new ArrayList<String>()));
        ProcessInstance directive = runtimeService().startProcessInstanceByKey(KEY, registration);
        ENGINE.getIdentityService().clearAuthentication();

        assertThat(directive).hasPassedInOrder(SERVICE_REGISTER_DIRECTIVE, GATEWAY_READY_TO_PLAN, SERVICE_PLAN_ASSIGNMENTS)
                .hasNotPassed(TASK_ASSIGN_DIRECTIVE)
                .isWaitingAt(CALL_LEAD_ASSIGNMENT, multiInstance(CALL_COORDINATING_ASSIGNMENTS), multiInstance(CALL_INFORM_UNITS));
        runAllJobs();

        // nobody to inform: that branch reaches the join at once
        assertThat(directive).hasPassed(multiInstance(CALL_INFORM_UNITS)).isWaitingAt(GATEWAY_ALL_WORK_DONE).isNotEnded();
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(DocumentAcknowledgementProcess.KEY).count()).isZero();
        Map<String, ProcessInstance> assignments = assignmentsOf(directive);
        org.assertj.core.api.Assertions.assertThat(assignments).containsOnlyKeys("CD-1-so-y-te", "CD-1-so-tai-chinh");

        // the coordinating unit reports to the lead unit's head, who accepts
        ProcessInstance finance = assignments.get("CD-1-so-tai-chinh");
        assertHandledBy(finance, FINANCE, afterDays(5));
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_HANDLING_DECISION,
                AssignmentLifecycleProcess.DECISION_REPORT, AssignmentLifecycleProcess.VAR_RESULT_SUMMARY, "Đã bố trí kinh phí"));
        assertThat(finance).isWaitingAt(AssignmentLifecycleProcess.TASK_REVIEW_RESULT);
        assertThat(task()).isAssignedTo("so-y-te.head");
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_RESULT_ACCEPTED, "true"));
        assertThat(finance).isEnded();
        continueAfter(directive, CALL_COORDINATING_ASSIGNMENTS);
        assertThat(directive).isWaitingAt(CALL_LEAD_ASSIGNMENT, GATEWAY_ALL_WORK_DONE)
                .hasNotPassed(SERVICE_CLOSE_DIRECTIVE);

        ProcessInstance lead = assignments.get("CD-1-so-y-te");
        assertHandledBy(lead, LEAD, afterDays(15));
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_HANDLING_DECISION,
                AssignmentLifecycleProcess.DECISION_REPORT, AssignmentLifecycleProcess.VAR_RESULT_SUMMARY, "Hoàn thành"));
        assertThat(lead).isWaitingAt(AssignmentLifecycleProcess.TASK_REVIEW_RESULT);
        assertThat(task()).isAssignedTo(CHAIR);
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_RESULT_ACCEPTED, "true"));

        // nothing is open any more: the directive closes directly, nobody is asked
        assertThat(directive).hasPassedInOrder(SERVICE_FIND_OPEN_WORK, GATEWAY_OPEN_WORK, GATEWAY_READY_TO_CLOSE,
                SERVICE_CLOSE_DIRECTIVE, END_DIRECTIVE_COMPLETED).hasNotPassed(TASK_DECIDE_ON_OPEN_WORK).isEnded();
        org.assertj.core.api.Assertions.assertThat(steps).containsExactly("registerDirective",
                "planDirectiveAssignments", "findOpenDirectiveWork", "closeDirective");
    }

    @Test
    void cancellingTheLeadAssignmentStopsTheDirectiveInsteadOfCompletingIt() {
        Map<String, Object> registration = registration();
        registration.putAll(withVariables(VAR_ASSIGNMENT_PLANNED, true, VAR_ASSIGNED_BY, CHAIR,
                VAR_LEAD_UNIT, LEAD, VAR_DEADLINE_WORKING_DAYS, 15,
                VAR_COORDINATING_UNITS, new ArrayList<>(List.of(FINANCE)), VAR_COORDINATING_WORKING_DAYS, 5,
                VAR_INFORMED_UNITS, new ArrayList<String>()));
        ProcessInstance directive = runtimeService().startProcessInstanceByKey(KEY, registration);
        runAllJobs();
        ProcessInstance lead = assignmentsOf(directive).get("CD-1-so-y-te");

        runtimeService().createMessageCorrelation(AssignmentLifecycleProcess.MESSAGE_CANCEL)
                .processInstanceId(lead.getId())
                .setVariable(AssignmentLifecycleProcess.VAR_CANCEL_REASON, "Giao cho đơn vị khác")
                .correlate();

        assertThat(directive).hasPassedInOrder(GATEWAY_LEAD_OUTCOME, SERVICE_STOP_DIRECTIVE, END_DIRECTIVE_STOPPED)
                .hasNotPassed(SERVICE_CLOSE_DIRECTIVE).isEnded();
        // the coordinating assignment ends with the directive (closeDirective records it as cancelled)
        org.assertj.core.api.Assertions.assertThat(runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(AssignmentLifecycleProcess.KEY).count()).isZero();
        org.assertj.core.api.Assertions.assertThat(steps)
                .containsExactly("registerDirective", "planDirectiveAssignments", "closeDirective");
    }

    @Test
    void theAssignerMayWaitForTheCoordinatingUnitsAndTheDirectiveClosesWhenTheyAreDone() {
        Map<String, Object> registration = registration();
        registration.putAll(withVariables(VAR_ASSIGNMENT_PLANNED, true, VAR_ASSIGNED_BY, CHAIR,
                VAR_LEAD_UNIT, LEAD, VAR_DEADLINE_WORKING_DAYS, 15,
                VAR_COORDINATING_UNITS, new ArrayList<>(List.of(FINANCE)), VAR_COORDINATING_WORKING_DAYS, 5,
                VAR_INFORMED_UNITS, new ArrayList<String>()));
        ProcessInstance directive = runtimeService().startProcessInstanceByKey(KEY, registration);
        runAllJobs();
        Map<String, ProcessInstance> assignments = assignmentsOf(directive);

        // the lead unit finishes first
        ProcessInstance lead = assignments.get("CD-1-so-y-te");
        assertHandledBy(lead, LEAD, afterDays(15));
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_HANDLING_DECISION,
                AssignmentLifecycleProcess.DECISION_REPORT, AssignmentLifecycleProcess.VAR_RESULT_SUMMARY, "Hoàn thành"));
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_RESULT_ACCEPTED, "true"));
        assertThat(directive).isWaitingAt(TASK_DECIDE_ON_OPEN_WORK, GATEWAY_ALL_WORK_DONE)
                .variables().containsEntry(VAR_OPEN_WORK, "CD-1-so-tai-chinh").containsEntry(VAR_CLOSE_DECIDER, CHAIR);

        // the assigner waits: nothing is cancelled, the directive waits at the join for the coordinating unit
        ENGINE.getIdentityService().setAuthenticatedUserId(CHAIR);
        complete(task(), withVariables(VAR_CLOSE_DECISION, DECISION_WAIT));
        ENGINE.getIdentityService().clearAuthentication();
        assertThat(directive).hasPassedInOrder(SERVICE_RECORD_CLOSE_DECISION, GATEWAY_CLOSE_NOW)
                .hasNotPassed(SERVICE_CANCEL_OPEN_WORK, SERVICE_CLOSE_DIRECTIVE)
                .isWaitingAt(GATEWAY_ALL_WORK_DONE, CALL_COORDINATING_ASSIGNMENTS).isNotEnded();

        // the coordinating unit's contribution is accepted: now everything is done and the directive closes
        ProcessInstance finance = assignments.get("CD-1-so-tai-chinh");
        assertHandledBy(finance, FINANCE, afterDays(5));
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_HANDLING_DECISION,
                AssignmentLifecycleProcess.DECISION_REPORT, AssignmentLifecycleProcess.VAR_RESULT_SUMMARY, "Đã xong"));
        complete(task(), withVariables(AssignmentLifecycleProcess.VAR_RESULT_ACCEPTED, "true"));
        assertThat(finance).hasPassed(AssignmentLifecycleProcess.END_ASSIGNMENT_COMPLETED).isEnded();
        continueAfter(directive, CALL_COORDINATING_ASSIGNMENTS);
        assertThat(directive).hasPassedInOrder(GATEWAY_ALL_WORK_DONE, GATEWAY_READY_TO_CLOSE, SERVICE_CLOSE_DIRECTIVE,
                END_DIRECTIVE_COMPLETED).hasNotPassed(SERVICE_CANCEL_OPEN_WORK).isEnded();
        org.assertj.core.api.Assertions.assertThat(steps).containsExactly("registerDirective",
                "planDirectiveAssignments", "findOpenDirectiveWork", "recordCloseDecision:wait", "closeDirective");
        org.assertj.core.api.Assertions.assertThat(decidedBy).containsExactly(CHAIR);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    /** The asynchronous continuation of a multi-instance activity waits in front of its body. */
    private static String multiInstance(String activityId) {
        return activityId + "#multiInstanceBody";
    }

    private static Map<String, Object> registration() {
        return withVariables(VAR_SOURCE, "CITY_PEOPLES_COMMITTEE", VAR_DOCUMENT_NUMBER, NUMBER,
                VAR_ISSUED_ON, "2026-02-27", VAR_SUMMARY, SUMMARY, VAR_URGENCY, "URGENT");
    }

    /** Executes the jobs of the asynchronous call activities and of the called processes' start events. */
    /**
     * The save point after each unit's call activity (asyncAfter on the loop characteristics): a unit's completion
     * ends only its own called instance; it reaches the directive's multi-instance body in a job of its own, so units
     * finishing at the same moment do not collide on the directive. Runs that one job.
     */
    private static void continueAfter(ProcessInstance directive, String callActivity) {
        assertThat(directive).isWaitingAt(callActivity);
        Job job = managementService().createJobQuery().processInstanceId(directive.getId()).activityId(callActivity)
                .singleResult();
        org.assertj.core.api.Assertions.assertThat(job).as("the save point after " + callActivity).isNotNull();
        managementService().executeJob(job.getId());
    }

    private static void runAllJobs() {
        for (int round = 0; round < 10; round++) {
            List<Job> jobs = managementService().createJobQuery().executable().list();
            if (jobs.isEmpty()) {
                return;
            }
            jobs.forEach(job -> managementService().executeJob(job.getId()));
        }
        throw new AssertionError("jobs keep appearing: " + managementService().createJobQuery().list());
    }

    private static Map<String, ProcessInstance> assignmentsOf(ProcessInstance directive) {
        Map<String, ProcessInstance> byBusinessKey = new java.util.TreeMap<>();
        for (ProcessInstance instance : runtimeService().createProcessInstanceQuery()
                .processDefinitionKey(AssignmentLifecycleProcess.KEY).superProcessInstanceId(directive.getId()).list()) {
            byBusinessKey.put(instance.getBusinessKey(), instance);
        }
        return byBusinessKey;
    }

    /** The unit's handling task: with its head, offered to the unit, due at the planned deadline. */
    private static void assertHandledBy(ProcessInstance assignment, String unit, Date deadline) {
        assertThat(assignment).isWaitingAt(AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        Task task = task();
        assertThat(task).isAssignedTo(unit + ".head").hasDueDate(deadline);
        org.assertj.core.api.Assertions.assertThat(taskService().getIdentityLinksForTask(task.getId()))
                .filteredOn(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
                .extracting(IdentityLink::getGroupId).containsExactly(unit);
    }

    private static void assertStartForm(String formId) throws IOException {
        String definitionId = ENGINE.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(KEY)
                .singleResult().getId();
        CamundaFormRef ref = formService().getStartFormData(definitionId).getCamundaFormRef();
        org.assertj.core.api.Assertions.assertThat(ref.getKey()).isEqualTo(formId);
        org.assertj.core.api.Assertions.assertThat(ref.getBinding()).isEqualTo("latest");
        try (InputStream form = formService().getDeployedStartForm(definitionId)) {
            org.assertj.core.api.Assertions.assertThat(formId(form)).isEqualTo(formId);
        }
    }

    private static void assertTaskForm(Task task, String formId) throws IOException {
        CamundaFormRef ref = taskService().createTaskQuery().taskId(task.getId()).initializeFormKeys().singleResult()
                .getCamundaFormRef();
        org.assertj.core.api.Assertions.assertThat(ref.getKey()).isEqualTo(formId);
        org.assertj.core.api.Assertions.assertThat(ref.getBinding()).isEqualTo("latest");
        try (InputStream form = formService().getDeployedTaskForm(task.getId())) {
            org.assertj.core.api.Assertions.assertThat(formId(form)).isEqualTo(formId);
        }
    }

    private static String formId(InputStream form) throws IOException {
        return Spin.JSON(new String(form.readAllBytes(), StandardCharsets.UTF_8)).prop("id").stringValue();
    }
}
