package vn.dieuhanh.chat.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import vn.dieuhanh.chat.ConversationKind;
import vn.dieuhanh.chat.internal.ChatRepository.Conversation;
import vn.dieuhanh.chat.internal.ChatRepository.Member;
import vn.dieuhanh.chat.internal.ChatRepository.Stored;
import vn.dieuhanh.notification.AssignmentConversations;
import vn.dieuhanh.notification.AssignmentParticipants;
import vn.dieuhanh.notification.AssignmentParticipants.Participants;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.Notifications;
import vn.dieuhanh.organisation.CurrentOfficial;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Role;
import vn.dieuhanh.organisation.Unit;
import vn.dieuhanh.organisation.UnitKind;
import vn.dieuhanh.platform.Conflict;
import vn.dieuhanh.platform.Forbidden;
import vn.dieuhanh.platform.InputLimits;
import vn.dieuhanh.platform.InputRejected;
import vn.dieuhanh.platform.NotFound;

/**
 * The chat's rules. Who may read or write a conversation is decided here for every door (REST, pages, live stream,
 * attachments, search): an active member of a direct or group conversation; every official of the unit for its
 * channel; whoever may see the assignment for its thread (the assignment's own rule). Anyone else gets a 404 that does
 * not tell whether the conversation exists.
 */
@Service
class ChatService {

    static final String OWNER = "OWNER";
    static final String MEMBER = "MEMBER";
    static final int MAX_TEXT = InputLimits.LONG_TEXT;
    static final int MAX_TITLE = 200;
    static final int MAX_GROUP = 500;
    static final int PAGE = 50;
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ChatRepository repository;
    private final OrganisationDirectory directory;
    private final AssignmentParticipants assignments;
    private final AssignmentConversations assignmentThreads;
    private final Notifications notifications;
    private final ChatLive live;
    private final Clock clock;

    ChatService(ChatRepository repository, OrganisationDirectory directory, AssignmentParticipants assignments,
                AssignmentConversations assignmentThreads, Notifications notifications, ChatLive live, Clock clock) {
        this.repository = repository;
        this.directory = directory;
        this.assignments = assignments;
        this.assignmentThreads = assignmentThreads;
        this.notifications = notifications;
        this.live = live;
        this.clock = clock;
    }

    record Access(Conversation conversation, Member member) {
        boolean owner() {
            return member.owner();
        }
    }

    static NotFound notFound() {
        return new NotFound("Không tìm thấy cuộc trò chuyện, hoặc bạn không phải thành viên (no such conversation "
                + "that you belong to)");
    }

    // ---- opening conversations

    /** The direct conversation between the caller and another official, created on first use. */
    @Transactional
    Conversation direct(CurrentOfficial me, String otherUserId) {
        String other = otherUserId == null ? "" : otherUserId.strip();
        if (other.equals(me.userId())) {
            throw new InputRejected("Không thể nhắn tin cho chính mình (you cannot message yourself)");
        }
        Official official = directory.official(other).orElseThrow(() -> new NotFound(
                "Không tìm thấy cán bộ '" + other + "' (no such official)"));
        String key = me.userId().compareTo(other) < 0 ? me.userId() + "|" + other : other + "|" + me.userId();
        Conversation conversation = repository.byRef(ConversationKind.DIRECT, key).orElseGet(() -> {
            long id = repository.insertConversation(ConversationKind.DIRECT, null, key, me.userId(), now());
            return repository.conversation(id).orElseThrow();
        });
        repository.upsertMember(conversation.id(), me.userId(), OWNER, now());
        repository.insertMemberIfAbsent(conversation.id(), official.userId(), OWNER, now());
        return conversation;
    }

    /** The caller's unit channel, created on first use; its members follow the unit's officials. */
    @Transactional
    Conversation unitChannel(CurrentOfficial me) {
        if (me.unitCode() == null) {
            throw new NotFound("Bạn không thuộc đơn vị nào (you belong to no unit)");
        }
        return syncUnit(me.unitCode());
    }

