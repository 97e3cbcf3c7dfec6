package vn.dieuhanh.notification;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.Date;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import vn.dieuhanh.assignment.InstantAssignmentProcess;
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

    /**
     * The scenario: the application stops with deadline timers pending, time moves past them, and the next
     * start fires the due timer and delivers its alert once; a further restart sends nothing again.
     */
    @Test
    void deadlineTimersPendingAtAStopFireAfterTheRestartAndAlertOnce() {
        String database = "ntf_timers_" + UUID.randomUUID().toString().substring(0, 8).replace('-', '_');
        sharedJdbc.sql("CREATE DATABASE " + database).update();
        String url = postgres.getJdbcUrl("postgres", database);
        String leader = "ld.khoi-dong-lai";
        String head = "phuong-tan-dinh.truong-khoi-dong-lai";
        String assignmentId;
        try {
            // Monday 2 March 2026, 09:00: 5 working days, deadline Monday 9 March 23:59:59
            ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-02T09:00:00+07:00").toInstant()));
            try (ConfigurableApplicationContext node = ExtraNode.start(url)) {
                OfficialAccounts accounts = node.getBean(OfficialAccounts.class);
                accounts.register(new Official(leader, "Lãnh đạo UBND TP", null, "ubnd-tp", null, Role.LEADER),
                        "Khoi-Dong-2026!");
                accounts.register(new Official(head, "Chủ tịch UBND phường Tân Định", head + "@dieuhanh.test",
                        "phuong-tan-dinh", null, Role.HEAD), "Khoi-Dong-2026!");
                IdentityService identity = node.getBean(IdentityService.class);
                identity.setAuthentication(leader, List.of(Role.LEADER.groupId()));
                try {
                    assignmentId = (String) node.getBean(RuntimeService.class)
                            .createProcessInstanceByKey(InstantAssignmentProcess.KEY)
                            .setVariables(Map.of(InstantAssignmentProcess.VAR_UNIT_CODE, "phuong-tan-dinh",
                                    InstantAssignmentProcess.VAR_TITLE, "Rà soát điểm ngập nước",
                                    InstantAssignmentProcess.VAR_DEADLINE_WORKING_DAYS, 5))
                            .executeWithVariablesInReturn().getVariables()
                            .get(InstantAssignmentProcess.VAR_ASSIGNMENT_ID);
                } finally {
                    identity.clearAuthentication();
                }
                ManagementService management = node.getBean(ManagementService.class);
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                        management.createJobQuery().timers().processDefinitionKey("assignment-lifecycle").count() == 1);
                assertThat(count(node, "SELECT COUNT(*) FROM ntf_outbox")).isZero();
            }

            // while the application is down, time passes the deadline: Tuesday 10 March, 10:00
            ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-10T10:00:00+07:00").toInstant()));
            try (ConfigurableApplicationContext node = ExtraNode.start(url)) {
                Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> count(node,
                        "SELECT COUNT(*) FROM ntf_delivery d JOIN ntf_outbox o ON o.id = d.outbox_id"
                                + " WHERE o.kind = 'OVERDUE' AND d.status = 'DELIVERED'") == 2);
            }
            // and once more: nothing is sent twice
            try (ConfigurableApplicationContext node = ExtraNode.start(url)) {
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                        count(node, "SELECT COUNT(*) FROM ntf_delivery WHERE status = 'PENDING'") == 0);
                assertThat(count(node, "SELECT COUNT(*) FROM ntf_outbox WHERE kind = 'OVERDUE'")).isEqualTo(1);
                // (the daily overdue digest of 10 March also lists the work for the head: a kind of its own)
                assertThat(count(node, "SELECT COUNT(*) FROM ntf_inbox_item WHERE kind = 'OVERDUE'")).isEqualTo(1);
                String key = node.getBean(JdbcClient.class).sql("SELECT dedup_key FROM ntf_outbox WHERE kind = 'OVERDUE'")
                        .query(String.class).single();
                assertThat(key).isEqualTo("assignment:" + assignmentId + ":OVERDUE:2026-03-09T17:00:00Z");
                assertThat(TestMailServer.withKey(key)).hasSize(1);
            }
        } finally {
            ClockUtil.reset();
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
