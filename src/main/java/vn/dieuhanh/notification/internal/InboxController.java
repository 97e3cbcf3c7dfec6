package vn.dieuhanh.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.platform.NotFound;

@RestController
@RequestMapping("/api/inbox")
@Tag(name = "Hộp thư thông báo", description = "The caller's in-app notifications")
class InboxController {

    static final int MAX_ITEMS = 200;

    private final InboxRepository inbox;
    private final IdentityService identityService;
    private final Clock clock;

    InboxController(InboxRepository inbox, IdentityService identityService, Clock clock) {
        this.inbox = inbox;
        this.clock = clock;
        this.identityService = identityService;
    }

    record InboxItem(long id, String kind, String kindLabel, String assignmentId, String subject, String body,
                     OffsetDateTime createdAt, OffsetDateTime readAt, boolean read) {
    }

    @GetMapping
    @Operation(summary = "The caller's notifications, newest first (at most 200); unread=true for unread ones only")
    List<InboxItem> list(@RequestParam(defaultValue = "false") boolean unread) {
        return inbox.items(Caller.of(identityService).userId(), unread, MAX_ITEMS);
    }

    @PostMapping("/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one of the caller's notifications read (again is harmless)")
    void markRead(@PathVariable long id) {
        String user = Caller.of(identityService).userId();
        if (!inbox.belongsTo(id, user)) {
            throw new NotFound("No notification " + id + " in your inbox");
        }
        inbox.markRead(id, user, clock.instant());
    }

    static OffsetDateTime local(OffsetDateTime time) {
        return time == null ? null : time.atZoneSameInstant(WorkingCalendar.ZONE).toOffsetDateTime();
    }
}
