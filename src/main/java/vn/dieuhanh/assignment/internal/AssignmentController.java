package vn.dieuhanh.assignment.internal;

import static vn.dieuhanh.assignment.InstantAssignmentProcess.*;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.assignment.AssignmentInputException;
import vn.dieuhanh.assignment.InstantAssignmentProcess;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.platform.CalendarDate;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.PlainText;
import vn.dieuhanh.platform.SingleLine;

@RestController
@RequestMapping("/api/assignments")
@Tag(name = "Nhiệm vụ", description = "Assignments: instant assignment, trail, status buckets and actions")
class AssignmentController {

    private final RuntimeService runtimeService;
    private final AssignmentReadModel readModel;
    private final AssignmentActions actions;

    AssignmentController(RuntimeService runtimeService, AssignmentReadModel readModel, AssignmentActions actions) {
        this.runtimeService = runtimeService;
        this.readModel = readModel;
        this.actions = actions;
    }

    record InstantAssignmentRequest(@Size(max = InputLimits.CODE) @SingleLine String unitCode,
                                    @Size(max = InputLimits.USER_ID) @SingleLine String assignee,
                                    @Size(max = InputLimits.TITLE) @SingleLine String title,
                                    @Size(max = InputLimits.LONG_TEXT) @PlainText String description,
                                    @Size(max = 20) @SingleLine String urgency,
                                    @Min(1) @Max(InputLimits.MAX_WORKING_DAYS) Integer deadlineWorkingDays,
                                    @CalendarDate LocalDate deadlineDate) {
    }

    record Created(String assignmentId, String processInstanceId) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Assign a task instantly to a unit or one of its officials (City PC leaders, unit heads)")
    Created assign(@Valid @RequestBody InstantAssignmentRequest request) {
        if (request == null) {
            throw new AssignmentInputException("A JSON body is required");
        }
        return start(runtimeService, request);
    }

