package vn.dieuhanh.workspace.internal;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dieuhanh.notification.Inbox;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.WebPage;

/** Hộp thư ({@code /hop-thu}): the official's in-app messages; marking one or all read. */
@Controller
@WebPage
class InboxPageController {

    static final int SHOWN = 100;

    private final Inbox inbox;

    InboxPageController(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/hop-thu")
    String inbox(CurrentOfficial me, @RequestParam(name = "chua-doc", defaultValue = "false") boolean unreadOnly,
                 Model model) {
        model.addAttribute("messages", inbox.messages(me.userId(), unreadOnly, SHOWN).stream()
                .map(InboxPageController::view).toList());
        model.addAttribute("unreadOnly", unreadOnly);
        return "workspace/inbox";
    }

    /** Marks one message read; htmx replaces the message, a plain form goes back to the inbox. */
    @PostMapping("/hop-thu/{id}/da-doc")
    String markRead(CurrentOfficial me, @PathVariable long id, HttpServletRequest request, Model model) {
        if (!inbox.markRead(id, me.userId())) {
            throw new NotFound("Không có thư " + id + " trong hộp thư của bạn (no such message in your inbox)");
        }
        if (request.getHeader("HX-Request") != null) {
            Inbox.Message message = inbox.messages(me.userId(), false, SHOWN).stream()
                    .filter(m -> m.id() == id).findFirst().orElse(null);
            if (message == null) {
                return "redirect:/hop-thu"; // older than the shown ones: htmx follows to the inbox
            }
            model.addAttribute("m", view(message));
            model.addAttribute("oob", true);
            model.addAttribute("unread", inbox.unreadCount(me.userId()));
            return "workspace/inbox-message :: message";
        }
        return "redirect:/hop-thu";
    }

    @PostMapping("/hop-thu/da-doc-tat-ca")
    String markAllRead(CurrentOfficial me) {
        inbox.markAllRead(me.userId());
        return "redirect:/hop-thu";
    }

    record MessageView(long id, String kind, String subject, String body, String when, boolean read,
                       String assignmentHref) {
    }

    static MessageView view(Inbox.Message m) {
        return new MessageView(m.id(), m.kind().label(), m.subject(), m.body(), VietnameseDays.moment(m.createdAt()),
                m.read(), m.assignmentId() == null ? null : "/viec/" + m.assignmentId());
    }
}
