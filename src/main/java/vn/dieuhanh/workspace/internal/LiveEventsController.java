package vn.dieuhanh.workspace.internal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.dieuhanh.assignment.AssignmentLists;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.NotFound;

/** {@code GET /su-kien}: the signed-in official's live updates (see {@link LiveEvents}). */
@RestController
class LiveEventsController {

    private final LiveEvents events;
    private final MyWork work;
    private final AssignmentLists assignments;

    LiveEventsController(LiveEvents events, MyWork work, AssignmentLists assignments) {
        this.events = events;
        this.work = work;
        this.assignments = assignments;
    }

    /**
     * The stream; with {@code viec} (an item page's assignment id) it also says when that assignment changes, after
     * checking that the official may see it (404 otherwise, as the item page itself answers).
     */
    @GetMapping(path = "/su-kien", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(CurrentOfficial me, @RequestParam(name = "viec", required = false) String item) {
        if (item != null && (item.length() > InputLimits.USER_ID || !assignments.visibleToCaller(item))) {
            throw new NotFound("Không tìm thấy nhiệm vụ (assignment not found)");
        }
        return events.open(me, work.count(me), item);
    }
}
