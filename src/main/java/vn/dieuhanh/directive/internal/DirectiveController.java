package vn.dieuhanh.directive.internal;

import static vn.dieuhanh.directive.DirectiveHandlingProcess.*;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.assignment.AssignmentInputException;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.directive.DirectiveHandlingProcess;
import vn.dieuhanh.platform.CalendarDate;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.PlainText;
import vn.dieuhanh.platform.SingleLine;
import vn.dieuhanh.platform.TrustedInput;
import vn.dieuhanh.platform.Roles;

@RestController
@RequestMapping("/api/directives")
@Tag(name = "Văn bản chỉ đạo", description = "Directives: registration and assignment to lead, coordinating and "
        + "informed units")
class DirectiveController {

    private final RuntimeService runtimeService;
    private final IdentityService identityService;
    private final DirectiveRepository repository;
    private final ObjectMapper json;
    private final DirectiveReaders readers;

    DirectiveController(RuntimeService runtimeService, IdentityService identityService,
                        DirectiveRepository repository, ObjectMapper json, DirectiveReaders readers) {
        this.readers = readers;
        this.runtimeService = runtimeService;
        this.identityService = identityService;
        this.repository = repository;
        this.json = json;
    }

    record Coordinating(@Size(max = InputLimits.CODE) @SingleLine String unitCode,
                        @Min(1) @Max(InputLimits.MAX_WORKING_DAYS) Integer workingDays,
                        @CalendarDate LocalDate date) {
    }

    record Assignment(@Size(max = InputLimits.CODE) @SingleLine String leadUnit,
                      @Min(1) @Max(InputLimits.MAX_WORKING_DAYS) Integer deadlineWorkingDays,
                      @CalendarDate LocalDate deadlineDate,
                      @Size(max = 200) List<@Valid Coordinating> coordinating,
                      @Size(max = 200) List<@Size(max = InputLimits.CODE) @SingleLine String> informedUnits,
                      @Size(max = InputLimits.LONG_TEXT) @PlainText String note) {
    }

    record RegisterDirective(@Size(max = 40) @SingleLine String source,
                             @Size(max = 100) @SingleLine String documentNumber,
                             @CalendarDate LocalDate issuedOn, @CalendarDate LocalDate receivedOn,
                             @Size(max = InputLimits.TITLE) @SingleLine String summary,
                             @Size(max = 20) @SingleLine String urgency,
                             @Size(max = 1000) @SingleLine String attachmentRef,
                             @Valid Assignment assignment) {
    }

