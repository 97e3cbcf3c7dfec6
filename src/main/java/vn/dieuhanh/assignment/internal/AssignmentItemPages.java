package vn.dieuhanh.assignment.internal;

import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.TASK_REVIEW_EXTENSION;
import static vn.dieuhanh.assignment.AssignmentLifecycleProcess.TASK_REVIEW_RESULT;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import vn.dieuhanh.assignment.StatusBucket;
import vn.dieuhanh.assignment.TrailEventKind;
import vn.dieuhanh.calendar.CalendarArgumentException;
import vn.dieuhanh.calendar.VietnameseDates;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.notification.AssignmentConversations;
import vn.dieuhanh.organisation.Division;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;

/**
 * The item page {@code /viec/{id}} as plain data for its template: the assignment as officials read it (names, not
 * codes; deadlines the Vietnamese way), its trail, its conversation, its coordinating units' contributions, and the
 * actions the caller may take now. Which actions are offered follows the same facts the services check (the open step
 * and its assignee, the assigner); the services check again when an action is posted.
 */
@Service
class AssignmentItemPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final AssignmentReadModel readModel;
    private final AssignmentRepository repository;
    private final OrganisationDirectory directory;
    private final AssignmentConversations conversations;
    private final StatusBuckets buckets;
    private final WorkingCalendar calendar;

    AssignmentItemPages(AssignmentReadModel readModel, AssignmentRepository repository,
                        OrganisationDirectory directory, AssignmentConversations conversations,
                        StatusBuckets buckets, WorkingCalendar calendar) {
        this.readModel = readModel;
        this.repository = repository;
        this.directory = directory;
        this.conversations = conversations;
        this.buckets = buckets;
        this.calendar = calendar;
    }

    /** The page, if the caller may see the assignment; else a 404 (the same answer as for an unknown id). */
    ItemPage page(String id) {
        AssignmentReadModel.AssignmentDetail detail = readModel.detail(id)
                .orElseThrow(() -> new AssignmentActions.AssignmentNotFound(id));
        AssignmentRecord a = repository.get(id);
        AssignmentVisibility caller = readModel.caller();
        Instant now = buckets.now();
        List<TrailEvent> events = repository.trail(id);
        AssignmentTaskTexts texts = new AssignmentTaskTexts(a, unitName(a.unitCode()));

        List<TrailItem> trail = events.stream().map(e -> trailItem(e, a.unitCode())).toList();
        List<Contribution> contributions = repository.contributionsTo(id).stream()
                .map(c -> contribution(c, now)).toList();
        List<MessageItem> messages = conversations.thread(id).stream()
                .map(m -> new MessageItem(m.authorName(), m.text(), when(m.at()), m.author().equals(caller.userId())))
                .toList();

        Status status = status(a, now);
        Actions actions = actions(a, detail.openTasks(), caller, events);
        String holder = a.holderUser() != null ? personName(a.holderUser()) : groupName(a.holderGroup(), a.unitCode());
        AssignmentRecord lead = a.leadAssignmentId() == null ? null : repository.find(a.leadAssignmentId()).orElse(null);
        // an instant assignment's role says what its source says already
        String role = a.role() == vn.dieuhanh.assignment.AssignmentRole.INSTANT ? null : a.role().label();
        return new ItemPage(a.id(), texts.summary(), texts.documentNumber(), a.source().label(), role,
                a.urgency().label(), unitName(a.unitCode()), personName(a.assignedBy()),
                a.isOpen() ? holder : null, VietnameseDates.deadline(a.deadline()), status,
                when(a.createdAt()), a.description(), a.resultSummary(),
                lead == null ? null : new LeadLink(lead.id(), new AssignmentTaskTexts(lead, null).summary(),
                        unitName(lead.unitCode()), readModel.visible(lead.id()).isPresent()),
                trail, contributions, messages, actions);
    }

    // ---- status: bucket, colour, working days left ----

    private Status status(AssignmentRecord a, Instant now) {
        StatusBucket bucket = buckets.bucketOf(a, now);
        if (bucket == null) {
            return new Status("CANCELLED", "Đã hủy", "Hủy lúc " + when(a.cancelledAt()), false);
        }
        boolean dueSoon = buckets.dueSoon(a, now);
        String slug = dueSoon ? StatusBucket.DUE_SOON.name() : bucket.name();
        String label = dueSoon ? StatusBucket.DUE_SOON.label() : bucket.label();
        String left;
        if (a.completedAt() != null) {
            left = "Hoàn thành lúc " + when(a.completedAt());
        } else {
            left = daysLeft(now, a.deadline().toInstant());
        }
        return new Status(slug, label, left, a.isOpen());
    }

    /** "Còn 3 ngày làm việc", "Hết hạn hôm nay", "Quá hạn 2 ngày làm việc". */
    String daysLeft(Instant now, Instant deadline) {
        try {
            if (!deadline.isBefore(now)) {
                int days = calendar.workingDaysBetween(now, deadline);
                return days <= 0 ? "Hết hạn hôm nay" : "Còn " + days + " ngày làm việc";
            }
            int late = calendar.workingDaysBetween(deadline, now);
            return late <= 0 ? "Quá hạn" : "Quá hạn " + late + " ngày làm việc";
        } catch (CalendarArgumentException beyondTheCalendar) {
            return deadline.isBefore(now) ? "Quá hạn" : "";
        }
    }

    // ---- actions ----

    private Actions actions(AssignmentRecord a, List<AssignmentReadModel.OpenTask> tasks, AssignmentVisibility caller,
                            List<TrailEvent> events) {
        if (!a.isOpen()) {
            return Actions.NONE;
        }
        String me = caller.userId();
        boolean handle = tasks.stream().anyMatch(t -> TASK_HANDLE_ASSIGNMENT.equals(t.taskDefinitionKey())
                && (me.equals(t.assignee()) || t.assignee() == null && caller.groupIds().contains(a.holderGroup())));
        boolean review = tasks.stream().anyMatch(t -> TASK_REVIEW_RESULT.equals(t.taskDefinitionKey())
                && me.equals(t.assignee()));
        boolean decideExtension = tasks.stream().anyMatch(t -> TASK_REVIEW_EXTENSION.equals(t.taskDefinitionKey())
                && me.equals(t.assignee()));
        boolean nudge = me.equals(a.assignedBy()) || caller.seesEverything();
        List<Option> divisions = new ArrayList<>();
        List<Option> officials = new ArrayList<>();
        if (handle) {
            for (Division division : directory.divisions(a.unitCode())) {
                divisions.add(new Option(division.code(), division.name()));
            }
            for (Official official : directory.officials(a.unitCode())) {
                if (!official.userId().equals(me)) {
                    officials.add(new Option(official.userId(), official.fullName() + " (" + official.role().label()
                            + ")"));
                }
            }
        }
        Submission reported = review ? last(events, TrailEventKind.REPORTED)
                .map(e -> new Submission(personName(e.actor()), e.note(), null, when(e.occurredAt()))).orElse(null)
                : null;
        Submission extension = decideExtension ? last(events, TrailEventKind.EXTENSION_REQUESTED)
                .map(e -> new Submission(personName(e.actor()), e.note(),
                        e.deadlineAfter() == null ? null : VietnameseDates.deadline(e.deadlineAfter()),
                        when(e.occurredAt()))).orElse(null)
                : null;
        LocalDate earliest = a.deadline().atZoneSameInstant(WorkingCalendar.ZONE).toLocalDate().plusDays(1);
        return new Actions(handle, review, decideExtension, nudge, divisions, officials, reported, extension,
                earliest.toString());
    }

    private static Optional<TrailEvent> last(List<TrailEvent> events, TrailEventKind kind) {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).kind() == kind) {
                return Optional.of(events.get(i));
            }
        }
        return Optional.empty();
    }

    // ---- trail and contributions ----

    private TrailItem trailItem(TrailEvent e, String unitCode) {
        String target = e.target() == null ? null : e.kind() == TrailEventKind.ASSIGNED
                || e.kind() == TrailEventKind.DELEGATED ? groupOrPerson(e.target(), unitCode) : personName(e.target());
        String change = null;
        if (e.kind() == TrailEventKind.ASSIGNED && e.deadlineAfter() != null) {
            change = "Hạn xử lý: " + VietnameseDates.deadline(e.deadlineAfter());
        } else if (e.kind() == TrailEventKind.EXTENSION_REQUESTED && e.deadlineAfter() != null) {
            change = "Đề nghị gia hạn đến " + VietnameseDates.deadline(e.deadlineAfter());
        } else if (e.kind() == TrailEventKind.EXTENSION_APPROVED && e.deadlineAfter() != null) {
            change = "Thời hạn mới: " + VietnameseDates.deadline(e.deadlineAfter());
        }
        return new TrailItem(e.kind().name(), e.kind().label(), personName(e.actor()), target, e.note(), change,
                when(e.occurredAt()), e.occurredAt().toInstant().toString());
    }

    private Contribution contribution(AssignmentRecord c, Instant now) {
        return new Contribution(c.id(), unitName(c.unitCode()), status(c, now), VietnameseDates.deadline(c.deadline()),
                c.holderUser() != null ? personName(c.holderUser()) : groupName(c.holderGroup(), c.unitCode()),
                c.resultSummary());
    }

    // ---- names ----

    private String personName(String userId) {
        if (userId == null) {
            return null;
        }
        if ("system".equals(userId)) {
            return "Hệ thống";
        }
        return directory.official(userId).map(Official::fullName).orElse(userId);
    }

    private String unitName(String unitCode) {
        return directory.unit(unitCode).map(Unit::name).orElse(unitCode);
    }

    private String groupName(String group, String unitCode) {
        if (group == null) {
            return unitName(unitCode);
        }
        for (Division division : directory.divisions(unitCode)) {
            if (division.code().equals(group)) {
                return division.name() + ", " + unitName(unitCode);
            }
        }
        return unitName(group);
    }

    private String groupOrPerson(String target, String unitCode) {
        Optional<Official> official = directory.official(target);
        return official.isPresent() ? official.get().fullName() : groupName(target, unitCode);
    }

    static String when(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingCalendar.ZONE).format(WHEN);
    }

    // ---- the view model ----

    record ItemPage(String id, String title, String documentNumber, String source, String role, String urgency,
                    String unit, String assignedBy, String holder, String deadline, Status status, String createdAt,
                    String description, String resultSummary, LeadLink lead, List<TrailItem> trail,
                    List<Contribution> contributions, List<MessageItem> messages, Actions actions) {
    }

    /** {@code css}: the bucket's colour class suffix (the shell's {@code b-COMPLETED_ON_TIME}, {@code b-OPEN_OVERDUE}, ...); {@code left}: working days left, or when it ended. */
    record Status(String css, String label, String left, boolean open) {
    }

    /** The lead assignment a coordinating one contributes to; linked only if the caller may open it. */
    record LeadLink(String id, String title, String unit, boolean visible) {
    }

    record TrailItem(String kind, String label, String actor, String target, String note, String deadlineChange,
                     String at, String isoAt) {
    }

    record Contribution(String id, String unit, Status status, String deadline, String holder, String result) {
    }

    record MessageItem(String author, String text, String at, boolean mine) {
    }

    record Option(String value, String label) {
    }

    /** What was submitted for the caller's decision: who, what, the proposed deadline (extensions), when. */
    record Submission(String by, String text, String proposedDeadline, String at) {
    }

    record Actions(boolean handle, boolean review, boolean decideExtension, boolean nudge, List<Option> divisions,
                   List<Option> officials, Submission reported, Submission extensionRequest,
                   String earliestExtensionDate) {

        static final Actions NONE = new Actions(false, false, false, false, List.of(), List.of(), null, null, null);

        boolean any() {
            return handle || review || decideExtension || nudge;
        }
    }
}
