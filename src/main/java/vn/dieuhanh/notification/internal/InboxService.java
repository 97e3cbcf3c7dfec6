package vn.dieuhanh.notification.internal;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import vn.dieuhanh.notification.Inbox;

/** {@link Inbox} over {@link InboxRepository}. */
@Service
class InboxService implements Inbox {

    /** Recipients per unread-count query (bounded IN lists). */
    static final int RECIPIENTS_PER_QUERY = 500;

    private final InboxRepository repository;
    private final Clock clock;

    InboxService(InboxRepository repository, Clock clock) {
        this.repository = repository;
        this.clock = clock;
    }

    @Override
    public List<Message> messages(String recipient, boolean unreadOnly, int limit) {
        return repository.items(recipient, unreadOnly, limit).stream()
                .map(item -> new Message(item.id(), vn.dieuhanh.notification.NotificationKind.valueOf(item.kind()),
                        item.assignmentId(), item.subject(), item.body(), item.createdAt(), item.readAt()))
                .toList();
    }

    @Override
    public int unreadCount(String recipient) {
        return repository.unreadCount(recipient);
    }

    @Override
    public Map<String, Integer> unreadCounts(Collection<String> recipients) {
        Map<String, Integer> counts = new HashMap<>();
        List<String> all = new ArrayList<>(recipients);
        for (int from = 0; from < all.size(); from += RECIPIENTS_PER_QUERY) {
            counts.putAll(repository.unreadCounts(all.subList(from, Math.min(all.size(), from + RECIPIENTS_PER_QUERY))));
        }
        return counts;
    }

    @Override
    public boolean markRead(long id, String recipient) {
        if (!repository.belongsTo(id, recipient)) {
            return false;
        }
        repository.markRead(id, recipient, clock.instant());
        return true;
    }

    @Override
    public int markAllRead(String recipient) {
        return repository.markAllRead(recipient, clock.instant());
    }

    @Override
    public List<Arrival> arrivalsAfter(long watermark, int limit) {
        return repository.arrivalsAfter(watermark, limit);
    }

    @Override
    public long watermark() {
        return repository.maxId();
    }
}
