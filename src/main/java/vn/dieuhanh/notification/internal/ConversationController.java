package vn.dieuhanh.notification.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.dieuhanh.platform.PlainText;

@RestController
@RequestMapping("/api/assignments/{id}")
@Tag(name = "Trao đổi và nhắc việc", description = "The conversation on an assignment, and leaders' nudges")
class ConversationController {

    private final ConversationService conversations;

    ConversationController(ConversationService conversations) {
        this.conversations = conversations;
    }

    record MessageRequest(@Size(max = ConversationService.MAX_TEXT) @PlainText String text) {
    }

    record NudgeRequest(@Size(max = ConversationService.MAX_TEXT) @PlainText String note) {
    }

    @GetMapping("/messages")
    @Operation(summary = "The conversation on an assignment, oldest first (whoever may see the assignment)")
    List<ConversationService.Message> messages(@PathVariable String id) {
        return conversations.messages(id);
    }

    @PostMapping("/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a message; the holder, the unit head, the assigner and the reviewer are notified")
    ConversationService.Message post(@PathVariable String id, @Valid @RequestBody(required = false) MessageRequest request) {
        return conversations.post(id, request == null ? null : request.text());
    }

    @PostMapping("/nudge")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Remind the holder (the assigner, City PC leaders, administrators); recorded in the trail")
    ConversationService.Nudged nudge(@PathVariable String id, @Valid @RequestBody(required = false) NudgeRequest request) {
        return conversations.nudge(id, request == null ? null : request.note());
    }
}
