package vn.dieuhanh.assignment.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.assignment.AssignmentAccepted;
import vn.dieuhanh.assignment.AssignmentDeadlines;
import vn.dieuhanh.assignment.AssignmentInputException;
import vn.dieuhanh.assignment.AssignmentReturned;
import vn.dieuhanh.assignment.Assignments;
import vn.dieuhanh.assignment.ExtensionGranted;
import vn.dieuhanh.assignment.NewAssignment;
import vn.dieuhanh.assignment.OpenAssignment;
import vn.dieuhanh.assignment.OverdueAssignment;
import vn.dieuhanh.assignment.TrailEventKind;
import vn.dieuhanh.organisation.Approvers;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.platform.InputLimits;

/**
 * The steps of an assignment's life, recorded in the engine's transaction by the lifecycle's service tasks. Each step
 * appends to the trail; nothing is ever edited away.
 */
@Service
@Transactional
class AssignmentService implements Assignments {

    private final AssignmentRepository repository;
    private final OrganisationDirectory directory;
    private final AssignmentDeadlines deadlines;
    private final ApplicationEventPublisher events;
    private final Approvers approvers;
    private final StatusBuckets buckets;
    private final Clock clock;

    AssignmentService(AssignmentRepository repository, OrganisationDirectory directory,
                      AssignmentDeadlines deadlines, ApplicationEventPublisher events, Approvers approvers,
                      StatusBuckets buckets, Clock clock) {
        this.clock = clock;
        this.approvers = approvers;
        this.buckets = buckets;
        this.repository = repository;
        this.directory = directory;
        this.deadlines = deadlines;
        this.events = events;
    }

    @Override
    public String create(NewAssignment a) {
        directory.unit(a.unitCode()).orElseThrow(() ->
                new AssignmentInputException("Không có đơn vị '" + a.unitCode() + "' (unknown unit '" + a.unitCode() + "')"));
        if (a.holderUser() != null) {
            Official official = directory.official(a.holderUser()).orElseThrow(() ->
                    new AssignmentInputException("Không có cán bộ '" + a.holderUser() + "' (unknown official '"
                            + a.holderUser() + "')"));
            if (!official.unitCode().equals(a.unitCode())) {
                throw new AssignmentInputException("Cán bộ '" + a.holderUser() + "' không thuộc đơn vị '" + a.unitCode()
                        + "' (official '" + a.holderUser() + "' does not belong to unit '" + a.unitCode() + "')");
            }
        }
        if (a.title() == null || a.title().isBlank()) {
            throw new AssignmentInputException("Nhập trích yếu nhiệm vụ (the task needs a title)");
        }
        InputLimits.text(a.title(), "title", InputLimits.STORED_TITLE, false);
        InputLimits.text(a.description(), "description", InputLimits.LONG_TEXT, true);
        String id = UUID.randomUUID().toString();
        OffsetDateTime now = OffsetDateTime.now(clock);
        // the fallback window until the lifecycle opens and reads the policy's (applyPolicy)
        int window = buckets.fallbackDueSoonWorkingDays();
        repository.insert(new AssignmentRecord(id, a.directiveId(), a.leadAssignmentId(), a.role(), a.source(),
                a.urgency(), a.unitCode(), a.title().trim(), a.description(), a.assignedBy(), a.reviewer(),
                a.unitCode(), a.holderUser(), a.deadline(), now, null, null, null, null, window,
                buckets.dueSoonFrom(a.deadline(), window)));
        repository.appendTrail(id, TrailEventKind.ASSIGNED, a.assignedBy(),
                a.holderUser() != null ? a.holderUser() : a.unitCode(), a.description(), null, a.deadline(), now);
        return id;
    }

    @Override
    public int cancelOpenAssignmentsOf(String directiveId, String reason) {
        return cancelOpenAssignmentsOf(directiveId, "system", reason);
    }

    @Override
    public int cancelOpenAssignmentsOf(String directiveId, String actor, String reason) {
        int cancelled = 0;
        for (AssignmentRecord assignment : repository.byDirective(directiveId)) {
            if (assignment.isOpen()) {
                cancel(assignment.id(), actor, reason);
                cancelled++;
            }
        }
        return cancelled;
    }

