package vn.dieuhanh.notification.internal;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.WebPage;

/**
 * The dashboard's "Nhắc việc" button ({@code POST /dieu-hanh/nhac-viec/{id}}, with the session's CSRF token): the same
 * service, rules and messages as {@code POST /api/assignments/{id}/nudge}. Answers a small fragment that replaces the
 * button: "Đã nhắc ..." or the refusal (403, 404, 409) in Vietnamese.
 */
@Controller
@WebPage
class NudgePages {

    private final ConversationService conversations;
    private final OrganisationDirectory directory;

    NudgePages(ConversationService conversations, OrganisationDirectory directory) {
        this.conversations = conversations;
        this.directory = directory;
    }

    @PostMapping("/dieu-hanh/nhac-viec/{id}")
    String nudge(@PathVariable String id, Model model, HttpServletResponse response) {
        try {
            ConversationService.Nudged nudged = conversations.nudge(id, null);
            model.addAttribute("notified", directory.official(nudged.notified()).map(Official::fullName)
                    .orElse(nudged.notified()));
            return "notification/nudge :: done";
        } catch (Forbidden | NotFound | Conflict refused) {
            response.setStatus(refused instanceof Forbidden ? 403 : refused instanceof NotFound ? 404 : 409);
            model.addAttribute("message", refused.getMessage());
            return "notification/nudge :: refused";
        }
    }
}
