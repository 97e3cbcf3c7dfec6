package vn.dieuhanh.notification.internal;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import vn.dieuhanh.notification.NotificationChannel;

/**
 * Delivers the outbox. Every node may run it: a delivery row is worked only by the node whose conditional UPDATE
 * claimed it, then marked DELIVERED (or SKIPPED), or rescheduled with back-off after a failure, or FAILED after the
 * last attempt. A row stays PENDING until then, so nothing is lost when a node stops; a claim of a node that died
 * expires after {@code lock-duration}.
 */
@Component
class NotificationRelay {

    private static final Logger LOG = LoggerFactory.getLogger(NotificationRelay.class);

    private final OutboxRepository repository;
    private final Map<String, NotificationChannel> channels = new LinkedHashMap<>();
    private final NotificationProperties properties;
    private final Backoff backoff;
    private final String node;
    private final Clock clock;

    NotificationRelay(OutboxRepository repository, List<NotificationChannel> channels,
                      NotificationProperties properties, Clock clock) {
        this.repository = repository;
        this.clock = clock;
        channels.forEach(channel -> this.channels.put(channel.name(), channel));
        this.properties = properties;
        this.backoff = new Backoff(properties.backoffBase(), properties.backoffMax());
        this.node = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    String node() {
        return node;
    }

    /** One pass over the due deliveries; returns how many this node completed (delivered or skipped). */
    int runOnce() {
        int completed = 0;
        Instant now = clock.instant();
        for (long id : repository.due(channels.keySet(), now, properties.batchSize())) {
            Instant claimedAt = clock.instant();
            if (!repository.claim(id, node, claimedAt, claimedAt.plus(properties.lockDuration()))) {
                continue; // another node has it
            }
            if (deliver(id)) {
                completed++;
            }
        }
        return completed;
    }

    /** The scheduler's entry point: a relay run never throws (the database may be going away at shutdown). */
    void scheduledRun() {
        try {
            runOnce();
        } catch (RuntimeException e) {
            LOG.warn("Notification relay run failed; the next run tries again: {}", e.toString());
        }
    }

    private boolean deliver(long deliveryId) {
        OutboxRepository.Claimed claimed = repository.claimed(deliveryId).orElse(null);
        if (claimed == null) {
            return false;
        }
        NotificationChannel channel = channels.get(claimed.channel());
        try {
            NotificationChannel.DeliveryOutcome outcome = channel.deliver(claimed.notification());
            repository.markDone(deliveryId, node, outcome == NotificationChannel.DeliveryOutcome.SKIPPED
                    ? OutboxRepository.SKIPPED : OutboxRepository.DELIVERED, clock.instant());
            return true;
        } catch (Exception e) {
            int attempts = claimed.attempts() + 1;
            boolean lastAttempt = attempts >= properties.maxAttempts();
            Instant next = clock.instant().plus(backoff.delayAfter(attempts));
            String error = e.getClass().getSimpleName() + ": " + e.getMessage();
            repository.markFailedAttempt(deliveryId, node, attempts,
                    lastAttempt ? OutboxRepository.FAILED : OutboxRepository.PENDING, next, error);
            LOG.warn("Notification {} by {} to {} failed (attempt {} of {}{}): {}", claimed.notification().outboxId(),
                    claimed.channel(), claimed.notification().recipient(), attempts, properties.maxAttempts(),
                    lastAttempt ? ", given up" : ", next at " + next, error);
            return false;
        }
    }
}