    private Conversation syncUnit(String unitCode) {
        Unit unit = directory.unit(unitCode).orElseThrow(() -> new NotFound("Không tìm thấy đơn vị (no such unit)"));
        Conversation conversation = repository.byRef(ConversationKind.UNIT, unitCode).orElseGet(() -> {
            long id = repository.insertConversation(ConversationKind.UNIT, unit.name(), unitCode, "system", now());
            return repository.conversation(id).orElseThrow();
        });
        Set<String> current = new LinkedHashSet<>();
        for (Official official : directory.officials(unitCode)) {
            current.add(official.userId());
            repository.upsertMember(conversation.id(), official.userId(),
                    official.role() == Role.HEAD ? OWNER : MEMBER, now());
        }
        for (Member member : repository.members(conversation.id())) {
            if (!current.contains(member.userId())) {
                repository.leave(conversation.id(), member.userId(), now());
            }
        }
        return conversation;
    }

    /** The thread of an assignment the caller may see, as a conversation; its participants are its members. */
    @Transactional
    Conversation assignmentThread(CurrentOfficial me, String assignmentId) {
        Participants p = assignments.visibleToCaller(assignmentId).orElseThrow(() -> new NotFound(
                "Không tìm thấy nhiệm vụ bạn được xem (no assignment '" + assignmentId + "' that you may see)"));
        String title = shorten("Việc: " + p.title());
        Conversation conversation = repository.byRef(ConversationKind.ASSIGNMENT, assignmentId).orElseGet(() -> {
            long id = repository.insertConversation(ConversationKind.ASSIGNMENT, title, assignmentId, me.userId(), now());
            return repository.conversation(id).orElseThrow();
        });
        Set<String> participants = new LinkedHashSet<>();
        participants.add(me.userId());
        participants.add(p.holderUser());
        participants.add(p.assignedBy());
        participants.add(p.reviewer());
        directory.head(p.unitCode()).map(Official::userId).ifPresent(participants::add);
        participants.remove(null);
        for (String user : participants) {
            repository.insertMemberIfAbsent(conversation.id(), user, user.equals(p.assignedBy()) ? OWNER : MEMBER, now());
        }
        mirror(conversation, assignmentId);
        return conversation;
    }

    /**
     * Groups are created by City PC leaders ({@code Roles.LEADER}), unit heads and deputies ({@code Roles.HEAD},
     * {@code Roles.DEPUTY}), the City PC Office and administrators.
     */
    @Transactional
    Conversation createGroup(CurrentOfficial me, String title, List<String> memberIds, boolean allWardChairs) {
        if (!(me.isCityLeader() || me.isUnitHead() || me.isCityOffice() || me.isAdministrator())) {
            throw new Forbidden("Chỉ lãnh đạo UBND Thành phố, thủ trưởng hoặc phó thủ trưởng đơn vị được lập nhóm "
                    + "(only City PC leaders, unit heads and deputies create groups)");
        }
        String cleanTitle = title == null ? "" : title.strip();
        if (cleanTitle.isEmpty()) {
            throw new InputRejected("Nhập tên nhóm (the group's title is required)");
        }
        InputLimits.text(cleanTitle, "title", MAX_TITLE, false);
        Set<String> members = new LinkedHashSet<>();
        if (memberIds != null) {
            memberIds.stream().filter(Objects::nonNull).map(String::strip).filter(s -> !s.isEmpty())
                    .forEach(members::add);
        }
        if (allWardChairs) {
            for (UnitKind kind : List.of(UnitKind.WARD, UnitKind.COMMUNE, UnitKind.SPECIAL_ZONE)) {
                for (Unit unit : directory.units(Optional.of(kind))) {
                    directory.head(unit.code()).map(Official::userId).ifPresent(members::add);
                }
            }
        }
        members.remove(me.userId());
        if (members.size() + 1 > MAX_GROUP) {
            throw new InputRejected("Nhóm có tối đa " + MAX_GROUP + " thành viên (a group has at most " + MAX_GROUP
                    + " members)");
        }
        Map<String, Official> known = directory.officialsById(members);
        for (String member : members) {
            if (!known.containsKey(member)) {
                throw new InputRejected("Không tìm thấy cán bộ '" + member + "' (no such official)");
            }
        }
        long id = repository.insertConversation(ConversationKind.GROUP, cleanTitle, null, me.userId(), now());
        repository.upsertMember(id, me.userId(), OWNER, now());
        for (String member : members) {
            repository.upsertMember(id, member, MEMBER, now());
        }
        return repository.conversation(id).orElseThrow();
    }