    record Registered(String directiveId, String processInstanceId, String leadAssignmentId,
                      List<String> coordinatingAssignmentIds) {
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Register a directive (the City PC Office); a City PC leader may assign it in the same call")
    Registered register(@Valid @RequestBody RegisterDirective request) throws JsonProcessingException {
        if (request == null) {
            throw new AssignmentInputException("A JSON body is required");
        }
        Map<String, Object> variables = new HashMap<>();
        variables.put(VAR_SOURCE, request.source());
        variables.put(VAR_DOCUMENT_NUMBER, request.documentNumber());
        variables.put(VAR_ISSUED_ON, text(request.issuedOn()));
        variables.put(VAR_RECEIVED_ON, text(request.receivedOn()));
        variables.put(VAR_SUMMARY, request.summary());
        variables.put(VAR_URGENCY, request.urgency());
        variables.put(VAR_ATTACHMENT_REF, request.attachmentRef());
        Assignment assignment = request.assignment();
        variables.put(VAR_ASSIGNMENT_PLANNED, assignment != null);
        if (assignment != null) {
            String caller = identityService.getCurrentAuthentication().getUserId();
            List<String> groups = identityService.getCurrentAuthentication().getGroupIds();
            if (!groups.contains(Roles.LEADER) && !Roles.isAdministrator(groups)) {
                throw new Forbidden("Chỉ lãnh đạo UBND Thành phố giao xử lý văn bản chỉ đạo (only City People's "
                        + "Committee leaders assign directives)");
            }
            variables.put(VAR_ASSIGNED_BY, caller);
            variables.put(VAR_LEAD_UNIT, assignment.leadUnit());
            variables.put(VAR_DEADLINE_WORKING_DAYS, assignment.deadlineWorkingDays());
            variables.put(VAR_DEADLINE_DATE, text(assignment.deadlineDate()));
            List<String> coordinatingUnits = new ArrayList<>();
            Map<String, Map<String, Object>> deadlines = new LinkedHashMap<>();
            for (Coordinating c : assignment.coordinating() == null ? List.<Coordinating>of() : assignment.coordinating()) {
                coordinatingUnits.add(c.unitCode());
                Map<String, Object> own = new LinkedHashMap<>();
                own.put("workingDays", c.workingDays());
                own.put("date", text(c.date()));
                deadlines.put(c.unitCode(), own);
            }
            variables.put(VAR_COORDINATING_UNITS, coordinatingUnits);
            variables.put(VAR_COORDINATING_DEADLINES, SpinValues.jsonValue(json.writeValueAsString(deadlines)).create());
            variables.put(VAR_INFORMED_UNITS,
                    assignment.informedUnits() == null ? new ArrayList<>() : new ArrayList<>(assignment.informedUnits()));
            variables.put(VAR_ASSIGNMENT_NOTE, assignment.note());
        }
        // Registration and planning run in this transaction up to the asynchronous call activities: invalid input
        // fails the call and leaves nothing behind.
        // the variables are built above from the validated request (the API registers and assigns in one call, which
        // no single form does): trusted input, still started as the caller
        ProcessInstanceWithVariables instance = TrustedInput.call(() -> runtimeService
                .createProcessInstanceByKey(DirectiveHandlingProcess.KEY).setVariables(variables)
                .executeWithVariablesInReturn());
        Map<String, Object> result = instance.getVariables();
        @SuppressWarnings("unchecked")
        List<String> coordinatingIds = (List<String>) result.get(VAR_COORDINATING_ASSIGNMENT_IDS);
        return new Registered((String) result.get(VAR_DIRECTIVE_ID), instance.getId(),
                (String) result.get(VAR_LEAD_ASSIGNMENT_ID), coordinatingIds == null ? List.of() : coordinatingIds);
    }

    record DirectiveView(String id, String source, String documentNumber, LocalDate issuedOn, LocalDate receivedOn,
                         boolean registeredSameDay, String summary, String urgency, String attachmentRef,
                         String registeredBy, OffsetDateTime registeredAt, String assignedBy, OffsetDateTime deadline,
                         OffsetDateTime closedAt, String closeDecidedBy, String closeDecision, String closeReason) {
    }

    @GetMapping("/{id}")
    @Operation(summary = "One directive (City PC leaders, the Office, administrators, its registrar and assigner, the "
            + "units it was assigned or sent to); its assignments are listed by GET /api/assignments?directive={id}")
    DirectiveView one(@PathVariable String id) {
        // 404 for a directive the caller may not read as for one that does not exist: its existence is not told
        DirectiveRepository.DirectiveRecord d = readers.readable(id).orElseThrow(() ->
                new NotFound("Không có văn bản chỉ đạo '" + id + "' mà bạn được xem (no directive '" + id
                        + "' that you may read)"));
        LocalDate registeredOn = d.registeredAt().atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate();
        return new DirectiveView(d.id(), d.source(), d.documentNumber(), d.issuedOn(), d.receivedOn(),
                registeredOn.equals(d.receivedOn()), d.summary(), d.urgency(), d.attachmentRef(), d.registeredBy(),
                local(d.registeredAt()), d.assignedBy(), local(d.deadline()), local(d.closedAt()),
                d.closeDecidedBy(), d.closeDecision(), d.closeReason());
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingCalendar.ZONE).toOffsetDateTime();
    }
}
