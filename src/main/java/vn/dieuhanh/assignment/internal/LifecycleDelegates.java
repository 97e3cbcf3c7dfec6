package vn.dieuhanh.assignment.internal;

import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.*;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import vn.dieuhanh.assignment.TrailEventKind;
import vn.dieuhanh.deadline.AlertSchedule;
import vn.dieuhanh.deadline.DeadlineAlerts;
import vn.dieuhanh.deadline.ReminderPolicies;
import vn.dieuhanh.deadline.ReminderPolicy;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.HistoryReadGrants;

/**
 * The service tasks of {@code assignment-lifecycle}, one bean each (wired by name from the BPMN). They run in the
 * transaction of the user task that precedes them, so a rejected choice (delegating outside the unit, a past
 * extension date) rolls the completion back and the official sees the message in Tasklist.
 */
@Configuration(proxyBeanMethods = false)
class LifecycleDelegates {

    @Bean
    JavaDelegate openAssignment(AssignmentService assignments, HistoryReadGrants history) {
        return execution -> {
            // the calling process names the assignment (and its business key); it is bound to this instance once, and
            // every later step reads it back by process instance
            String assignmentId = new LifecycleVariables(execution).assignmentId();
            String businessKey = execution.getProcessBusinessKey();
            if (businessKey != null && !businessKey.equals(assignmentId)) {
                throw new IllegalStateException("The lifecycle's business key names another assignment");
            }
            AssignmentRecord assignment = assignments.attachProcessInstance(assignmentId,
                    execution.getProcessInstanceId());
            LifecycleVariables vars = new LifecycleVariables(execution);
            // the instance's history is read by those who may read the assignment (see AssignmentVisibility)
            List<String> groups = new ArrayList<>(List.of(assignment.unitCode()));
            if (assignment.leadAssignmentId() != null) {
                groups.add(assignments.get(assignment.leadAssignmentId()).unitCode());
            }
            history.grant(execution.getProcessInstanceId(), groups,
                    List.of(assignment.assignedBy(), assignment.reviewer()));
            String firstHolder = assignment.holderUser() != null ? assignment.holderUser()
                    : assignments.unitHead(assignment.unitCode()).orElse(null);
            execution.setVariable(VAR_UNIT_CODE, assignment.unitCode());
            execution.setVariable(VAR_TITLE, assignment.title());
            execution.setVariable(VAR_DESCRIPTION, assignment.description());
            execution.setVariable(VAR_REVIEWER, assignment.reviewer());
            vars.setHolder(new Holder(assignment.holderGroup(), firstHolder));
            vars.setDeadline(assignment.deadline());
            execution.setVariable(VAR_ASSIGNED_BY, assignment.assignedBy());
            execution.setVariable(VAR_ASSIGNED_AT, Date.from(assignment.createdAt().toInstant()));
            execution.setVariable(VAR_URGENCY, assignment.urgency() == null ? null : assignment.urgency().name());
            execution.setVariable(VAR_SOURCE, assignment.source() == null ? null : assignment.source().name());
        };
    }

    @Bean
    DeadlineAlertDelegates deadlineAlertDelegates(ReminderPolicies policies, AlertSchedule schedule,
                                                  DeadlineAlerts alerts, OrganisationDirectory directory,
                                                  Clock clock) {
        return new DeadlineAlertDelegates(policies, schedule, alerts,
                unitCode -> directory.head(unitCode).map(Official::userId),
                unitCode -> directory.unit(unitCode).map(Unit::name), clock);
    }

    /**
     * Plans the alerts and stores on the assignment the policy's due-soon window (its DUE_SOON bucket) and whether the
     * daily overdue digest lists it.
     */
    @Bean
    JavaDelegate planDeadlineAlerts(DeadlineAlertDelegates deadlineAlerts, AssignmentService assignments) {
        JavaDelegate plan = deadlineAlerts.planDeadlineAlerts();
        return execution -> {
            plan.execute(execution);
            LifecycleVariables vars = new LifecycleVariables(execution);
            ReminderPolicy policy = vars.policy();
            assignments.applyPolicy(vars.assignmentId(), policy.warningWindowWorkingDays(),
                    policy.dailyOverdueReminders());
        };
    }

    @Bean
    JavaDelegate selectDueDeadlineAlert(DeadlineAlertDelegates deadlineAlerts) {
        return deadlineAlerts.selectDueDeadlineAlert();
    }

    @Bean
    JavaDelegate sendDueDeadlineAlert(DeadlineAlertDelegates deadlineAlerts) {
        return deadlineAlerts.sendDueDeadlineAlert();
    }

    @Bean
    JavaDelegate planNextDeadlineAlert(DeadlineAlertDelegates deadlineAlerts) {
        return deadlineAlerts.planNextDeadlineAlert();
    }

    /** For running instances of lifecycle versions deployed before the alert chain was modelled. */
    @Bean
    JavaDelegate sendDeadlineAlert(DeadlineAlertDelegates deadlineAlerts) {
        return deadlineAlerts.sendDeadlineAlert();
    }

