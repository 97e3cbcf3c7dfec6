package vn.dieuhanh.directive.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.assignment.AssignmentDeadlines;
import vn.dieuhanh.assignment.AssignmentInputException;
import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.assignment.Assignments;
import vn.dieuhanh.assignment.NewAssignment;
import vn.dieuhanh.assignment.OpenAssignment;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.directive.DirectiveHandlingProcess;
import vn.dieuhanh.directive.DirectivePlan;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.InputLimits;

/** Registering directives and turning a leader's plan into assignments. */
@Service
@Transactional
class DirectiveService {

    private final DirectiveRepository repository;
    private final Assignments assignments;
    private final AssignmentDeadlines deadlines;
    private final OrganisationDirectory directory;
    private final Clock clock;

    DirectiveService(DirectiveRepository repository, Assignments assignments, AssignmentDeadlines deadlines,
                     OrganisationDirectory directory, Clock clock) {
        this.clock = clock;
        this.repository = repository;
        this.assignments = assignments;
        this.deadlines = deadlines;
        this.directory = directory;
    }

    record Registration(String source, String documentNumber, LocalDate issuedOn, LocalDate receivedOn,
                        String summary, String urgency, String attachmentRef, String registeredBy) {
    }

    record PlannedAssignments(String leadAssignmentId, List<String> coordinatingAssignmentIds,
                              OffsetDateTime deadline) {
    }

    String register(Registration r, String processInstanceId) {
        WorkSource source = directiveSource(r.source());
        Urgency urgency = Urgency.parse(r.urgency());
        require(r.documentNumber(), "documentNumber (số, ký hiệu văn bản)");
        require(r.summary(), "summary (trích yếu)");
        InputLimits.text(r.documentNumber(), "documentNumber", 100, false);
        InputLimits.text(r.summary(), "summary", InputLimits.TITLE, false);
        InputLimits.text(r.attachmentRef(), "attachmentRef", 1000, false);
        if (r.issuedOn() == null) {
            throw new AssignmentInputException("Chưa nhập ngày ban hành (issuedOn is required)");
        }
        LocalDate today = LocalDate.now(clock.withZone(WorkingCalendar.ZONE));
        LocalDate receivedOn = r.receivedOn() != null ? r.receivedOn() : today;
        if (r.issuedOn().isAfter(today) || receivedOn.isAfter(today)) {
            throw new AssignmentInputException("A directive cannot be issued or received in the future");
        }
        if (receivedOn.isBefore(r.issuedOn())) {
            throw new AssignmentInputException("A directive cannot be received before it was issued");
        }
        String number = r.documentNumber().trim();
        if (repository.idOfDocument(source.name(), number, r.issuedOn()).isPresent()) {
            throw alreadyRegistered(source, number, r.issuedOn());
        }
        String id = UUID.randomUUID().toString();
        try {
            repository.insert(new DirectiveRepository.DirectiveRecord(id, source.name(), number,
                    r.issuedOn(), receivedOn, r.summary().trim(), urgency.name(), r.attachmentRef(), r.registeredBy(),
                    OffsetDateTime.now(clock),
                    null, null, null, processInstanceId));
        } catch (DuplicateKeyException e) {
            // registered by someone else between the check and the insert (the unique key decides)
            throw alreadyRegistered(source, number, r.issuedOn());
        }
        return id;
    }

    /** The same issuer, number and date is the same document: a 409 that says which. */
    static Conflict alreadyRegistered(WorkSource source, String number, LocalDate issuedOn) {
        return new Conflict("Văn bản này đã được vào sổ (already registered): " + source.label() + ", số " + number
                + ", ban hành ngày " + issuedOn.format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy"))
                + " (" + source.name() + " " + number + " " + issuedOn + ")");
    }

