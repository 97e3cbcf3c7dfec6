package vn.dieuhanh.chat.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.Notifications;

/**
 * The e-mail digest of mentions still unread after {@code dieuhanh.chat.digest.delay} (default 15 minutes): every
 * {@code dieuhanh.chat.digest.interval} each node looks at the mentions older than the delay and not yet digested.
 * In one transaction per official it marks them digested with a conditional update (a node that comes second updates
 * nothing and sends nothing) and, for those the official has not read meanwhile, enqueues one e-mail-only notification
 * keyed by the mentions' ids. Mentions already read are marked digested without a mail. Exactly once across nodes.
 */
@Component
class MentionDigest implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(MentionDigest.class);
    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final ChatRepository repository;
    private final ChatNames names;
    private final Notifications notifications;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration delay;
    private final Duration interval;
    private final boolean enabled;
    private ScheduledExecutorService scheduler;

    MentionDigest(ChatRepository repository, ChatNames names, Notifications notifications,
                  TransactionTemplate transactions, Clock clock,
                  @Value("${dieuhanh.chat.digest.delay:15m}") Duration delay,
                  @Value("${dieuhanh.chat.digest.interval:1m}") Duration interval,
                  @Value("${dieuhanh.chat.digest.enabled:true}") boolean enabled) {
        this.repository = repository;
        this.names = names;
        this.notifications = notifications;
        this.transactions = transactions;
        this.clock = clock;
        this.delay = delay;
        this.interval = interval;
        this.enabled = enabled;
    }

    @Override
    public void afterPropertiesSet() {
        if (!enabled) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "dieuhanh-chat-digest");
            thread.setDaemon(true);
            return thread;
        });
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("Chat mention digest failed; the next run tries again: {}", e.toString());
            }
        }, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void destroy() {
        if (scheduler != null) {
            scheduler.shutdownNow();
        }
    }

    /** One pass; returns the number of digests enqueued. */
    int runOnce() {
        Instant now = clock.instant();
        Map<String, List<ChatRepository.PendingMention>> byRecipient = new LinkedHashMap<>();
        for (ChatRepository.PendingMention mention : repository.undigestedBefore(now.minus(delay), 1000)) {
            byRecipient.computeIfAbsent(mention.recipient(), r -> new ArrayList<>()).add(mention);
        }
        int sent = 0;
        for (Map.Entry<String, List<ChatRepository.PendingMention>> entry : byRecipient.entrySet()) {
            Boolean enqueued = transactions.execute(status -> digest(entry.getKey(), entry.getValue(), now));
            if (Boolean.TRUE.equals(enqueued)) {
                sent++;
            }
        }
        return sent;
    }

    private boolean digest(String recipient, List<ChatRepository.PendingMention> mentions, Instant now) {
        List<Map<String, Object>> items = new ArrayList<>();
        long first = Long.MAX_VALUE;
        long last = 0;
        for (ChatRepository.PendingMention mention : mentions) {
            if (!repository.markDigested(mention.id(), now)) {
                continue; // another node has it
            }
            ChatRepository.Member member = repository.member(mention.conversationId(), recipient).orElse(null);
            if (member == null || !member.active() || member.lastReadId() >= mention.messageId()) {
                continue; // read meanwhile, or no longer a member
            }
            ChatRepository.Stored message = repository.message(mention.conversationId(), mention.messageId())
                    .filter(m -> m.deletedAt() == null).orElse(null);
            ChatRepository.Conversation conversation = repository.conversation(mention.conversationId()).orElse(null);
            if (message == null || conversation == null) {
                continue;
            }
            first = Math.min(first, mention.id());
            last = Math.max(last, mention.id());
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("sender", names.name(message.author()));
            item.put("conversation", conversation.title() == null ? conversation.kind().label() : conversation.title());
            item.put("at", ChatService.local(message.createdAt()).format(AT));
            String text = message.body();
            item.put("text", text.length() > 300 ? text.substring(0, 300) + "…" : text);
            items.add(item);
        }
        if (items.isEmpty()) {
            return false;
        }
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("count", items.size());
        model.put("items", items);
        return notifications.enqueue(new Notification("chat-digest:" + recipient + ":" + first + "-" + last,
                NotificationKind.CHAT_DIGEST, null, List.of(recipient), "chat-digest", model));
    }
}