    @Bean
    JavaDelegate recordDelegation(AssignmentService assignments) {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            AssignmentRecord assignment = assignments.ofProcessInstance(execution.getProcessInstanceId());
            Holder holder = assignments.delegate(assignment.id(), vars.actor(), vars.text(VAR_DELEGATE_TO),
                    vars.text(VAR_HANDLING_NOTE));
            vars.setHolder(holder);
        };
    }

    @Bean
    JavaDelegate recordReport(AssignmentService assignments) {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            AssignmentRecord assignment = assignments.ofProcessInstance(execution.getProcessInstanceId());
            String reporter = vars.actor();
            // nobody reviews their own result: the decider is named in the trail and gets the review task
            String decider = assignments.deciderFor(assignment, reporter);
            assignments.report(assignment.id(), reporter, vars.text(VAR_RESULT_SUMMARY), decider);
            // the reporter gets the assignment back if the result is returned
            execution.setVariable(VAR_HOLDER_USER, reporter);
            execution.setVariable(VAR_REVIEWER, decider);
            // the review form starts empty: an earlier return's reason and choice are in the trail, and a pre-filled
            // reason accepted unchanged would be stored as the note of ACCEPTED
            execution.setVariable(VAR_REVIEW_NOTE, null);
            execution.setVariable(VAR_RESULT_ACCEPTED, null);
        };
    }

    @Bean
    JavaDelegate recordExtensionRequest(AssignmentService assignments) {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            AssignmentRecord assignment = assignments.ofProcessInstance(execution.getProcessInstanceId());
            String requester = vars.actor();
            String decider = assignments.deciderFor(assignment, requester);
            OffsetDateTime proposed = assignments.requestExtension(assignment.id(), requester,
                    vars.date(VAR_PROPOSED_DEADLINE), vars.text(VAR_EXTENSION_REASON), decider);
            execution.setVariable(VAR_PROPOSED_DEADLINE_AT, Date.from(proposed.toInstant()));
            execution.setVariable(VAR_PROPOSED_DEADLINE_TEXT, vn.dieuhanh.calendar.VietnameseDates.deadline(proposed));
            execution.setVariable(VAR_HOLDER_USER, requester);
            execution.setVariable(VAR_REVIEWER, decider);
            // the decision form starts empty, not with an earlier request's decision
            execution.setVariable(VAR_EXTENSION_APPROVED, null);
            execution.setVariable(VAR_EXTENSION_DECISION_NOTE, null);
        };
    }

    @Bean
    JavaDelegate recordExtensionDecision(AssignmentService assignments, DeadlineAlertDelegates deadlineAlerts,
                                         DeadlineTimers timers) {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            AssignmentRecord assignment = assignments.ofProcessInstance(execution.getProcessInstanceId());
            String actor = vars.actor();
            assignments.requireDecider(assignment, TrailEventKind.EXTENSION_REQUESTED, actor);
            boolean approved = vars.flag(VAR_EXTENSION_APPROVED);
            execution.setVariable(VAR_EXTENSION_APPROVED, approved);
            OffsetDateTime deadline = assignments.decideExtension(assignment.id(), actor, approved,
                    vars.text(VAR_EXTENSION_DECISION_NOTE), vars.instant(VAR_PROPOSED_DEADLINE_AT));
            vars.setDeadline(deadline);
            // the pending alert first: recalculating re-evaluates the watcher timer's ${nextAlertAt}
            deadlineAlerts.replan(execution);
            timers.recalculate(execution.getProcessInstanceId());
        };
    }

    @Bean
    JavaDelegate recordReview(AssignmentService assignments) {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            AssignmentRecord assignment = assignments.ofProcessInstance(execution.getProcessInstanceId());
            String actor = vars.actor();
            assignments.requireDecider(assignment, TrailEventKind.REPORTED, actor);
            boolean accepted = vars.flag(VAR_RESULT_ACCEPTED);
            execution.setVariable(VAR_RESULT_ACCEPTED, accepted);
            String note = vars.text(VAR_REVIEW_NOTE);
            if (!accepted && note == null) {
                throw new HandlingRejected("Nêu lý do trả lại (a reason is required to return the result)");
            }
            assignments.review(assignment.id(), actor, accepted, note);
            if (accepted) {
                execution.setVariable(VAR_ASSIGNMENT_OUTCOME, OUTCOME_COMPLETED);
            }
        };
    }

    @Bean
    JavaDelegate recordCancellation(AssignmentService assignments) {
        return execution -> {
            LifecycleVariables vars = new LifecycleVariables(execution);
            AssignmentRecord assignment = assignments.ofProcessInstance(execution.getProcessInstanceId());
            assignments.cancel(assignment.id(), vars.actor(), vars.text(VAR_CANCEL_REASON));
            execution.setVariable(VAR_ASSIGNMENT_OUTCOME, OUTCOME_CANCELLED);
        };
    }
}
