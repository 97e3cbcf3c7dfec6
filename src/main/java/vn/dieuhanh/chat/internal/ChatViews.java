package vn.dieuhanh.chat.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;
import vn.dieuhanh.chat.ConversationKind;
import vn.dieuhanh.organisation.CurrentOfficial;

/** What the REST API and the pages show of conversations and messages (times in Vietnam's zone). */
@Component
class ChatViews {

    record AttachmentView(long id, String fileName, String contentType, long size, String href) {
    }

    record MessageView(long id, long conversationId, String author, String authorName, String text,
                       OffsetDateTime at, OffsetDateTime editedAt, boolean deleted, boolean mine,
                       List<LinkCards.Card> cards, List<AttachmentView> attachments) {
    }

    record ConversationView(long id, ConversationKind kind, String kindLabel, String title, String role,
                            boolean archived, int unread, String lastText, String lastAuthorName,
                            OffsetDateTime lastAt) {
    }

    record MemberView(String userId, String name, String role) {
    }

    private final ChatService service;
    private final ChatRepository repository;
    private final LinkCards cards;

    ChatViews(ChatService service, ChatRepository repository, LinkCards cards) {
        this.service = service;
        this.repository = repository;
        this.cards = cards;
    }

    List<MessageView> messages(CurrentOfficial me, List<ChatRepository.Stored> stored) {
        LinkCards.Resolver resolver = cards.resolver();
        Map<Long, List<ChatRepository.Attachment>> files = repository.attachments(
                stored.stream().map(ChatRepository.Stored::id).toList());
        return stored.stream().map(m -> {
            boolean deleted = m.deletedAt() != null;
            return new MessageView(m.id(), m.conversationId(), m.author(), service.name(m.author()),
                    deleted ? "" : m.body(), ChatService.local(m.createdAt()), ChatService.local(m.editedAt()),
                    deleted, m.author().equals(me.userId()), deleted ? List.of() : resolver.cards(m.body()),
                    deleted ? List.of() : files.getOrDefault(m.id(), List.of()).stream()
                            .map(a -> new AttachmentView(a.id(), a.fileName(), a.contentType(), a.size(),
                                    "/api/chat/attachments/" + a.id()))
                            .toList());
        }).toList();
    }

    MessageView message(CurrentOfficial me, ChatRepository.Stored stored) {
        return messages(me, List.of(stored)).get(0);
    }

    List<ConversationView> conversations(CurrentOfficial me) {
        return repository.conversationsOf(me.userId(), 200).stream().map(l -> new ConversationView(
                l.conversation().id(), l.conversation().kind(), l.conversation().kind().label(),
                service.title(l.conversation(), me.userId()), l.role(), l.conversation().archived(), l.unread(),
                l.lastBody(), l.lastAuthor() == null ? null : service.name(l.lastAuthor()),
                ChatService.local(l.lastAt()))).toList();
    }

    ConversationView conversation(CurrentOfficial me, ChatService.Access access) {
        ChatRepository.Conversation c = access.conversation();
        return new ConversationView(c.id(), c.kind(), c.kind().label(), service.title(c, me.userId()),
                access.member().role(), c.archived(), 0, null, null, null);
    }

    List<MemberView> members(long conversationId) {
        return repository.members(conversationId).stream()
                .map(m -> new MemberView(m.userId(), service.name(m.userId()), m.role())).toList();
    }
}
