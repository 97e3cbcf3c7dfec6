package vn.dieuhanh.workspace.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Service;
import vn.dieuhanh.assignment.AssignmentLists;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.platform.EngineAsSystem;

/**
 * What is waiting for an official (Việc của tôi) and what he assigned (Việc đã giao).
 *
 * <p>Waiting for me = the engine's open user tasks assigned to me or offered to me or a group of mine (unit, division,
 * role), queried with my login on the engine, so its authorizations apply: another ward's work is never among them.
 * Tasks of an assignment's lifecycle become that assignment's row (title, source, document number, unit, deadline and
 * bucket from the assignment tables, linking to {@code /viec/{id}}); indicator reports, explanation requests,
 * acknowledgements and directive steps are rows of their own linking to the task in Tasklist, with the task's due
 * date.
 */
@Service
class MyWork {

    static final int MAX_TASKS = 300;
    static final String TASKLIST_TASK = "/camunda/app/tasklist/default/#/?task=";
    /** Open non-assignment work this many working days before its due date is "due soon". */
    static final int DUE_SOON_WORKING_DAYS = 2;

    private static final Map<String, String> SOURCE_BY_PROCESS = Map.of(
            "indicator-report", "Báo cáo chỉ tiêu",
            "indicator-report-correction", "Báo cáo chỉ tiêu",
            "explanation-request", "Giải trình chỉ tiêu",
            "document-acknowledgement", "Văn bản để biết",
            "directive-handling", "Văn bản chỉ đạo");
    private static final Map<String, String> ACTION_BY_TASK = Map.of(
            "Task_HandleAssignment", "Xử lý nhiệm vụ",
            "Task_ReviewResult", "Xem xét kết quả",
            "Task_ReviewExtension", "Xem xét đề nghị gia hạn");

    private final TaskService taskService;
    private final RepositoryService repositoryService;
    private final IdentityService identityService;
    private final AssignmentLists assignments;
    private final OrganisationDirectory directory;
    private final VietnameseDays days;
    private final java.time.Clock clock;
    private final Map<String, String> processKeys = new ConcurrentHashMap<>();

    MyWork(TaskService taskService, RepositoryService repositoryService, IdentityService identityService,
           AssignmentLists assignments, OrganisationDirectory directory, VietnameseDays days, java.time.Clock clock) {
        this.taskService = taskService;
        this.repositoryService = repositoryService;
        this.identityService = identityService;
        this.assignments = assignments;
        this.directory = directory;
        this.days = days;
        this.clock = clock;
    }

    /** The engine's query of the tasks waiting for the official (not those a colleague has taken). */
    static TaskQuery waitingFor(TaskService taskService, String userId, List<String> groupIds) {
        TaskQuery query = taskService.createTaskQuery().active();
        if (groupIds.isEmpty()) {
            return query.or().taskAssignee(userId).taskCandidateUser(userId).endOr();
        }
        return query.or().taskAssignee(userId).taskCandidateUser(userId).taskCandidateGroupIn(groupIds).endOr();
    }

    long count(CurrentOfficial me) {
        return waitingFor(taskService, me.userId(), me.groupIds()).count();
    }

    List<WorkRow> waitingFor(CurrentOfficial me) {
        List<Task> tasks = waitingFor(taskService, me.userId(), me.groupIds()).orderByTaskCreateTime().desc()
                .listPage(0, MAX_TASKS);
        Instant now = clock.instant();
        Map<String, AssignmentLists.Row> byInstance = new HashMap<>();
        List<String> instances = tasks.stream().map(Task::getProcessInstanceId).filter(id -> id != null).toList();
        for (AssignmentLists.Row row : assignments.byProcessInstances(instances)) {
            byInstance.put(row.processInstanceId(), row);
        }
        Map<String, String> unitNames = new HashMap<>();
        List<WorkRow> rows = new ArrayList<>();
        for (Task task : tasks) {
            AssignmentLists.Row assignment = byInstance.get(task.getProcessInstanceId());
            if (assignment != null) {
                rows.add(row(assignment, ACTION_BY_TASK.getOrDefault(task.getTaskDefinitionKey(), task.getName()),
                        unitName(assignment.unitCode(), unitNames), now));
            } else {
                rows.add(taskRow(task, me, now));
            }
        }
        rows.sort(MOST_URGENT_FIRST);
        return rows;
    }

