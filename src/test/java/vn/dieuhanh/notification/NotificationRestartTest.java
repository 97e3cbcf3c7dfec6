package vn.dieuhanh.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.TestMailServer;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * Restart safety: notifications enqueued by a node that stops before relaying them are delivered, once each, by the
 * node started next on the same database. Runs on a database of its own, so the shared test context's relay stays out.
 */
@PostgresIntegrationTest
class NotificationRestartTest {

    static final String RECIPIENT = "phuong-ben-thanh.khoi-dong-lai";
    static final String ADDRESS = RECIPIENT + "@dieuhanh.test";

    @Autowired
    EmbeddedPostgres postgres;
    @Autowired
    JdbcClient sharedJdbc;

    @Test
    void pendingNotificationsSurviveAStopAndAreDeliveredOnceAfterTheRestart() {
        String database = "ntf_restart_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        sharedJdbc.sql("CREATE DATABASE " + database).update();
        String url = postgres.getJdbcUrl("postgres", database);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            keys.add("assignment:restart-" + i + ":REMINDER:" + UUID.randomUUID());
        }

        // first life: the relay is off (as if the node stopped before its next run)
        try (ConfigurableApplicationContext node = ExtraNode.start(url, "--dieuhanh.notifications.relay-enabled=false")) {
            node.getBean(OfficialAccounts.class).register(new Official(RECIPIENT, "Công chức phường Bến Thành",
                    ADDRESS, "phuong-ben-thanh", null, Role.OFFICER), "Khoi-Dong-2026!");
            Notifications notifications = node.getBean(Notifications.class);
            TransactionTemplate transactions = node.getBean(TransactionTemplate.class);
            for (String key : keys) {
                transactions.executeWithoutResult(tx -> notifications.enqueue(notification(key)));
            }
            transactions.executeWithoutResult(tx -> notifications.enqueue(notification(keys.get(0))));
            assertThat(count(node, "SELECT COUNT(*) FROM ntf_delivery WHERE status = 'PENDING'")).isEqualTo(10);
        }
        for (String key : keys) {
            assertThat(TestMailServer.withKey(key)).as("nothing sent before the restart").isEmpty();
        }

        // second life: the next node delivers everything that was pending, once
        try (ConfigurableApplicationContext node = ExtraNode.start(url)) {
            Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                    count(node, "SELECT COUNT(*) FROM ntf_delivery WHERE status = 'DELIVERED'") == 10);
            for (String key : keys) {
                assertThat(TestMailServer.withKey(key)).as("e-mails of " + key).hasSize(1);
                assertThat(node.getBean(JdbcClient.class).sql("SELECT COUNT(*) FROM ntf_inbox_item i"
                                + " JOIN ntf_outbox o ON o.id = i.outbox_id WHERE o.dedup_key = ?")
                        .param(key).query(Long.class).single()).as("inbox items of " + key).isEqualTo(1);
            }
            assertThat(count(node, "SELECT COUNT(*) FROM ntf_delivery")).isEqualTo(10);
        }
    }

    private static long count(ConfigurableApplicationContext node, String sql) {
        return node.getBean(JdbcClient.class).sql(sql).query(Long.class).single();
    }

    private static Notification notification(String key) {
        return new Notification(key, NotificationKind.REMINDER, null, List.of(RECIPIENT), "reminder",
                Map.of("title", "Báo cáo " + key, "deadline", OffsetDateTime.parse("2026-03-09T23:59:59+07:00")));
    }
}
