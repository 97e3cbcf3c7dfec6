package vn.dieuhanh.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.platform.NotFound;

@RestController
@RequestMapping("/api/inbox")
@Tag(name = "Hộp thư thông báo", description = "The caller's in-app notifications")
class InboxController {

    static final int MAX_ITEMS = 200;

    private final JdbcClient jdbc;
    private final IdentityService identityService;
    private final Clock clock;

    InboxController(JdbcClient jdbc, IdentityService identityService, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.identityService = identityService;
    }

    record InboxItem(long id, String kind, String kindLabel, String assignmentId, String subject, String body,
                     OffsetDateTime createdAt, OffsetDateTime readAt, boolean read) {
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first (at most 200); unread=true for unread ones only")
    List<InboxItem> list(@RequestParam(defaultValue = "false") boolean unread) {
        String user = Caller.of(identityService).userId();
        return jdbc.sql("SELECT id, kind, assignment_id, subject, body, created_at, read_at FROM ntf_inbox_item"
                        + " WHERE recipient = ?" + (unread ? " AND read_at IS NULL" : "")
                        + " ORDER BY created_at DESC, id DESC FETCH FIRST " + MAX_ITEMS + " ROWS ONLY")
                .param(user)
                .query((rs, n) -> {
                    OffsetDateTime readAt = local(OutboxRepository.time(rs, "read_at"));
                    NotificationKind kind = NotificationKind.valueOf(rs.getString("kind"));
                    return new InboxItem(rs.getLong("id"), kind.name(), kind.label(), rs.getString("assignment_id"),
                            rs.getString("subject"), rs.getString("body"),
                            local(OutboxRepository.time(rs, "created_at")), readAt, readAt != null);
                })
                .list();
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one of the caller's notifications read (again is harmless)")
    void markRead(@PathVariable long id) {
        String user = Caller.of(identityService).userId();
        int mine = jdbc.sql("SELECT COUNT(*) FROM ntf_inbox_item WHERE id = ? AND recipient = ?").params(id, user)
                .query(Integer.class).single();
        if (mine == 0) {
            throw new NotFound("No notification " + id + " in your inbox");
        }
        jdbc.sql("UPDATE ntf_inbox_item SET read_at = ? WHERE id = ? AND recipient = ? AND read_at IS NULL")
                .params(OutboxRepository.utc(clock.instant()), id, user).update();
    }

    static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingCalendar.ZONE).toOffsetDateTime();
    }
}