    // ---- access

    /** The conversation if the caller may read it (else a 404); unit channels and threads follow their rules. */
    Access access(CurrentOfficial me, long conversationId) {
        Conversation conversation = repository.conversation(conversationId).orElseThrow(ChatService::notFound);
        switch (conversation.kind()) {
            case UNIT -> {
                if (!conversation.refKey().equals(me.unitCode())) {
                    throw notFound();
                }
                // membership follows the unit: (re)joined, with the head as owner, whenever he opens it
                repository.upsertMember(conversation.id(), me.userId(), me.role() == Role.HEAD ? OWNER : MEMBER, now());
            }
            case ASSIGNMENT -> {
                if (assignments.visibleToCaller(conversation.refKey()).isEmpty()) {
                    throw notFound();
                }
                repository.insertMemberIfAbsent(conversation.id(), me.userId(), MEMBER, now());
            }
            default -> {
            }
        }
        Member member = repository.member(conversationId, me.userId()).orElseThrow(ChatService::notFound);
        if (!member.active() && conversation.kind() != ConversationKind.UNIT
                && conversation.kind() != ConversationKind.ASSIGNMENT) {
            throw notFound();
        }
        return new Access(conversation, member);
    }

    private Access writable(CurrentOfficial me, long conversationId) {
        Access access = access(me, conversationId);
        if (access.conversation().archived()) {
            throw new Conflict("Cuộc trò chuyện đã lưu trữ, không gửi thêm được (the conversation is archived)");
        }
        return access;
    }

    // ---- messages

    @Transactional
    List<Stored> messages(CurrentOfficial me, long conversationId, long after, int limit) {
        Access access = access(me, conversationId);
        if (access.conversation().kind() == ConversationKind.ASSIGNMENT) {
            mirror(access.conversation(), access.conversation().refKey());
        }
        return repository.messages(conversationId, Math.max(0, after), Math.min(Math.max(limit, 1), 200));
    }

    @Transactional
    Stored post(CurrentOfficial me, long conversationId, String text) {
        String clean = text(text);
        return postClean(me, writable(me, conversationId), clean);
    }

    private Stored postClean(CurrentOfficial me, Access access, String clean) {
        Conversation conversation = access.conversation();
        long id;
        if (conversation.kind() == ConversationKind.ASSIGNMENT) {
            // the assignment's thread stays the record (item page, Tasklist, /api/assignments/{id}/messages)
            AssignmentConversations.Message written = assignmentThreads.write(conversation.refKey(), clean);
            id = repository.insertMessage(conversation.id(), me.userId(), clean, written.at().toInstant(),
                    "ntf:" + written.id());
        } else {
            id = repository.insertMessage(conversation.id(), me.userId(), clean, now(), null);
        }
        repository.markRead(conversation.id(), me.userId(), id, now());
        notifyMentions(me, conversation, id, clean);
        wakeLiveAfterCommit();
        return repository.message(conversation.id(), id).orElseThrow();
    }

    @Transactional
    Stored postWithAttachment(CurrentOfficial me, long conversationId, String text, String fileName, byte[] content,
                              AttachmentRules rules) {
        Access access = writable(me, conversationId);
        if (access.conversation().kind() == ConversationKind.ASSIGNMENT) {
            throw new Conflict("Tệp đính kèm của nhiệm vụ gửi trong trang nhiệm vụ (attach files to an assignment "
                    + "on its own page)");
        }
        AttachmentRules.Checked checked = rules.check(fileName, content);
        String clean = text == null || text.isBlank() ? "📎 " + checked.fileName() : text(text);
        Stored message = postClean(me, access, clean);
        repository.insertAttachment(conversationId, message.id(), checked.fileName(), checked.contentType(), content,
                me.userId(), now());
        return message;
    }

