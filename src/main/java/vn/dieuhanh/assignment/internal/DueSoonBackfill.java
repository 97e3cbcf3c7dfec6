package vn.dieuhanh.assignment.internal;

import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import vn.dieuhanh.deadline.ReminderPolicy;

/**
 * Gives the assignments written before migration V13 their due-soon window, once, at start-up (after Flyway, before
 * the web server takes requests): the window the lifecycle read from the policy table when it opened (its
 * {@code warningWindowWorkingDays} variable), or {@code dieuhanh.assignments.due-soon-working-days} where there is
 * none (finished or never-opened lifecycles). Idempotent; nodes starting together fill each row once.
 */
@Component
class DueSoonBackfill implements SmartInitializingSingleton {

    private static final Logger LOG = LoggerFactory.getLogger(DueSoonBackfill.class);
    private static final int BATCH = 500;

    private final AssignmentRepository repository;
    private final StatusBuckets buckets;
    private final RuntimeService runtimeService;

    DueSoonBackfill(AssignmentRepository repository, StatusBuckets buckets, RuntimeService runtimeService) {
        this.repository = repository;
        this.buckets = buckets;
        this.runtimeService = runtimeService;
    }

    @Override
    public void afterSingletonsInstantiated() {
        int filled = 0;
        for (List<AssignmentRepository.WithoutWindow> batch = repository.withoutDueSoonWindow(BATCH);
             !batch.isEmpty(); batch = repository.withoutDueSoonWindow(BATCH)) {
            for (AssignmentRepository.WithoutWindow row : batch) {
                int window = policyWindow(row.processInstanceId());
                repository.fillDueSoonWindow(row.id(), window, buckets.dueSoonFrom(row.deadline(), window));
                filled++;
            }
        }
        if (filled > 0) {
            LOG.info("Stored the due-soon window of {} assignments written before it was kept", filled);
        }
    }

    private int policyWindow(String processInstanceId) {
        if (processInstanceId != null) {
            for (VariableInstance variable : runtimeService.createVariableInstanceQuery()
                    .processInstanceIdIn(processInstanceId)
                    .variableName(ReminderPolicy.OUT_WARNING_WINDOW_WORKING_DAYS).list()) {
                if (variable.getValue() instanceof Number days && days.intValue() >= 0) {
                    return days.intValue();
                }
            }
        }
        return buckets.fallbackDueSoonWorkingDays();
    }
}
