package vn.dieuhanh.assignment.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import vn.dieuhanh.notification.AssignmentConversations;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.WebPage;
import vn.dieuhanh.platform.web.UserErrors;

/**
 * The item page of the web app, {@code /viec/{id}}: an assignment with its trail, conversation and coordinating
 * units, and the actions the logged-in official may take. Every action goes through the same services as
 * {@code /api/assignments/{id}/...} ({@link AssignmentActions}, the conversation service), so the same rules and
 * Vietnamese messages apply; who acts is the session's official (set on the engine by the workspace's login).
 * <p>
 * Forms post normally (a redirect back to the page on success, the page with the message near the form on a refusal)
 * and, with htmx, in place: the updated item, or the message with the refusal's status, retargeted to the form's
 * message area ({@code HX-Retarget}).
 */
@Controller
@WebPage
@RequestMapping("/viec/{id}")
class AssignmentItemController {

    private static final Logger LOG = LoggerFactory.getLogger(AssignmentItemController.class);

    private final AssignmentReadModel readModel;
    private final AssignmentItemPages pages;
    private final AssignmentActions actions;
    private final AssignmentConversations conversations;

    AssignmentItemController(AssignmentReadModel readModel, AssignmentItemPages pages, AssignmentActions actions,
                             AssignmentConversations conversations) {
        this.readModel = readModel;
        this.pages = pages;
        this.actions = actions;
        this.conversations = conversations;
    }

    /** The page; for htmx (the page following its assignment live, see app.js) only the item. */
    @GetMapping
    String page(@PathVariable String id, HttpServletRequest request, Model model) {
        model.addAttribute("item", pages.page(id));
        return htmx(request) ? "assignment/item :: item" : "assignment/item";
    }

    @PostMapping("/giao-lai")
    String delegate(@PathVariable String id, @RequestParam(required = false) String to,
                    @RequestParam(required = false) String note, HttpServletRequest request,
                    HttpServletResponse response, Model model) {
        return act(id, "giao-lai", request, response, model, () -> {
            actions.delegate(id, line(to, "Giao cho", InputLimits.USER_ID), text(note, "Ý kiến chỉ đạo"));
            return done(id, request, model, "Đã giao lại nhiệm vụ.");
        });
    }

    @PostMapping("/bao-cao")
    String report(@PathVariable String id, @RequestParam(required = false) String result,
                  HttpServletRequest request, HttpServletResponse response, Model model) {
        return act(id, "bao-cao", request, response, model, () -> {
            actions.report(id, text(result, "Kết quả thực hiện"));
            return done(id, request, model, "Đã gửi báo cáo kết quả.");
        });
    }

    @PostMapping("/xin-gia-han")
    String requestExtension(@PathVariable String id, @RequestParam(required = false) String proposedDeadline,
                            @RequestParam(required = false) String reason, HttpServletRequest request,
                            HttpServletResponse response, Model model) {
        return act(id, "xin-gia-han", request, response, model, () -> {
            actions.requestExtension(id, date(proposedDeadline), text(reason, "Lý do xin gia hạn"));
            return done(id, request, model, "Đã gửi đề nghị gia hạn.");
        });
    }

    @PostMapping("/xem-xet")
    String review(@PathVariable String id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String note, HttpServletRequest request,
                  HttpServletResponse response, Model model) {
        return act(id, "xem-xet", request, response, model, () -> {
            boolean accepted = choice(decision, "chap-nhan", "tra-lai",
                    "Chọn chấp nhận hoặc trả lại kết quả (choose to accept or return the result)");
            actions.review(id, accepted, text(note, "Ý kiến"));
            return done(id, request, model, accepted ? "Đã chấp nhận kết quả." : "Đã trả lại kết quả để làm lại.");
        });
    }

    @PostMapping("/gia-han")
    String decideExtension(@PathVariable String id, @RequestParam(required = false) String decision,
                           @RequestParam(required = false) String note, HttpServletRequest request,
                           HttpServletResponse response, Model model) {
        return act(id, "gia-han", request, response, model, () -> {
            boolean approved = choice(decision, "dong-y", "khong-dong-y",
                    "Chọn đồng ý hoặc không đồng ý gia hạn (choose to approve or refuse the extension)");
            actions.decideExtension(id, approved, text(note, "Ý kiến"));
            return done(id, request, model, approved ? "Đã đồng ý gia hạn." : "Đã không đồng ý gia hạn.");
        });
    }