    @Transactional
    Stored edit(CurrentOfficial me, long conversationId, long messageId, String text) {
        String clean = text(text);
        Access access = writable(me, conversationId);
        Stored message = repository.message(conversationId, messageId).orElseThrow(() -> new NotFound(
                "Không tìm thấy tin nhắn (no such message)"));
        refuseRecordThread(access);
        if (!message.author().equals(me.userId())) {
            throw new Forbidden("Chỉ người gửi được sửa tin nhắn (only the author edits a message)");
        }
        if (message.deletedAt() != null) {
            throw new Conflict("Tin nhắn đã bị xóa (the message was deleted)");
        }
        if (!message.body().equals(clean)) {
            repository.edit(messageId, message.body(), clean, me.userId(), now());
            notifyMentions(me, access.conversation(), messageId, clean);
        }
        return repository.message(conversationId, messageId).orElseThrow();
    }

    @Transactional
    Stored delete(CurrentOfficial me, long conversationId, long messageId) {
        Access access = access(me, conversationId);
        Stored message = repository.message(conversationId, messageId).orElseThrow(() -> new NotFound(
                "Không tìm thấy tin nhắn (no such message)"));
        refuseRecordThread(access);
        boolean moderator = access.owner() && access.conversation().kind() != ConversationKind.DIRECT;
        if (!message.author().equals(me.userId()) && !moderator && !me.isAdministrator()) {
            throw new Forbidden("Chỉ người gửi hoặc người quản lý nhóm được xóa tin nhắn (only the author or the "
                    + "conversation's moderator deletes a message)");
        }
        if (message.deletedAt() == null) {
            repository.delete(messageId, message.body(), me.userId(), now());
        }
        return repository.message(conversationId, messageId).orElseThrow();
    }

    private static void refuseRecordThread(Access access) {
        if (access.conversation().kind() == ConversationKind.ASSIGNMENT) {
            throw new Conflict("Trao đổi về nhiệm vụ là hồ sơ của nhiệm vụ, không sửa hay xóa được (an assignment's "
                    + "thread is part of its record and is never edited)");
        }
    }

    /** The earlier versions of a message: for its author, the conversation's owners and administrators. */
    List<ChatRepository.HistoryEntry> history(CurrentOfficial me, long conversationId, long messageId) {
        Access access = access(me, conversationId);
        Stored message = repository.message(conversationId, messageId).orElseThrow(() -> new NotFound(
                "Không tìm thấy tin nhắn (no such message)"));
        if (!message.author().equals(me.userId()) && !access.owner() && !me.isAdministrator()) {
            throw new Forbidden("Chỉ người gửi hoặc người quản lý nhóm xem lịch sử sửa (only the author or the "
                    + "moderator reads the history)");
        }
        return repository.history(messageId);
    }

    /** Turns a message into a nudge on its linked assignment, with the nudge service's rules (assigner, leaders). */
    @Transactional
    String nudge(CurrentOfficial me, long conversationId, long messageId) {
        Access access = access(me, conversationId);
        Stored message = repository.message(conversationId, messageId).orElseThrow(() -> new NotFound(
                "Không tìm thấy tin nhắn (no such message)"));
        if (message.deletedAt() != null) {
            throw new Conflict("Tin nhắn đã bị xóa (the message was deleted)");
        }
        String assignmentId = access.conversation().kind() == ConversationKind.ASSIGNMENT
                ? access.conversation().refKey()
                : ChatText.links(message.body()).stream().filter(l -> l.kind() == ChatText.LinkKind.ASSIGNMENT)
                .map(ChatText.Link::id).findFirst().orElseThrow(() -> new InputRejected(
                        "Tin nhắn không gắn với nhiệm vụ nào (the message links no assignment)"));
        String note = message.body().length() > MAX_TEXT ? message.body().substring(0, MAX_TEXT) : message.body();
        return assignmentThreads.remind(assignmentId, note);
    }