    /**
     * Starts {@code instant-assignment} as the logged-in caller with exactly the start form's variables: the one way
     * to assign instantly, for this endpoint and the web app's {@code /giao-viec} (AssignerPolicy decides in the
     * process's first service task).
     */
    static Created start(RuntimeService runtimeService, InstantAssignmentRequest request) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_UNIT_CODE, request.unitCode());
        variables.put(VAR_ASSIGNEE, request.assignee());
        variables.put(VAR_TITLE, request.title());
        variables.put(VAR_DESCRIPTION, request.description());
        variables.put(VAR_URGENCY, request.urgency());
        variables.put(VAR_DEADLINE_WORKING_DAYS, request.deadlineWorkingDays());
        variables.put(VAR_DEADLINE_DATE, request.deadlineDate() == null ? null : request.deadlineDate().toString());
        ProcessInstanceWithVariables instance = runtimeService.createProcessInstanceByKey(InstantAssignmentProcess.KEY)
                .setVariables(variables).executeWithVariablesInReturn();
        return new Created((String) instance.getVariables().get(VAR_ASSIGNMENT_ID), instance.getId());
    }

    @GetMapping
    @Operation(summary = "Assignments the caller may see, filtered; bucket = COMPLETED_ON_TIME, COMPLETED_LATE, "
            + "OPEN_WITHIN_DEADLINE, OPEN_OVERDUE or DUE_SOON")
    List<AssignmentReadModel.AssignmentSummary> list(@RequestParam(required = false) String unit,
                                                     @RequestParam(required = false) String official,
                                                     @RequestParam(required = false) String source,
                                                     @RequestParam(required = false) String assignedBy,
                                                     @RequestParam(required = false) String directive,
                                                     @RequestParam(required = false) String bucket,
                                                     @RequestParam(defaultValue = "100") @Min(1) @Max(InputLimits.MAX_LIMIT) int limit) {
        return readModel.list(query(unit, official, source, assignedBy, directive, bucket), limit);
    }

    record Summary(String by, Map<StatusBucket, Long> total, List<Group> groups) {
    }

    record Group(String key, Map<StatusBucket, Long> counts) {
    }

    @GetMapping("/summary")
    @Operation(summary = "Bucket counts, in total and per unit, official, source or assigning leader (by=unit|"
            + "official|source|leader)")
    Summary summary(@RequestParam(defaultValue = "unit") String by,
                    @RequestParam(required = false) String unit,
                    @RequestParam(required = false) String official,
                    @RequestParam(required = false) String source,
                    @RequestParam(required = false) String assignedBy,
                    @RequestParam(required = false) String directive) {
        String column = switch (by) {
            case "unit" -> "unit_code";
            case "official" -> "holder_user";
            case "source" -> "source";
            case "leader" -> "assigned_by";
            default -> throw new AssignmentInputException("by must be unit, official, source or leader");
        };
        Map<String, Map<StatusBucket, Long>> groups =
                readModel.summary(query(unit, official, source, assignedBy, directive, null), column);
        return new Summary(by, AssignmentReadModel.total(groups),
                groups.entrySet().stream().map(e -> new Group(e.getKey(), e.getValue())).toList());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One assignment with its full trail, its coordinating contributions and open steps")
    AssignmentReadModel.AssignmentDetail one(@PathVariable String id) {
        return readModel.detail(id).orElseThrow(() -> new AssignmentActions.AssignmentNotFound(id));
    }

    record DelegateRequest(@Size(max = InputLimits.USER_ID) @SingleLine String to,
                           @Size(max = InputLimits.LONG_TEXT) @PlainText String note) {
    }

    record ReportRequest(@Size(max = InputLimits.LONG_TEXT) @PlainText String result) {
    }

    record ExtensionRequest(@CalendarDate LocalDate proposedDeadline,
                            @Size(max = InputLimits.LONG_TEXT) @PlainText String reason) {
    }

    record Decision(Boolean accepted, @Size(max = InputLimits.LONG_TEXT) @PlainText String note) {
    }

    record CancelRequest(@Size(max = InputLimits.LONG_TEXT) @PlainText String reason) {
    }

    @PostMapping("/{id}/delegate")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delegate down to a division or an official of the unit (giao lại)")
    void delegate(@PathVariable String id, @Valid @RequestBody DelegateRequest request) {
        actions.delegate(id, request.to(), request.note());
    }

    @PostMapping("/{id}/report")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Report the result (báo cáo kết quả)")
    void report(@PathVariable String id, @Valid @RequestBody ReportRequest request) {
        actions.report(id, request.result());
    }

    @PostMapping("/{id}/extension-requests")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Request an extension with a reason and a proposed date (xin gia hạn)")
    void requestExtension(@PathVariable String id, @Valid @RequestBody ExtensionRequest request) {
        actions.requestExtension(id, request.proposedDeadline() == null ? null : request.proposedDeadline().toString(),
                request.reason());
    }

    @PostMapping("/{id}/review")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The assigner accepts the result or returns it for rework with a reason")
    void review(@PathVariable String id, @Valid @RequestBody Decision decision) {
        actions.review(id, required(decision.accepted(), "accepted"), decision.note());
    }

    @PostMapping("/{id}/extension-decision")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The assigner approves (deadline and timers move) or refuses a pending extension request")
    void decideExtension(@PathVariable String id, @Valid @RequestBody Decision decision) {
        actions.decideExtension(id, required(decision.accepted(), "accepted"), decision.note());
    }

    @PostMapping("/{id}/cancel")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "The assigner cancels the assignment")
    void cancel(@PathVariable String id, @Valid @RequestBody CancelRequest request) {
        actions.cancel(id, request.reason());
    }

    private static boolean required(Boolean value, String field) {
        if (value == null) {
            throw new AssignmentInputException(field + " (true or false) is required");
        }
        return value;
    }

    private static AssignmentQuery query(String unit, String official, String source, String assignedBy,
                                         String directive, String bucket) {
        StatusBucket statusBucket = null;
        if (bucket != null && !bucket.isBlank()) {
            try {
                statusBucket = StatusBucket.valueOf(bucket.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw new AssignmentInputException("Unknown bucket '" + bucket + "'; expected one of "
                        + List.of(StatusBucket.values()));
            }
        }
        return new AssignmentQuery(blankToNull(unit), blankToNull(official),
                source == null || source.isBlank() ? null : WorkSource.parse(source), blankToNull(assignedBy),
                blankToNull(directive), statusBucket, null);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
