package vn.dieuhanh.chat.internal;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.platform.NotFound;

/**
 * Serves an attachment to the members of its conversation only, always as a download ({@code Content-Disposition:
 * attachment}), with the type detected at upload, {@code nosniff}, no caching and a sandboxing CSP.
 */
@Component
class AttachmentDownloads {

    private final ChatService service;
    private final ChatRepository repository;

    AttachmentDownloads(ChatService service, ChatRepository repository) {
        this.service = service;
        this.repository = repository;
    }

    ResponseEntity<byte[]> download(CurrentOfficial me, long attachmentId) {
        ChatRepository.Attachment attachment = repository.attachment(attachmentId).orElseThrow(AttachmentDownloads::none);
        try {
            service.access(me, attachment.conversationId());
        } catch (NotFound notMember) {
            throw none();
        }
        if (repository.message(attachment.conversationId(), attachment.messageId())
                .map(m -> m.deletedAt() != null).orElse(true)) {
            throw none();
        }
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(attachment.contentType()));
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename(attachment.fileName(), StandardCharsets.UTF_8).build());
        headers.set("X-Content-Type-Options", "nosniff");
        headers.set("Content-Security-Policy", "default-src 'none'; sandbox");
        headers.setCacheControl("private, no-store");
        return ResponseEntity.ok().headers(headers).body(repository.attachmentContent(attachmentId));
    }

    private static NotFound none() {
        return new NotFound("Không tìm thấy tệp đính kèm, hoặc bạn không phải thành viên cuộc trò chuyện (no such "
                + "attachment that you may read)");
    }
}