    /** Checks a plan completely before anything is created; returns the lead deadline. */
    Map<String, OffsetDateTime> validate(DirectivePlan plan) {
        Instant now = clock.instant();
        require(plan.assignedBy(), "assignedBy (lãnh đạo phân công)");
        require(plan.leadUnit(), "leadUnit (đơn vị chủ trì)");
        knownUnit(plan.leadUnit());
        Map<String, OffsetDateTime> result = new LinkedHashMap<>();
        OffsetDateTime leadDeadline = deadlines.resolve(plan.deadlineWorkingDays(), plan.deadlineDate(), now);
        result.put(plan.leadUnit(), leadDeadline);
        Set<String> seen = new HashSet<>(Set.of(plan.leadUnit()));
        for (DirectivePlan.Coordination coordination : plan.coordinating()) {
            knownUnit(coordination.unitCode());
            if (coordination.unitCode().equals(plan.leadUnit())) {
                throw new AssignmentInputException("Một đơn vị không thể vừa chủ trì vừa phối hợp: '" + coordination.unitCode()
                        + "' (unit '" + coordination.unitCode() + "' cannot be both lead and coordinating)");
            }
            if (!seen.add(coordination.unitCode())) {
                throw new AssignmentInputException("Unit '" + coordination.unitCode() + "' is listed twice");
            }
            if (coordination.workingDays() == null && coordination.date() == null) {
                throw new AssignmentInputException("Đơn vị phối hợp '" + coordination.unitCode()
                        + "' cần hạn phối hợp riêng (coordinating unit '" + coordination.unitCode()
                        + "' needs its own deadline)");
            }
            OffsetDateTime deadline = deadlines.resolve(coordination.workingDays(), coordination.date(), now);
            if (!deadline.isBefore(leadDeadline)) {
                throw new AssignmentInputException("Hạn phối hợp của đơn vị '" + coordination.unitCode()
                        + "' phải trước hạn chủ trì (the deadline of coordinating unit '" + coordination.unitCode()
                        + "' must be earlier than the lead unit's)");
            }
            result.put(coordination.unitCode(), deadline);
        }
        for (String informed : plan.informedUnits()) {
            knownUnit(informed);
            if (!seen.add(informed)) {
                throw new AssignmentInputException("Unit '" + informed + "' already has a role in this directive");
            }
        }
        return result;
    }

    /**
     * The plan as the leader will confirm it, every unit with its deadline computed in working days exactly as
     * {@link #plan} will compute it (checked completely first, so a wrong plan is refused in the leader's form).
     */
    String preview(DirectivePlan plan) {
        Map<String, OffsetDateTime> unitDeadlines = validate(plan);
        List<String> lines = new ArrayList<>();
        lines.add("Đơn vị chủ trì: " + unitName(plan.leadUnit()) + " — hạn "
                + vn.dieuhanh.calendar.VietnameseDates.deadline(unitDeadlines.get(plan.leadUnit()))
                + given(plan.deadlineWorkingDays(), plan.deadlineDate()));
        for (DirectivePlan.Coordination coordination : plan.coordinating()) {
            lines.add("Đơn vị phối hợp: " + unitName(coordination.unitCode()) + " — hạn "
                    + vn.dieuhanh.calendar.VietnameseDates.deadline(unitDeadlines.get(coordination.unitCode()))
                    + given(coordination.workingDays(), coordination.date()));
        }
        for (String informed : plan.informedUnits()) {
            lines.add("Đơn vị để biết: " + unitName(informed));
        }
        if (plan.note() != null && !plan.note().isBlank()) {
            lines.add("Ý kiến chỉ đạo: " + plan.note());
        }
        return String.join("\n", lines);
    }

    private static String given(Integer workingDays, LocalDate date) {
        return date != null ? " (ngày đã chọn)" : workingDays != null ? " (" + workingDays + " ngày làm việc)" : "";
    }

