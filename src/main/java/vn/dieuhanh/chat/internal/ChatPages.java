package vn.dieuhanh.chat.internal;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;
import vn.dieuhanh.platform.WebPage;

/**
 * The chat in the web app: Trò chuyện ({@code /tro-chuyen}, my conversations, start a direct message or a group,
 * search) and one conversation ({@code /tro-chuyen/{id}}), with live updates from {@code /tro-chuyen/su-kien}
 * ({@code static/app/chat.js}). The same service, rules and messages as {@code /api/chat}.
 */
@Controller
@WebPage
class ChatPages {

    private final ChatService service;
    private final ChatViews views;
    private final ChatLive live;
    private final AttachmentRules attachmentRules;
    private final AttachmentDownloads downloads;

    ChatPages(ChatService service, ChatViews views, ChatLive live, AttachmentRules attachmentRules,
              AttachmentDownloads downloads) {
        this.service = service;
        this.views = views;
        this.live = live;
        this.attachmentRules = attachmentRules;
        this.downloads = downloads;
    }

    @GetMapping("/tro-chuyen")
    String list(CurrentOfficial me, Model model) {
        if (me.unitCode() != null) {
            service.unitChannel(me);
        }
        model.addAttribute("conversations", views.conversations(me));
        model.addAttribute("mayCreateGroup", me.isCityLeader() || me.isUnitHead() || me.isCityOffice()
                || me.isAdministrator());
        return "chat/list";
    }

    @PostMapping("/tro-chuyen/rieng")
    String direct(CurrentOfficial me, @RequestParam(name = "userId", required = false) String userId) {
        return "redirect:/tro-chuyen/" + service.direct(me, limited(userId, InputLimits.USER_ID)).id();
    }

    @PostMapping("/tro-chuyen/nhom")
    String group(CurrentOfficial me, @RequestParam(name = "title", required = false) String title,
                 @RequestParam(name = "members", required = false) String members,
                 @RequestParam(name = "allWardChairs", required = false) String allWardChairs) {
        List<String> ids = members == null ? List.of()
                : Arrays.stream(limited(members, 100_000).split("[\\s,;]+")).filter(s -> !s.isBlank()).toList();
        return "redirect:/tro-chuyen/" + service.createGroup(me, title, ids, allWardChairs != null).id();
    }

    @GetMapping("/tro-chuyen/viec/{assignmentId}")
    String assignment(CurrentOfficial me, @PathVariable String assignmentId) {
        return "redirect:/tro-chuyen/" + service.assignmentThread(me, assignmentId).id();
    }

    @GetMapping("/tro-chuyen/{id:\\d+}")
    String conversation(CurrentOfficial me, @PathVariable long id, Model model) {
        ChatService.Access access = service.access(me, id);
        List<ChatViews.MessageView> messages = views.messages(me, service.messages(me, id, 0, ChatService.PAGE));
        if (!messages.isEmpty()) {
            service.markRead(me, id, messages.get(messages.size() - 1).id());
        }
        model.addAttribute("conversation", views.conversation(me, access));
        model.addAttribute("members", views.members(id));
        model.addAttribute("messages", messages);
        model.addAttribute("lastId", messages.isEmpty() ? 0 : messages.get(messages.size() - 1).id());
        model.addAttribute("owner", access.owner());
        model.addAttribute("maxMb", attachmentRules.maxBytes() / (1024 * 1024));
        return "chat/conversation";
    }

    /** New messages after an id, as list items to append (the live update and the composer ask this). */
    @GetMapping("/tro-chuyen/{id:\\d+}/moi")
    String newer(CurrentOfficial me, @PathVariable long id, @RequestParam(name = "sau", defaultValue = "0") long after,
                 Model model) {
        List<ChatViews.MessageView> messages = views.messages(me, service.messages(me, id, Math.max(after, 0), 200));
        if (!messages.isEmpty()) {
            service.markRead(me, id, messages.get(messages.size() - 1).id());
        }
        model.addAttribute("messages", messages);
        model.addAttribute("conversationId", id);
        return "chat/conversation :: items";
    }

