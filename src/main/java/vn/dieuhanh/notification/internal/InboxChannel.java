package vn.dieuhanh.notification.internal;

import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import vn.dieuhanh.notification.NotificationChannel;
import vn.dieuhanh.notification.OutgoingNotification;

/** The in-app inbox: one {@code ntf_inbox_item} per outbox row, so delivering the same row again adds nothing. */
@Component
class InboxChannel implements NotificationChannel {

    static final String NAME = "INBOX";

    private final JdbcClient jdbc;
    private final Clock clock;

    InboxChannel(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public DeliveryOutcome deliver(OutgoingNotification n) {
        jdbc.sql("""
                        INSERT INTO ntf_inbox_item (outbox_id, recipient, kind, assignment_id, subject, body, created_at)
                        SELECT CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(150)), CAST(? AS VARCHAR(30)),
                               CAST(? AS VARCHAR(64)), CAST(? AS VARCHAR(1000)), CAST(? AS VARCHAR(8000)),
                               CAST(? AS TIMESTAMP WITH TIME ZONE)
                         WHERE NOT EXISTS (SELECT 1 FROM ntf_inbox_item WHERE outbox_id = ?)""")
                .params(n.outboxId(), n.recipient(), n.kind().name(), n.assignmentId(), n.subject(), n.body(),
                        OutboxRepository.utc(clock.instant()), n.outboxId())
                .update();
        return DeliveryOutcome.DELIVERED;
    }
}