    @PostMapping("/nhac-viec")
    String nudge(@PathVariable String id, @RequestParam(required = false) String note, HttpServletRequest request,
                 HttpServletResponse response, Model model) {
        return act(id, "nhac-viec", request, response, model, () -> {
            conversations.remind(id, text(note, "Nội dung nhắc"));
            return done(id, request, model, "Đã nhắc việc.");
        });
    }

    @PostMapping("/trao-doi")
    String post(@PathVariable String id, @RequestParam(required = false) String text, HttpServletRequest request,
                HttpServletResponse response, Model model) {
        return act(id, "trao-doi", request, response, model, () -> {
            conversations.write(id, text);
            if (htmx(request)) {
                model.addAttribute("item", pages.page(id));
                return "assignment/item :: conversation";
            }
            return "redirect:/viec/" + id + "#trao-doi";
        });
    }

    /** The updated item in place (htmx), or back to the page (a plain form post). */
    private String done(String id, HttpServletRequest request, Model model, String notice) {
        if (htmx(request)) {
            model.addAttribute("item", pages.page(id));
            model.addAttribute("notice", notice);
            return "assignment/item :: item";
        }
        return "redirect:/viec/" + id;
    }

    /**
     * Runs a form's action. Whoever may not see the assignment gets the 404 first, whatever he posted. A refusal is
     * shown next to the form: with htmx just the Vietnamese message (with the refusal's status, or the generic message
     * for a bug), retargeted to the form's message area; a plain post gets the page again with the message beside the
     * form. What the form cannot show (the page itself refused: 403, 404; a bug without htmx) goes on to the web app's
     * shared error page ({@code PageErrorAdvice}: layout, Vietnamese title, same status and message as {@code /api}).
     */
    private String act(String id, String form, HttpServletRequest request, HttpServletResponse response, Model model,
                       Supplier<String> action) {
        try {
            visible(id);
            return action.get();
        } catch (RuntimeException failure) {
            UserErrors.Classified refusal = UserErrors.classify(failure);
            boolean htmx = htmx(request);
            boolean pageShown = refusal.status() < 500 && refusal.status() != 403 && refusal.status() != 404;
            if (!htmx && !pageShown) {
                throw failure;
            }
            if (refusal.status() < 500) {
                LOG.info("{} {} {}: {}", refusal.status(), request.getMethod(), request.getRequestURI(),
                        refusal.detail());
            } else {
                LOG.error("{} {} {}", refusal.status(), request.getMethod(), request.getRequestURI(), failure);
            }
            response.setStatus(refusal.status());
            model.addAttribute("error", refusal.detail());
            model.addAttribute("errorForm", form);
            if (htmx) {
                response.setHeader("HX-Retarget", "#loi-" + form);
                response.setHeader("HX-Reswap", "innerHTML");
                return "assignment/fragments :: error";
            }
            model.addAttribute("item", pages.page(id));
            return "assignment/item";
        }
    }

    private void visible(String id) {
        readModel.visible(id).orElseThrow(() -> new AssignmentActions.AssignmentNotFound(id));
    }

    private static boolean htmx(HttpServletRequest request) {
        return "true".equals(request.getHeader("HX-Request"));
    }

    private static String text(String value, String field) {
        String text = value == null || value.isBlank() ? null : value.strip();
        return InputLimits.text(text, field, InputLimits.LONG_TEXT, true);
    }

    private static String line(String value, String field, int max) {
        String text = value == null || value.isBlank() ? null : value.strip();
        return InputLimits.text(text, field, max, false);
    }

    /** The form's date (yyyy-MM-dd from a date input), checked as {@code /api}'s {@code @CalendarDate}. */
    private static String date(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            LocalDate date = LocalDate.parse(value.strip());
            if (!InputLimits.inCalendar(date)) {
                throw new InputRejected("Ngày ngoài phạm vi lịch 1900-2100 (the date is outside 1900-2100)");
            }
            return date.toString();
        } catch (DateTimeParseException e) {
            throw new InputRejected("Ngày không hợp lệ, cần dạng năm-tháng-ngày (a date yyyy-MM-dd is required)");
        }
    }

    private static boolean choice(String value, String yes, String no, String message) {
        if (yes.equals(value)) {
            return true;
        }
        if (no.equals(value)) {
            return false;
        }
        throw new InputRejected(message);
    }
}
