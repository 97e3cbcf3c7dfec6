package vn.dieuhanh.assignment.internal;

import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * After a deadline moves, every pending timer of the assignment is re-evaluated against the new variables (timers
 * are defined relative to {@code ${deadline}}), so reminders and escalations move with it.
 */
@Component
class DeadlineTimers {

    private final ManagementService managementService;

    DeadlineTimers(ManagementService managementService) {
        this.managementService = managementService;
    }

    void recalculate(String processInstanceId) {
        for (Job timer : managementService.createJobQuery().processInstanceId(processInstanceId).timers().list()) {
            managementService.recalculateJobDuedate(timer.getId(), false);
        }
    }
}
