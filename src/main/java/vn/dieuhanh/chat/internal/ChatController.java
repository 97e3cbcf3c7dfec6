package vn.dieuhanh.chat.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.PlainText;
import vn.dieuhanh.platform.SingleLine;

@RestController
@RequestMapping("/api/chat")
@Tag(name = "Trò chuyện", description = "Chat: direct, unit, group and assignment conversations (docs/chat.md)")
class ChatController {

    private final ChatService service;
    private final ChatViews views;
    private final AttachmentRules attachmentRules;
    private final AttachmentDownloads downloads;

    ChatController(ChatService service, ChatViews views, AttachmentRules attachmentRules,
                   AttachmentDownloads downloads) {
        this.service = service;
        this.views = views;
        this.attachmentRules = attachmentRules;
        this.downloads = downloads;
    }

    record DirectRequest(@Size(max = InputLimits.USER_ID) @SingleLine String userId) {
    }

    record GroupRequest(@Size(max = ChatService.MAX_TITLE) @SingleLine String title,
                        @Size(max = ChatService.MAX_GROUP) List<@Size(max = InputLimits.USER_ID) @SingleLine String> members,
                        Boolean allWardChairs) {
    }

    record MessageRequest(@Size(max = ChatService.MAX_TEXT) @PlainText String text) {
    }

    record MemberRequest(@Size(max = InputLimits.USER_ID) @SingleLine String userId) {
    }

    record ReadRequest(long upTo) {
    }

    record Opened(long id, String title) {
    }

    record Details(ChatViews.ConversationView conversation, List<ChatViews.MemberView> members) {
    }

    record SearchHit(long conversationId, String conversationTitle, ChatViews.MessageView message) {
    }

    record Nudged(String notified) {
    }

    @GetMapping("/conversations")
    @Operation(summary = "My conversations, most recent first, with unread counts")
    List<ChatViews.ConversationView> conversations(CurrentOfficial me) {
        return views.conversations(me);
    }

    @PostMapping("/direct")
    @Operation(summary = "The direct conversation with another official (created on first use)")
    Opened direct(CurrentOfficial me, @Valid @RequestBody DirectRequest request) {
        ChatRepository.Conversation c = service.direct(me, request.userId());
        return new Opened(c.id(), service.title(c, me.userId()));
    }

    @GetMapping("/units/mine")
    @Operation(summary = "My unit's channel (every official of the unit; the head moderates)")
    Opened unit(CurrentOfficial me) {
        ChatRepository.Conversation c = service.unitChannel(me);
        return new Opened(c.id(), service.title(c, me.userId()));
    }

    @GetMapping("/assignments/{assignmentId}")
    @Operation(summary = "An assignment's thread as a conversation (whoever may see the assignment)")
    Opened assignment(CurrentOfficial me, @PathVariable String assignmentId) {
        ChatRepository.Conversation c = service.assignmentThread(me, assignmentId);
        return new Opened(c.id(), service.title(c, me.userId()));
    }

    @PostMapping("/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a group (City PC leaders, unit heads and deputies, the City PC Office, administrators)")
    Opened group(CurrentOfficial me, @Valid @RequestBody GroupRequest request) {
        ChatRepository.Conversation c = service.createGroup(me, request.title(), request.members(),
                Boolean.TRUE.equals(request.allWardChairs()));
        return new Opened(c.id(), c.title());
    }

    @GetMapping("/conversations/{id}")
    @Operation(summary = "A conversation and its members (members only)")
    Details conversation(CurrentOfficial me, @PathVariable long id) {
        ChatService.Access access = service.access(me, id);
        return new Details(views.conversation(me, access), views.members(id));
    }

    @GetMapping("/conversations/{id}/messages")
    @Operation(summary = "Messages after an id (or the latest), oldest first (members only)")
    List<ChatViews.MessageView> messages(CurrentOfficial me, @PathVariable long id,
                                         @RequestParam(defaultValue = "0") long after,
                                         @RequestParam(defaultValue = "50") int limit) {
        return views.messages(me, service.messages(me, id, after, limit));
    }

    @PostMapping("/conversations/{id}/messages")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a message; @mentions of members and units notify them once")
    ChatViews.MessageView post(CurrentOfficial me, @PathVariable long id, @Valid @RequestBody MessageRequest request) {
        return views.message(me, service.post(me, id, request.text()));
    }