    @Override
    @Transactional(readOnly = true)
    public List<OpenAssignment> openAssignmentsOf(String directiveId) {
        return repository.byDirective(directiveId).stream().filter(AssignmentRecord::isOpen)
                .map(a -> new OpenAssignment(a.id(), a.role(), a.unitCode(), a.deadline())).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<OverdueAssignment> openOverdueAt(Instant at) {
        return repository.openOverdueAt(at);
    }

    /** Binds a new assignment to the lifecycle instance carrying it out; an assignment is carried out once. */
    AssignmentRecord attachProcessInstance(String assignmentId, String processInstanceId) {
        if (!repository.attachProcessInstance(assignmentId, processInstanceId)) {
            throw new IllegalStateException("Assignment " + assignmentId + " is already carried out by another process"
                    + " instance");
        }
        return repository.get(assignmentId);
    }

    AssignmentRecord get(String assignmentId) {
        return repository.get(assignmentId);
    }

    /** The assignment a lifecycle instance carries out: from the table, never from the instance's variables. */
    AssignmentRecord ofProcessInstance(String processInstanceId) {
        return repository.findByProcessInstance(processInstanceId).orElseThrow(() ->
                new IllegalStateException("No assignment is carried out by process instance " + processInstanceId));
    }

    /**
     * Who decides on what {@code submitter} submitted (a result, an extension request): the assignment's reviewer,
     * unless that is the submitter; then the next eligible person of the submitter's unit, or one level up.
     */
    String deciderFor(AssignmentRecord assignment, String submitter) {
        String unitCode = directory.official(submitter).map(Official::unitCode).orElse(assignment.unitCode());
        return approvers.deciderFor(assignment.reviewer(), unitCode, submitter).orElseThrow(() ->
                new HandlingRejected("Không có người có thẩm quyền xem xét khác người gửi (nobody but the submitter "
                        + "could decide)"));
    }

    /**
     * Nobody decides on their own submission; the decision is the decider's the submission was sent to (recorded as
     * the trail event's target, see {@link #deciderFor}).
     */
    void requireDecider(AssignmentRecord assignment, TrailEventKind submitted, String actor) {
        Optional<TrailEvent> submission = repository.lastEvent(assignment.id(), submitted);
        String submitter = submission.map(TrailEvent::actor).orElse(null);
        if (actor.equals(submitter)) {
            throw new AuthorizationException("Không được tự xem xét nội dung do chính mình gửi (you cannot decide on "
                    + "what you submitted yourself)");
        }
        String decider = submission.map(TrailEvent::target)
                .orElseGet(() -> submitter == null ? assignment.reviewer() : deciderFor(assignment, submitter));
        if (!actor.equals(decider)) {
            throw new AuthorizationException("Việc xem xét này thuộc về " + decider + " (this decision belongs to "
                    + decider + ")");
        }
    }

    /** The unit head receives a new assignment unless the assigner picked an official directly. */
    Optional<String> unitHead(String unitCode) {
        return directory.head(unitCode).map(Official::userId);
    }

    Holder delegate(String assignmentId, String actor, String target, String note) {
        AssignmentRecord assignment = repository.get(assignmentId);
        if (target == null || target.isBlank()) {
            throw new HandlingRejected("Chọn phòng ban hoặc cán bộ để giao lại (choose a division or an official)");
        }
        Holder holder = holderWithin(assignment.unitCode(), target.trim());
        if (holder.user() != null && holder.user().equals(actor)) {
            throw new HandlingRejected("Không thể tự giao cho chính mình (cannot delegate to yourself)");
        }
        repository.updateHolder(assignmentId, holder.group(), holder.user());
        repository.appendTrail(assignmentId, TrailEventKind.DELEGATED, actor, target.trim(), note, null, null,
                OffsetDateTime.now(clock));
        return holder;
    }

    private Holder holderWithin(String unitCode, String target) {
        for (Division division : directory.divisions(unitCode)) {
            if (division.code().equals(target)) {
                return new Holder(division.code(), null);
            }
        }
        Official official = directory.official(target).orElseThrow(() -> new HandlingRejected(
                "'" + target + "' không phải phòng ban hay cán bộ của đơn vị " + unitCode
                        + " (not a division or official of the unit)"));
        if (!official.unitCode().equals(unitCode)) {
            throw new HandlingRejected("Cán bộ '" + target + "' không thuộc đơn vị " + unitCode
                    + " (the official does not belong to the unit)");
        }
        return new Holder(official.divisionCode() != null ? official.divisionCode() : unitCode, official.userId());
    }

    /** Records the result, reported to {@code decider} (the trail's target, who may then see the assignment). */
    void report(String assignmentId, String actor, String resultSummary, String decider) {
        if (resultSummary == null || resultSummary.isBlank()) {
            throw new HandlingRejected("Nhập nội dung kết quả thực hiện (the result is required)");
        }
        repository.updateResult(assignmentId, resultSummary.trim());
        repository.appendTrail(assignmentId, TrailEventKind.REPORTED, actor, decider, resultSummary.trim(), null, null,
                OffsetDateTime.now(clock));
    }

    /** Validates the request and returns the proposed deadline as a legal deadline instant. */
    OffsetDateTime requestExtension(String assignmentId, String actor, LocalDate proposedDate, String reason,
                                    String decider) {
        AssignmentRecord assignment = repository.get(assignmentId);
        if (proposedDate == null) {
            throw new HandlingRejected("Nhập thời hạn đề nghị (the proposed deadline is required)");
        }
        if (reason == null || reason.isBlank()) {
            throw new HandlingRejected("Nêu lý do xin gia hạn (a reason is required)");
        }
        OffsetDateTime proposed;
        try {
            proposed = deadlines.resolve(null, proposedDate);
        } catch (AssignmentInputException e) {
            throw new HandlingRejected(e.getMessage());
        }
        if (!proposed.isAfter(assignment.deadline())) {
            throw new HandlingRejected("Thời hạn đề nghị phải sau thời hạn hiện tại (the proposed deadline must be "
                    + "later than the current one)");
        }
        repository.appendTrail(assignmentId, TrailEventKind.EXTENSION_REQUESTED, actor, decider, reason.trim(),
                assignment.deadline(), proposed, OffsetDateTime.now(clock));
        return proposed;
    }

    /**
     * Stores the assignment's due-soon window from its reminder policy (DMN {@code warningWindowWorkingDays}), read
     * when the lifecycle opens; the deadline moves keep it.
     */
    /**
     * The policy read when the lifecycle opens: its due-soon window and whether the daily overdue digest lists the
     * assignment while it is overdue (column daily_overdue_reminders), in one statement.
     */
    void applyPolicy(String assignmentId, int workingDays, boolean dailyOverdueReminders) {
        AssignmentRecord assignment = repository.get(assignmentId);
        repository.updatePolicy(assignmentId, workingDays, buckets.dueSoonFrom(assignment.deadline(), workingDays),
                dailyOverdueReminders);
    }

    private int windowOf(AssignmentRecord assignment) {
        return assignment.dueSoonWorkingDays() != null ? assignment.dueSoonWorkingDays()
                : buckets.fallbackDueSoonWorkingDays();
    }

    /** Records the assigner's decision; returns the deadline in force afterwards. */
    OffsetDateTime decideExtension(String assignmentId, String actor, boolean approved, String note,
                                   OffsetDateTime proposed) {
        AssignmentRecord assignment = repository.get(assignmentId);
        if (approved) {
            repository.updateDeadline(assignmentId, proposed, buckets.dueSoonFrom(proposed, windowOf(assignment)));
            OffsetDateTime now = OffsetDateTime.now(clock);
            repository.appendTrail(assignmentId, TrailEventKind.EXTENSION_APPROVED, actor, null, note,
                    assignment.deadline(), proposed, now);
            events.publishEvent(new ExtensionGranted(assignmentId, assignment.unitCode(), assignment.holderUser(),
                    assignment.deadline().toInstant(), proposed.toInstant(), now.toInstant()));
            return proposed;
        }
        repository.appendTrail(assignmentId, TrailEventKind.EXTENSION_REFUSED, actor, null, note,
                assignment.deadline(), assignment.deadline(), OffsetDateTime.now(clock));
        return assignment.deadline();
    }

    void review(String assignmentId, String actor, boolean accepted, String note) {
        AssignmentRecord assignment = repository.get(assignmentId);
        OffsetDateTime now = OffsetDateTime.now(clock);
        if (accepted) {
            repository.markCompleted(assignmentId, now);
            repository.appendTrail(assignmentId, TrailEventKind.ACCEPTED, actor, null, note, null, null, now);
            events.publishEvent(new AssignmentAccepted(assignmentId, assignment.unitCode(), assignment.holderUser(),
                    assignment.deadline().toInstant(), now.toInstant()));
        } else {
            repository.appendTrail(assignmentId, TrailEventKind.RETURNED, actor, null, note, null, null, now);
            events.publishEvent(new AssignmentReturned(assignmentId, assignment.unitCode(), assignment.holderUser(),
                    now.toInstant()));
        }
    }

    void cancel(String assignmentId, String actor, String reason) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        repository.markCancelled(assignmentId, now);
        repository.appendTrail(assignmentId, TrailEventKind.CANCELLED, actor, null, reason, null, null, now);
    }
}