    @Transactional
    void markRead(CurrentOfficial me, long conversationId, long upTo) {
        access(me, conversationId);
        repository.markRead(conversationId, me.userId(), upTo, now());
    }

    List<String> readers(CurrentOfficial me, long conversationId, long messageId) {
        access(me, conversationId);
        Stored message = repository.message(conversationId, messageId).orElseThrow(() -> new NotFound(
                "Không tìm thấy tin nhắn (no such message)"));
        return repository.readers(conversationId, messageId, message.author());
    }

    // ---- members

    @Transactional
    void addMember(CurrentOfficial me, long conversationId, String userId) {
        Access access = writable(me, conversationId);
        if (access.conversation().kind() != ConversationKind.GROUP) {
            throw new Conflict("Chỉ thêm thành viên vào nhóm (members are added to groups only)");
        }
        if (!access.owner()) {
            throw new Forbidden("Chỉ người quản lý nhóm được thêm thành viên (only the group's owner adds members)");
        }
        Official official = directory.official(userId == null ? "" : userId.strip()).orElseThrow(() ->
                new InputRejected("Không tìm thấy cán bộ '" + userId + "' (no such official)"));
        if (repository.members(conversationId).size() >= MAX_GROUP) {
            throw new Conflict("Nhóm đã đủ " + MAX_GROUP + " thành viên (the group is full)");
        }
        repository.upsertMember(conversationId, official.userId(), MEMBER, now());
    }

    @Transactional
    void removeMember(CurrentOfficial me, long conversationId, String userId) {
        Access access = access(me, conversationId);
        boolean self = me.userId().equals(userId);
        if (access.conversation().kind() != ConversationKind.GROUP) {
            throw new Conflict("Chỉ rời hoặc bớt thành viên của nhóm; kênh đơn vị, tin nhắn riêng và trao đổi nhiệm vụ "
                    + "theo đơn vị và nhiệm vụ (only groups have members who leave)");
        }
        if (!self && !access.owner()) {
            throw new Forbidden("Chỉ người quản lý nhóm được bớt thành viên (only the group's owner removes members)");
        }
        Member target = repository.member(conversationId, userId).filter(Member::active).orElseThrow(() ->
                new NotFound("Không có thành viên này (no such member)"));
        if (target.owner() && repository.members(conversationId).stream().filter(Member::owner).count() == 1) {
            throw new Conflict("Nhóm cần ít nhất một người quản lý: giao quyền trước khi rời (the last owner cannot "
                    + "leave)");
        }
        repository.leave(conversationId, userId, now());
    }

    @Transactional
    void archive(CurrentOfficial me, long conversationId, boolean archived) {
        Access access = access(me, conversationId);
        if (access.conversation().kind() == ConversationKind.ASSIGNMENT) {
            throw new Conflict("Trao đổi nhiệm vụ kết thúc cùng nhiệm vụ (an assignment's thread ends with it)");
        }
        if (!access.owner() && !me.isAdministrator()) {
            throw new Forbidden("Chỉ người quản lý được lưu trữ cuộc trò chuyện (only the owner archives)");
        }
        repository.setArchived(conversationId, archived ? now() : null);
    }

    // ---- search

    record Found(Stored message, Conversation conversation) {
    }

