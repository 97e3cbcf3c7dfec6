package vn.dieuhanh.assignment.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import vn.dieuhanh.platform.EngineAsSystem;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.calendar.WorkingCalendar;

/** What the REST API shows of assignments, filtered by what the caller may see. */
@Service
class AssignmentReadModel {

    static final int MAX_LIST = 500;

    private final AssignmentRepository repository;
    private final StatusBuckets buckets;
    private final IdentityService identityService;
    private final TaskService taskService;

    AssignmentReadModel(AssignmentRepository repository, StatusBuckets buckets, IdentityService identityService,
                        TaskService taskService) {
        this.repository = repository;
        this.buckets = buckets;
        this.identityService = identityService;
        this.taskService = taskService;
    }

    AssignmentVisibility caller() {
        Authentication authentication = identityService.getCurrentAuthentication();
        if (authentication == null) {
            throw new IllegalStateException("No authenticated caller");
        }
        return new AssignmentVisibility(authentication.getUserId(),
                authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds());
    }

    Optional<AssignmentRecord> visible(String id) {
        return visibleWithTrail(id).map(VisibleAssignment::assignment);
    }

    private record VisibleAssignment(AssignmentRecord assignment, List<TrailEvent> trail) {
    }

    /** The assignment and its trail, read once, if the caller may see it (the trail decides for delegatees). */
    private Optional<VisibleAssignment> visibleWithTrail(String id) {
        Optional<AssignmentRecord> assignment = repository.find(id);
        if (assignment.isEmpty()) {
            return Optional.empty();
        }
        AssignmentRecord lead = assignment.get().leadAssignmentId() == null ? null
                : repository.find(assignment.get().leadAssignmentId()).orElse(null);
        List<TrailEvent> trail = repository.trail(id);
        return caller().sees(assignment.get(), trail, lead)
                ? Optional.of(new VisibleAssignment(assignment.get(), trail)) : Optional.empty();
    }

    Optional<AssignmentDetail> detail(String id) {
        return visibleWithTrail(id).map(visible -> {
            AssignmentRecord a = visible.assignment();
            Instant moment = buckets.now();
            List<TrailEntry> trail = visible.trail().stream().map(TrailEntry::of).toList();
            List<AssignmentSummary> contributions = repository.contributionsTo(id).stream()
                    .map(c -> summary(c, moment)).toList();
            List<OpenTask> tasks = new ArrayList<>();
            if (a.processInstanceId() != null) {
                for (Task task : openTasksOf(a.processInstanceId())) {
                    tasks.add(new OpenTask(task.getId(), task.getTaskDefinitionKey(), task.getName(),
                            task.getAssignee()));
                }
            }
            return new AssignmentDetail(summary(a, moment), a.description(), a.resultSummary(), trail, contributions,
                    tasks);
        });
    }

    /**
     * Who holds which step is part of the progress everyone who may see the assignment sees (the assigner, the
     * leaders), even without the engine's permission to work the task itself; visibility was checked above.
     */
    private List<Task> openTasksOf(String processInstanceId) {
        return EngineAsSystem.call(identityService,
                () -> taskService.createTaskQuery().processInstanceId(processInstanceId).list());
    }

    List<AssignmentSummary> list(AssignmentQuery query, int limit) {
        Instant moment = buckets.now();
        return repository.list(query.withVisibility(caller()), moment, Math.min(limit, MAX_LIST)).stream().map(a -> summary(a, moment)).toList();
    }

    Map<String, Map<StatusBucket, Long>> summary(AssignmentQuery query, String groupColumn) {
        return repository.summary(query.withVisibility(caller()), groupColumn, buckets.now());
    }

    static Map<StatusBucket, Long> total(Map<String, Map<StatusBucket, Long>> groups) {
        Map<StatusBucket, Long> total = new LinkedHashMap<>();
        for (StatusBucket bucket : StatusBucket.values()) {
            total.put(bucket, groups.values().stream().mapToLong(g -> g.getOrDefault(bucket, 0L)).sum());
        }
        return total;
    }

    AssignmentSummary summary(AssignmentRecord a, Instant moment) {
        StatusBucket bucket = buckets.bucketOf(a, moment);
        return new AssignmentSummary(a.id(), a.directiveId(), a.leadAssignmentId(), a.role().name(),
                a.role().label(), a.source().name(), a.source().label(), a.urgency().name(), a.urgency().label(),
                a.unitCode(), a.title(), a.assignedBy(), a.reviewer(), a.holderGroup(), a.holderUser(),
                local(a.deadline()), local(a.createdAt()), local(a.completedAt()), local(a.cancelledAt()),
                bucket == null ? "CANCELLED" : bucket.name(), bucket == null ? "Đã hủy" : bucket.label(),
                buckets.dueSoon(a, moment));
    }

    static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingCalendar.ZONE).toOffsetDateTime();
    }

    record AssignmentSummary(String id, String directiveId, String leadAssignmentId, String role, String roleLabel,
                             String source, String sourceLabel, String urgency, String urgencyLabel, String unitCode,
                             String title, String assignedBy, String reviewer, String holderGroup, String holderUser,
                             OffsetDateTime deadline, OffsetDateTime createdAt, OffsetDateTime completedAt,
                             OffsetDateTime cancelledAt, String bucket, String bucketLabel, boolean dueSoon) {
    }

    record AssignmentDetail(AssignmentSummary assignment, String description, String resultSummary,
                            List<TrailEntry> trail, List<AssignmentSummary> contributions, List<OpenTask> openTasks) {
    }

    record TrailEntry(String kind, String label, String actor, String target, String note,
                      OffsetDateTime deadlineBefore, OffsetDateTime deadlineAfter, OffsetDateTime at) {
        static TrailEntry of(TrailEvent e) {
            return new TrailEntry(e.kind().name(), e.kind().label(), e.actor(), e.target(), e.note(),
                    local(e.deadlineBefore()), local(e.deadlineAfter()), local(e.occurredAt()));
        }
    }

    record OpenTask(String taskId, String taskDefinitionKey, String name, String assignee) {
    }
}