    @PostMapping("/tro-chuyen/{id:\\d+}/gui")
    String send(CurrentOfficial me, @PathVariable long id, @RequestParam(name = "text", required = false) String text,
                Model model, HttpServletResponse response) {
        try {
            service.post(me, id, limited(text, ChatService.MAX_TEXT + 1));
            response.setHeader("HX-Trigger", "chat-sent");
            model.addAttribute("error", null);
            return "chat/conversation :: send-error";
        } catch (InputRejected | Conflict refused) {
            response.setStatus(refused instanceof Conflict ? 409 : 400);
            response.setHeader("HX-Retarget", "#loi-gui");
            model.addAttribute("error", refused.getMessage());
            return "chat/conversation :: send-error";
        }
    }

    @PostMapping(path = "/tro-chuyen/{id:\\d+}/tep", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    String attach(CurrentOfficial me, @PathVariable long id, @RequestParam("file") MultipartFile file,
                  @RequestParam(name = "text", required = false) String text) throws IOException {
        if (file.getSize() > attachmentRules.maxBytes()) {
            throw new InputRejected("Tệp đính kèm lớn quá " + attachmentRules.maxBytes() / (1024 * 1024)
                    + " MB (the file is too large)");
        }
        service.postWithAttachment(me, id, limited(text, ChatService.MAX_TEXT + 1), file.getOriginalFilename(),
                file.getBytes(), attachmentRules);
        return "redirect:/tro-chuyen/" + id;
    }

    @PostMapping("/tro-chuyen/{id:\\d+}/tin/{messageId}/xoa")
    String delete(CurrentOfficial me, @PathVariable long id, @PathVariable long messageId) {
        service.delete(me, id, messageId);
        return "redirect:/tro-chuyen/" + id;
    }

    @PostMapping("/tro-chuyen/{id:\\d+}/tin/{messageId}/nhac-viec")
    String nudge(CurrentOfficial me, @PathVariable long id, @PathVariable long messageId, Model model,
                 HttpServletResponse response) {
        try {
            model.addAttribute("notified", service.name(service.nudge(me, id, messageId)));
            return "chat/conversation :: nudged";
        } catch (Forbidden | NotFound | Conflict | InputRejected refused) {
            response.setStatus(refused instanceof Forbidden ? 403 : refused instanceof NotFound ? 404
                    : refused instanceof Conflict ? 409 : 400);
            model.addAttribute("message", refused.getMessage());
            return "chat/conversation :: nudge-refused";
        }
    }

    @PostMapping("/tro-chuyen/{id:\\d+}/roi")
    String leave(CurrentOfficial me, @PathVariable long id) {
        service.removeMember(me, id, me.userId());
        return "redirect:/tro-chuyen";
    }

    @PostMapping("/tro-chuyen/{id:\\d+}/luu-tru")
    String archive(CurrentOfficial me, @PathVariable long id) {
        service.archive(me, id, true);
        return "redirect:/tro-chuyen/" + id;
    }

    @GetMapping("/tro-chuyen/tim")
    String search(CurrentOfficial me, @RequestParam(name = "q", required = false) String q, Model model) {
        String query = q == null ? "" : limited(q, 400);
        model.addAttribute("q", query);
        model.addAttribute("hits", query.isBlank() ? List.of() : service.search(me, query).stream()
                .map(f -> new ChatController.SearchHit(f.conversation().id(),
                        service.title(f.conversation(), me.userId()), views.message(me, f.message()))).toList());
        return "chat/search";
    }

    @GetMapping("/tro-chuyen/tep/{attachmentId}")
    @ResponseBody
    ResponseEntity<byte[]> download(CurrentOfficial me, @PathVariable long attachmentId) {
        return downloads.download(me, attachmentId);
    }

    @GetMapping(path = "/tro-chuyen/su-kien", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(CurrentOfficial me) {
        return live.open(me.userId());
    }

    private static String limited(String text, int max) {
        if (text != null && text.length() > max) {
            throw new InputRejected("Nội dung dài quá " + (max - 1) + " ký tự (the text is too long)");
        }
        return text;
    }
}