    PlannedAssignments plan(String directiveId, DirectivePlan plan) {
        DirectiveRepository.DirectiveRecord directive = repository.find(directiveId)
                .orElseThrow(() -> new IllegalStateException("No directive " + directiveId));
        Map<String, OffsetDateTime> unitDeadlines = validate(plan);
        WorkSource source = WorkSource.valueOf(directive.source());
        Urgency urgency = Urgency.valueOf(directive.urgency());
        String title = directive.documentNumber() + ": " + directive.summary();
        OffsetDateTime leadDeadline = unitDeadlines.get(plan.leadUnit());
        String leadId = assignments.create(new NewAssignment(directiveId, null, AssignmentRole.LEAD, source, urgency,
                plan.leadUnit(), null, title, plan.note(), plan.assignedBy(), plan.assignedBy(), leadDeadline));
        String coordinatingReviewer = directory.head(plan.leadUnit()).map(Official::userId).orElse(plan.assignedBy());
        List<String> coordinatingIds = new ArrayList<>();
        for (DirectivePlan.Coordination coordination : plan.coordinating()) {
            coordinatingIds.add(assignments.create(new NewAssignment(directiveId, leadId, AssignmentRole.COORDINATING,
                    source, urgency, coordination.unitCode(), null, title, plan.note(), plan.assignedBy(),
                    coordinatingReviewer, unitDeadlines.get(coordination.unitCode()))));
        }
        repository.markAssigned(directiveId, plan.assignedBy(), leadDeadline);
        return new PlannedAssignments(leadId, coordinatingIds, leadDeadline);
    }

    DirectiveRepository.DirectiveRecord find(String directiveId) {
        return repository.find(directiveId).orElseThrow(() -> new IllegalStateException("No directive " + directiveId));
    }

    /** The directive a {@code directive-handling} instance handles: from the table, never from its variables. */
    String ofProcessInstance(String processInstanceId) {
        return repository.findByProcessInstance(processInstanceId).map(DirectiveRepository.DirectiveRecord::id)
                .orElseThrow(() -> new IllegalStateException("No directive is handled by process instance "
                        + processInstanceId));
    }

    void close(String directiveId) {
        repository.markClosed(directiveId, OffsetDateTime.now(clock));
        assignments.cancelOpenAssignmentsOf(directiveId,
                "Văn bản chỉ đạo đã kết thúc (the directive has ended)");
    }

    /** Work of a directive still open when its lead unit's result is accepted. */
    record OpenWork(String assignedBy, List<OpenAssignment> coordinating, List<String> unacknowledgedUnits) {

        boolean isEmpty() {
            return coordinating.isEmpty() && unacknowledgedUnits.isEmpty();
        }
    }

    /**
     * The coordinating assignments still open (from the assignments' table) and the informed units that have not
     * confirmed yet (the running acknowledgements, which the caller reads from the engine); the decider is the leader
     * who assigned the directive, from its record.
     */
    OpenWork openWork(String directiveId, List<String> unacknowledgedUnits) {
        DirectiveRepository.DirectiveRecord directive = repository.find(directiveId)
                .orElseThrow(() -> new IllegalStateException("No directive " + directiveId));
        List<OpenAssignment> coordinating = assignments.openAssignmentsOf(directiveId).stream()
                .filter(a -> a.role() != AssignmentRole.LEAD).toList();
        return new OpenWork(directive.assignedBy(), coordinating, List.copyOf(unacknowledgedUnits));
    }

