package vn.dieuhanh.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dieuhanh.notification.Notification;
import vn.dieuhanh.notification.NotificationChannel;
import vn.dieuhanh.notification.NotificationKind;
import vn.dieuhanh.notification.OutgoingNotification;
import vn.dieuhanh.organisation.OrganisationDirectory;

/**
 * The outbox and relay on the demo database (H2, the application's migrations): conditional insert, claims, back-off,
 * giving up, and a second relay that finds nothing to claim. The PostgreSQL side is covered by the integration tests.
 */
class RelayOnH2Test {

    JdbcClient jdbc;
    TransactionTemplate transactions;
    OutboxRepository repository;
    final FlakyChannel flaky = new FlakyChannel();
    InboxChannel inbox;
    OutboxService outbox;
    final NotificationProperties properties = new NotificationProperties(true, Duration.ofSeconds(2), 50,
            Duration.ofMinutes(2), Duration.ofMillis(1), Duration.ofMillis(4), 3, "no-reply@dieuhanh.test");

    static class FlakyChannel implements NotificationChannel {
        final AtomicInteger calls = new AtomicInteger();
        volatile int failuresLeft;

        @Override
        public String name() {
            return "SMS";
        }

        @Override
        public DeliveryOutcome deliver(OutgoingNotification notification) {
            calls.incrementAndGet();
            if (failuresLeft > 0) {
                failuresLeft--;
                throw new IllegalStateException("SMS gateway unavailable");
            }
            return DeliveryOutcome.DELIVERED;
        }
    }

    @BeforeEach
    void migrate() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:relay-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        Flyway.configure().dataSource(dataSource).locations("classpath:db/migration/common").load().migrate();
        jdbc = JdbcClient.create(dataSource);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
        repository = new OutboxRepository(jdbc);
        inbox = new InboxChannel(jdbc, java.time.Clock.systemUTC());
        outbox = new OutboxService(repository, new NotificationTemplates(), mock(OrganisationDirectory.class),
                List.of(inbox, flaky), java.time.Clock.systemUTC());
    }

    private boolean enqueue(String key, String... recipients) {
        return transactions.execute(tx -> outbox.enqueue(new Notification(key, NotificationKind.REMINDER, null,
                List.of(recipients), "reminder", Map.of("title", "Báo cáo quý"))));
    }

    private NotificationRelay relay() {
        return new NotificationRelay(repository, List.of(inbox, flaky), properties, java.time.Clock.systemUTC());
    }

    private String status(String channel) {
        return jdbc.sql("SELECT status FROM ntf_delivery WHERE channel = ?").param(channel).query(String.class).single();
    }

    @Test
    void aKeyIsEnqueuedOncePerRecipientAndDeliveredOncePerChannel() {
        assertThat(enqueue("k1", "a", "b", "a")).isTrue();
        assertThat(enqueue("k1", "a", "b")).isFalse();
        assertThat(enqueue("k1", "a", "c")).as("a new recipient of the same key").isTrue();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ntf_outbox").query(Long.class).single()).isEqualTo(3);

        NotificationRelay first = relay();
        assertThat(first.runOnce()).isEqualTo(6);
        assertThat(relay().runOnce()).as("nothing left for another node").isZero();
        assertThat(first.runOnce()).isZero();
        assertThat(flaky.calls.get()).isEqualTo(3);
        assertThat(jdbc.sql("SELECT recipient FROM ntf_inbox_item ORDER BY recipient").query(String.class).list())
                .containsExactly("a", "b", "c");
    }

    @Test
    void aClaimedDeliveryIsNotClaimedAgainUntilTheClaimExpires() {
        enqueue("k2", "a");
        long id = jdbc.sql("SELECT id FROM ntf_delivery WHERE channel = 'SMS'").query(Long.class).single();
        Instant now = Instant.now();
        assertThat(repository.claim(id, "node-1", now, now.plusSeconds(60))).isTrue();
        assertThat(repository.claim(id, "node-2", now, now.plusSeconds(60))).isFalse();
        assertThat(repository.claim(id, "node-2", now.plusSeconds(61), now.plusSeconds(120)))
                .as("node-1 died: its claim expired").isTrue();
    }

    @Test
    void failuresBackOffAndGiveUpAfterTheLastAttempt() {
        flaky.failuresLeft = 10;
        enqueue("k3", "a");
        NotificationRelay relay = relay();
        relay.runOnce();
        assertThat(status("INBOX")).isEqualTo("DELIVERED");
        assertThat(status("SMS")).isEqualTo("PENDING");
        Map<String, Object> row = jdbc.sql("SELECT attempts, last_error FROM ntf_delivery WHERE channel = 'SMS'")
                .query().singleRow();
        assertThat(((Number) row.get("ATTEMPTS")).intValue()).isEqualTo(1);
        assertThat(row.get("LAST_ERROR").toString()).contains("SMS gateway unavailable");
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> {
            relay.runOnce();
            return "FAILED".equals(status("SMS"));
        });
        assertThat(flaky.calls.get()).isEqualTo(3);
        assertThat(repository.troubled(10)).singleElement().satisfies(d -> {
            assertThat(d.channel()).isEqualTo("SMS");
            assertThat(d.attempts()).isEqualTo(3);
        });

        flaky.failuresLeft = 0;
        long id = repository.troubled(10).get(0).id();
        assertThat(repository.retry(id, Instant.now())).isTrue();
        assertThat(repository.retry(id, Instant.now())).as("only FAILED ones").isFalse();
        assertThat(relay.runOnce()).isEqualTo(1);
        assertThat(status("SMS")).isEqualTo("DELIVERED");
        assertThat(repository.troubled(10)).isEmpty();
    }
}
