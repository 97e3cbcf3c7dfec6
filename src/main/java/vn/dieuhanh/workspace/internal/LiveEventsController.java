package vn.dieuhanh.workspace.internal;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.dieuhanh.organisation.CurrentOfficial;

/** {@code GET /su-kien}: the signed-in official's live updates (see {@link LiveEvents}). */
@RestController
class LiveEventsController {

    private final LiveEvents events;
    private final MyWork work;

    LiveEventsController(LiveEvents events, MyWork work) {
        this.events = events;
        this.work = work;
    }

    @GetMapping(path = "/su-kien", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    SseEmitter stream(CurrentOfficial me) {
        return events.open(me, work.count(me));
    }
}