    /** What is still open, in Vietnamese, for the decision form; bounded to fit a string variable. */
    String describe(OpenWork work) {
        List<String> lines = new ArrayList<>();
        if (!work.coordinating().isEmpty()) {
            lines.add("Đơn vị phối hợp chưa hoàn thành:");
            for (OpenAssignment a : work.coordinating()) {
                lines.add("- " + unitName(a.unitCode()) + (a.deadline() == null ? ""
                        : " (hạn " + vn.dieuhanh.calendar.VietnameseDates.deadline(a.deadline()) + ")"));
            }
        }
        if (!work.unacknowledgedUnits().isEmpty()) {
            lines.add("Đơn vị nhận để biết chưa xác nhận:");
            for (String unit : work.unacknowledgedUnits()) {
                lines.add("- " + unitName(unit));
            }
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i) + "\n";
            if (text.length() + line.length() > OPEN_WORK_TEXT_LIMIT) {
                text.append("... và ").append(lines.size() - i).append(" dòng khác");
                break;
            }
            text.append(line);
        }
        return text.toString().strip();
    }

    static final int OPEN_WORK_TEXT_LIMIT = 3800;

    /**
     * The assigner's decision on the open work: only the leader who assigned the directive decides (a 403 for anyone
     * else); closing now needs a reason, recorded with the directive and in each cancelled assignment's trail.
     */
    void decideOnOpenWork(String directiveId, String actor, String decision, String reason) {
        DirectiveRepository.DirectiveRecord directive = repository.find(directiveId)
                .orElseThrow(() -> new IllegalStateException("No directive " + directiveId));
        if (actor == null || !actor.equals(directive.assignedBy())) {
            throw new AuthorizationException("Chỉ lãnh đạo đã phân công văn bản chỉ đạo này (" + directive.assignedBy()
                    + ") quyết định kết thúc (only the leader who assigned this directive decides how it ends)");
        }
        String cleanReason = reason == null || reason.isBlank() ? null
                : InputLimits.text(reason.strip(), "closeReason", InputLimits.REASON, true);
        if (DirectiveHandlingProcess.DECISION_CLOSE_NOW.equals(decision)) {
            if (cleanReason == null) {
                throw new AssignmentInputException("Nêu lý do kết thúc khi còn việc chưa xong (a reason is required to "
                        + "close the directive and cancel the remaining work)");
            }
            repository.recordCloseDecision(directiveId, actor, "CLOSE_NOW", cleanReason);
        } else if (DirectiveHandlingProcess.DECISION_WAIT.equals(decision)) {
            repository.recordCloseDecision(directiveId, actor, "WAIT", cleanReason);
        } else {
            throw new AssignmentInputException("Chọn chờ các đơn vị hoàn thành hoặc kết thúc ngay (closeDecision must "
                    + "be '" + DirectiveHandlingProcess.DECISION_WAIT + "' or '"
                    + DirectiveHandlingProcess.DECISION_CLOSE_NOW + "')");
        }
    }

    /** Cancels the work still open as the assigner decided, naming them and their reason in each trail. */
    int cancelOpenWork(String directiveId) {
        DirectiveRepository.DirectiveRecord directive = repository.find(directiveId)
                .orElseThrow(() -> new IllegalStateException("No directive " + directiveId));
        if (!"CLOSE_NOW".equals(directive.closeDecision())) {
            throw new IllegalStateException("Directive " + directiveId + " has no decision to close now");
        }
        return assignments.cancelOpenAssignmentsOf(directiveId, directive.closeDecidedBy(),
                "Lãnh đạo kết thúc văn bản chỉ đạo khi còn việc chưa xong (closed by the assigner): "
                        + directive.closeReason());
    }

    private String unitName(String code) {
        return directory.unit(code).map(unit -> unit.name()).orElse(code);
    }

    static WorkSource directiveSource(String value) {
        if (value == null || value.isBlank()) {
            throw new AssignmentInputException("source is required: CENTRAL, CITY_PARTY_COMMITTEE or "
                    + "CITY_PEOPLES_COMMITTEE");
        }
        WorkSource source = WorkSource.parse(value);
        if (source == WorkSource.INSTANT) {
            throw new AssignmentInputException("A directive's source is CENTRAL, CITY_PARTY_COMMITTEE or "
                    + "CITY_PEOPLES_COMMITTEE");
        }
        return source;
    }

    private void knownUnit(String code) {
        if (code == null || directory.unit(code).isEmpty()) {
            throw new AssignmentInputException("Không có đơn vị '" + code + "' (unknown unit '" + code + "')");
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            int paren = what.indexOf(" (");
            // "field (nhãn)": Vietnamese first, the field's name in parentheses
            throw new AssignmentInputException(paren < 0 ? "Thiếu " + what + " (" + what + " is required)"
                    : "Chưa nhập " + what.substring(paren + 2, what.length() - 1) + " ("
                    + what.substring(0, paren) + " is required)");
        }
    }
}