    @PostMapping(path = "/conversations/{id}/attachments", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a message with a file (type checked by content, size limited)")
    ChatViews.MessageView attach(CurrentOfficial me, @PathVariable long id, @RequestPart("file") MultipartFile file,
                                 @RequestParam(name = "text", required = false) String text) throws IOException {
        if (file.getSize() > attachmentRules.maxBytes()) {
            throw new vn.dieuhanh.platform.InputRejected("Tệp đính kèm lớn quá " + attachmentRules.maxBytes()
                    / (1024 * 1024) + " MB (the file is too large)");
        }
        return views.message(me, service.postWithAttachment(me, id, text, file.getOriginalFilename(),
                file.getBytes(), attachmentRules));
    }

    @PutMapping("/conversations/{id}/messages/{messageId}")
    @Operation(summary = "Edit my message; the earlier text is kept in its history")
    ChatViews.MessageView edit(CurrentOfficial me, @PathVariable long id, @PathVariable long messageId,
                               @Valid @RequestBody MessageRequest request) {
        return views.message(me, service.edit(me, id, messageId, request.text()));
    }

    @DeleteMapping("/conversations/{id}/messages/{messageId}")
    @Operation(summary = "Delete a message (its author or the moderator); the text is kept in its history")
    ChatViews.MessageView delete(CurrentOfficial me, @PathVariable long id, @PathVariable long messageId) {
        return views.message(me, service.delete(me, id, messageId));
    }

    @GetMapping("/conversations/{id}/messages/{messageId}/history")
    @Operation(summary = "Earlier versions of a message (its author, the moderator, administrators)")
    List<ChatRepository.HistoryEntry> history(CurrentOfficial me, @PathVariable long id, @PathVariable long messageId) {
        return service.history(me, id, messageId);
    }

    @GetMapping("/conversations/{id}/messages/{messageId}/readers")
    @Operation(summary = "Members who have read the message (read receipts)")
    List<String> readers(CurrentOfficial me, @PathVariable long id, @PathVariable long messageId) {
        return service.readers(me, id, messageId);
    }

    @PostMapping("/conversations/{id}/messages/{messageId}/nudge")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Turn the message into a nudge on its linked assignment (the nudge's rules apply)")
    Nudged nudge(CurrentOfficial me, @PathVariable long id, @PathVariable long messageId) {
        return new Nudged(service.nudge(me, id, messageId));
    }

    @PostMapping("/conversations/{id}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark messages read up to an id")
    void read(CurrentOfficial me, @PathVariable long id, @RequestBody ReadRequest request) {
        service.markRead(me, id, request.upTo());
    }

    @PostMapping("/conversations/{id}/members")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Add a member to a group (its owner)")
    void addMember(CurrentOfficial me, @PathVariable long id, @Valid @RequestBody MemberRequest request) {
        service.addMember(me, id, request.userId());
    }

    @DeleteMapping("/conversations/{id}/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Leave a group (oneself) or remove a member (its owner)")
    void removeMember(CurrentOfficial me, @PathVariable long id, @PathVariable String userId) {
        service.removeMember(me, id, userId);
    }

    @PostMapping("/conversations/{id}/archive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Archive a conversation (its owner): no more messages")
    void archive(CurrentOfficial me, @PathVariable long id) {
        service.archive(me, id, true);
    }

    @DeleteMapping("/conversations/{id}/archive")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Bring an archived conversation back")
    void unarchive(CurrentOfficial me, @PathVariable long id) {
        service.archive(me, id, false);
    }

    @GetMapping("/search")
    @Operation(summary = "Search my conversations, with or without diacritics")
    List<SearchHit> search(CurrentOfficial me, @RequestParam String q) {
        return service.search(me, q).stream().map(f -> new SearchHit(f.conversation().id(),
                service.title(f.conversation(), me.userId()), views.message(me, f.message()))).toList();
    }

    @GetMapping("/attachments/{attachmentId}")
    @Operation(summary = "Download an attachment (members only)")
    ResponseEntity<byte[]> download(CurrentOfficial me, @PathVariable long attachmentId) {
        return downloads.download(me, attachmentId);
    }
}