    List<Found> search(CurrentOfficial me, String query) {
        String folded = ChatText.fold(query);
        if (folded.length() < 2) {
            throw new InputRejected("Nhập ít nhất 2 ký tự để tìm (at least 2 characters)");
        }
        if (folded.length() > 200) {
            throw new InputRejected("Từ khóa tìm kiếm dài quá 200 ký tự (the query is longer than 200 characters)");
        }
        Map<Long, Optional<Conversation>> readable = new HashMap<>();
        List<Found> found = new ArrayList<>();
        for (Stored message : repository.search(me.userId(), folded, PAGE)) {
            Optional<Conversation> conversation = readable.computeIfAbsent(message.conversationId(), id -> {
                try {
                    return Optional.of(access(me, id).conversation());
                } catch (NotFound gone) {
                    return Optional.empty();
                }
            });
            conversation.ifPresent(c -> found.add(new Found(message, c)));
        }
        return found;
    }

    // ---- helpers

    /** Copies messages posted on the assignment's own page or API into its conversation, once each. */
    private void mirror(Conversation conversation, String assignmentId) {
        Set<String> known = repository.sourceRefs(conversation.id());
        for (AssignmentConversations.Message message : assignmentThreads.thread(assignmentId)) {
            if (!known.contains("ntf:" + message.id())) {
                repository.insertMessage(conversation.id(), message.author(), message.text(),
                        message.at().toInstant(), "ntf:" + message.id());
            }
        }
    }

    /**
     * Mentions of members ({@code @user.id}) and of units ({@code @unit-code}: the members of that unit) are recorded
     * and notified in the inbox once per (message, official); officials outside the conversation are not told, so
     * nothing of it leaks.
     */
    private void notifyMentions(CurrentOfficial me, Conversation conversation, long messageId, String text) {
        Set<String> names = ChatText.mentions(text);
        if (names.isEmpty()) {
            return;
        }
        List<Member> members = repository.members(conversation.id());
        Map<String, Official> byId = directory.officialsById(members.stream().map(Member::userId).toList());
        Set<String> recipients = new LinkedHashSet<>();
        for (String name : names) {
            if (byId.containsKey(name)) {
                recipients.add(name);
            } else {
                byId.values().stream().filter(o -> name.equals(o.unitCode())).map(Official::userId)
                        .forEach(recipients::add);
            }
        }
        recipients.remove(me.userId());
        List<String> fresh = new ArrayList<>();
        for (String recipient : recipients) {
            if (repository.insertMention(messageId, conversation.id(), recipient, now())) {
                fresh.add(recipient);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("sender", me.fullName() == null ? me.userId() : me.fullName());
        model.put("conversation", title(conversation, me.userId()));
        model.put("conversationId", conversation.id());
        model.put("text", text.length() > 1000 ? text.substring(0, 1000) + "…" : text);
        notifications.enqueue(new Notification("chat-mention:" + messageId, NotificationKind.CHAT_MENTION,
                conversation.kind() == ConversationKind.ASSIGNMENT ? conversation.refKey() : null, fresh,
                "chat-mention", model));
    }

    /** The conversation's title as the official sees it: the other party for a direct one. */
    String title(Conversation conversation, String viewer) {
        if (conversation.kind() == ConversationKind.DIRECT) {
            String[] pair = conversation.refKey().split("\\|", 2);
            String other = pair[0].equals(viewer) ? pair[1] : pair[0];
            return directory.official(other).map(Official::fullName).orElse(other);
        }
        return conversation.title() == null ? conversation.kind().label() : conversation.title();
    }

    String name(String userId) {
        return directory.official(userId).map(Official::fullName).orElse(userId);
    }

    private void wakeLiveAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    live.wake();
                }
            });
        } else {
            live.wake();
        }
    }

    private static String text(String text) {
        String clean = text == null ? "" : text.strip();
        if (clean.isEmpty()) {
            throw new InputRejected("Nhập nội dung tin nhắn (the message text is required)");
        }
        return InputLimits.text(clean, "text", MAX_TEXT, true);
    }

    private static String shorten(String title) {
        return title.length() > MAX_TITLE ? title.substring(0, MAX_TITLE - 1) + "…" : title;
    }

    private Instant now() {
        return clock.instant();
    }

    static OffsetDateTime local(OffsetDateTime at) {
        return at == null ? null : at.atZoneSameInstant(VIETNAM).toOffsetDateTime();
    }
}
