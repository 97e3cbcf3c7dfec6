package vn.dieuhanh.notification.internal;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import vn.dieuhanh.notification.AssignmentConversations;
import vn.dieuhanh.notification.AssignmentParticipants;
import vn.dieuhanh.notification.AssignmentParticipants.Participants;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.Notifications;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/**
 * The conversation on an assignment and leaders' nudges. A message and its notifications, a nudge, its trail entry
 * and its notification, are each written in one transaction.
 */
@Service
class ConversationService implements AssignmentConversations {

    static final int MAX_TEXT = 4000;

    private final AssignmentParticipants participants;
    private final Notifications notifications;
    private final OrganisationDirectory directory;
    private final IdentityService identityService;
    private final JdbcClient jdbc;
    private final Clock clock;

    ConversationService(AssignmentParticipants participants, Notifications notifications,
                        OrganisationDirectory directory, IdentityService identityService, JdbcClient jdbc,
                        Clock clock) {
        this.clock = clock;
        this.participants = participants;
        this.notifications = notifications;
        this.directory = directory;
        this.identityService = identityService;
        this.jdbc = jdbc;
    }

    record Message(long id, String author, String authorName, String text, OffsetDateTime at) {
    }

    List<Message> messages(String assignmentId) {
        visible(assignmentId);
        return jdbc.sql("SELECT id, author, body, created_at FROM ntf_message WHERE assignment_id = ? ORDER BY id")
                .param(assignmentId)
                .query((rs, n) -> new Message(rs.getLong("id"), rs.getString("author"), name(rs.getString("author")),
                        rs.getString("body"), InboxController.local(OutboxRepository.time(rs, "created_at"))))
                .list();
    }

    @Transactional
    Message post(String assignmentId, String text) {
        Participants p = visible(assignmentId);
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InputRejected("Nhập nội dung trao đổi (the message text is required)");
        }
        if (clean.length() > MAX_TEXT) {
            throw new InputRejected("Nội dung trao đổi dài quá " + MAX_TEXT + " ký tự (the message "
                    + "is longer than " + MAX_TEXT + " characters)");
        }
        String author = Caller.of(identityService).userId();
        OffsetDateTime now = OutboxRepository.utc(clock.instant());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("INSERT INTO ntf_message (assignment_id, author, body, created_at) VALUES (?, ?, ?, ?)")
                .params(assignmentId, author, clean, now).update(key, "id");
        long id = key.getKey().longValue();
        participants.showConversation(assignmentId, transcript(assignmentId));

        Set<String> others = new LinkedHashSet<>();
        others.add(p.holderUser());
        directory.head(p.unitCode()).map(Official::userId).ifPresent(others::add);
        others.add(p.assignedBy());
        others.add(p.reviewer());
        others.remove(null);
        others.remove(author);
        if (!others.isEmpty()) {
            Map<String, Object> model = model(p);
            model.put("sender", name(author));
            model.put("text", clean);
            notifications.enqueue(new Notification("message:" + id, NotificationKind.MESSAGE, assignmentId,
                    List.copyOf(others), "message", model));
        }
        return new Message(id, author, name(author), clean, InboxController.local(now));
    }

    record Nudged(String assignmentId, String notified) {
    }

    /** The assigner, a City PC leader or an administrator reminds whoever holds the assignment now. */
    @Transactional
    Nudged nudge(String assignmentId, String note) {
        Participants p = visible(assignmentId);
        Caller caller = Caller.of(identityService);
        if (!caller.userId().equals(p.assignedBy()) && !caller.isCityLeader() && !caller.isAdmin()) {
            throw new Forbidden("Chỉ người giao việc hoặc lãnh đạo UBND Thành phố được nhắc việc "
                    + "(only the assigner or a City PC leader may nudge)");
        }
        if (!p.open()) {
            throw new Conflict("Nhiệm vụ đã kết thúc (the assignment is completed or cancelled)");
        }
        String holder = p.holderUser() != null ? p.holderUser()
                : directory.head(p.unitCode()).map(Official::userId).orElse(null);
        if (holder == null) {
            throw new Conflict("Không xác định được người đang xử lý nhiệm vụ (nobody holds the "
                    + "assignment: its unit has no head registered)");
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        if (cleanNote != null && cleanNote.length() > MAX_TEXT) {
            throw new InputRejected("Ý kiến nhắc việc dài quá " + MAX_TEXT + " ký tự");
        }
        participants.recordNudge(assignmentId, caller.userId(), cleanNote);
        Map<String, Object> model = model(p);
        model.put("sender", name(caller.userId()));
        model.put("text", cleanNote);
        notifications.enqueue(new Notification("nudge:" + assignmentId + ":" + UUID.randomUUID(),
                NotificationKind.NUDGE, assignmentId, List.of(holder), "nudge", model));
        return new Nudged(assignmentId, holder);
    }

    @Override
    public List<AssignmentConversations.Message> thread(String assignmentId) {
        return messages(assignmentId).stream().map(ConversationService::shared).toList();
    }

    @Override
    @Transactional
    public AssignmentConversations.Message write(String assignmentId, String text) {
        return shared(post(assignmentId, text));
    }

    @Override
    @Transactional
    public String remind(String assignmentId, String note) {
        return nudge(assignmentId, note).notified();
    }

    private static AssignmentConversations.Message shared(Message m) {
        return new AssignmentConversations.Message(m.id(), m.author(), m.authorName(), m.text(), m.at());
    }

    static final int SHOWN_IN_FORMS = 20;
    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    /** The latest messages, oldest first, one per line: "09:15 16/03/2026 – Nguyễn Văn An: ...". */
    private String transcript(String assignmentId) {
        List<Message> all = messages(assignmentId);
        List<Message> latest = all.subList(Math.max(0, all.size() - SHOWN_IN_FORMS), all.size());
        StringBuilder text = new StringBuilder();
        for (Message message : latest) {
            text.append(message.at().format(WHEN)).append(" – ").append(message.authorName()).append(": ")
                    .append(message.text()).append('\n');
        }
        return text.toString().strip();
    }

    private Participants visible(String assignmentId) {
        return participants.visibleToCaller(assignmentId).orElseThrow(() -> new NotFound(
                "No assignment '" + assignmentId + "' that you may see"));
    }

    private Map<String, Object> model(Participants p) {
        Map<String, Object> model = new HashMap<>();
        model.put("title", p.title());
        model.put("deadline", p.deadline());
        model.put("unitCode", p.unitCode());
        return model;
    }

    private String name(String userId) {
        return directory.official(userId).map(Official::fullName).orElse(userId);
    }
}