    List<WorkRow> assignedBy(CurrentOfficial me) {
        Instant now = clock.instant();
        Map<String, String> unitNames = new HashMap<>();
        Map<String, String> officialNames = new HashMap<>();
        List<WorkRow> rows = new ArrayList<>();
        for (AssignmentLists.Row a : assignments.assignedBy(me.userId(), 200)) {
            String holder = a.holderUser() == null ? null
                    : officialNames.computeIfAbsent(a.holderUser(), id -> directory.official(id)
                    .map(Official::fullName).orElse(id));
            String action = a.open() ? (holder == null ? "Chờ đơn vị phân công" : "Đang xử lý: " + holder)
                    : a.completedAt() != null ? "Hoàn thành " + VietnameseDays.day(a.completedAt()) : "Đã hủy";
            rows.add(row(a, action, unitName(a.unitCode(), unitNames), now));
        }
        return rows;
    }

    static final Comparator<WorkRow> MOST_URGENT_FIRST = Comparator
            .comparing((WorkRow r) -> r.deadline() == null ? OffsetDateTime.MAX : r.deadline(),
                    Comparator.comparing(OffsetDateTime::toInstant))
            .thenComparing(WorkRow::title, Comparator.nullsLast(Comparator.naturalOrder()));

    private WorkRow row(AssignmentLists.Row a, String action, String unitName, Instant now) {
        Integer left = null;
        String leftText = null;
        if (a.open() && a.deadline() != null) {
            left = days.workingDaysLeft(now, a.deadline());
            leftText = VietnameseDays.daysLeftText(now, a.deadline(), left);
        }
        return new WorkRow(a.title(), action, sourceLabel(a), a.documentNumber(), unitName, a.deadline(),
                VietnameseDays.day(a.deadline()), left, leftText, a.bucket(), "/viec/" + a.assignmentId());
    }

    private static String sourceLabel(AssignmentLists.Row a) {
        String source = a.source().label();
        return switch (a.role()) {
            case COORDINATING -> source + " · phối hợp";
            case LEAD -> source + " · chủ trì";
            default -> source;
        };
    }

    private WorkRow taskRow(Task task, CurrentOfficial me, Instant now) {
        String key = processKey(task.getProcessDefinitionId());
        OffsetDateTime due = task.getDueDate() == null ? null
                : task.getDueDate().toInstant().atOffset(ZoneOffset.UTC);
        Integer left = null;
        String leftText = null;
        StatusBucket bucket = StatusBucket.OPEN_WITHIN_DEADLINE;
        if (due != null) {
            left = days.workingDaysLeft(now, due);
            leftText = VietnameseDays.daysLeftText(now, due, left);
            bucket = due.toInstant().isBefore(now) ? StatusBucket.OPEN_OVERDUE
                    : left <= DUE_SOON_WORKING_DAYS ? StatusBucket.DUE_SOON : StatusBucket.OPEN_WITHIN_DEADLINE;
        }
        String source = key == null ? "Công việc" : SOURCE_BY_PROCESS.getOrDefault(key, "Công việc");
        return new WorkRow(task.getName(), task.getName(), source, null, me.unitName(), due, VietnameseDays.day(due),
                left, leftText, bucket, TASKLIST_TASK + task.getId());
    }

    private String processKey(String processDefinitionId) {
        if (processDefinitionId == null) {
            return null;
        }
        return processKeys.computeIfAbsent(processDefinitionId, id -> EngineAsSystem.call(identityService, () ->
                Optional.ofNullable(repositoryService.createProcessDefinitionQuery().processDefinitionId(id)
                        .singleResult()).map(ProcessDefinition::getKey).orElse("")));
    }

    private String unitName(String unitCode, Map<String, String> cache) {
        return cache.computeIfAbsent(unitCode, code -> directory.unit(code).map(Unit::name).orElse(code));
    }
}
