package vn.dieuhanh.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dieuhanh.NotificationTestBeans;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.TestMailServer;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * Exactly once: a reminder job that runs again (retried after failing after its outbox write; two job executors and
 * relays on one database) still gives one e-mail and one inbox item per notification.
 */
@PostgresIntegrationTest
class NotificationExactlyOnceTest {

    static final String PROCESS = "notification-exactly-once";
    static final String RECIPIENT = "phuong-sai-gon.nhacviec";
    static final String ADDRESS = RECIPIENT + "@dieuhanh.test";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    ManagementService managementService;
    @Autowired
    ProcessEngineConfigurationImpl engineConfiguration;
    @Autowired
    Notifications notifications;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EmbeddedPostgres postgres;

    @BeforeEach
    void setUp() {
        accounts.register(new Official(RECIPIENT, "Công chức phường Sài Gòn", ADDRESS, "phuong-sai-gon", null,
                Role.OFFICER), "Nhac-Viec-2026!");
        repositoryService.createDeployment().name(PROCESS).enableDuplicateFiltering(false)
                .addClasspathResource("notification/" + PROCESS + ".bpmn").deploy();
    }

    @Test
    void reminderJobRetriedAfterAFailureAfterTheOutboxWriteNotifiesOnce() throws Exception {
        String key = "assignment:exactly-once-a:REMINDER:" + UUID.randomUUID();
        String instance = start(runtimeService, key, true);

        awaitEnded(List.of(instance));
        // the job ran twice: the first run wrote the outbox and failed, so its transaction rolled back whole
        assertThat(NotificationTestBeans.EXECUTIONS.get(key).get()).isEqualTo(2);
        awaitAllDelivered(List.of(key));
        assertExactlyOnce(key);
    }

    @Test
    void enqueueingAKeyAgainCreatesNothing() throws Exception {
        String key = "assignment:again:REMINDER:" + UUID.randomUUID();
        assertThat(enqueue(key)).isTrue();
        assertThat(enqueue(key)).isFalse();
        awaitAllDelivered(List.of(key));
        assertThat(enqueue(key)).isFalse();
        assertExactlyOnce(key);
    }

    @Test
    void rolledBackEngineCommandLeavesNoOutboxRow() {
        String key = "assignment:rolled-back:REMINDER:" + UUID.randomUUID();
        assertThatThrownBy(() -> engineConfiguration.getCommandExecutorTxRequired().execute(commandContext -> {
            assertThat(notifications.enqueue(notification(key))).isTrue();
            assertThat(outboxRows(key)).as("visible inside the engine's transaction").isEqualTo(1);
            throw new IllegalStateException("the engine command fails after the outbox write");
        })).hasMessageContaining("fails after the outbox write");
        assertThat(outboxRows(key)).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ntf_delivery d JOIN ntf_outbox o ON o.id = d.outbox_id"
                + " WHERE o.dedup_key = ?").param(key).query(Long.class).single()).isZero();
    }

    @Test
    void twoJobExecutorsAndTwoRelaysOnOneDatabaseNotifyOnce() throws Exception {
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            keys.add("assignment:two-nodes-" + i + ":REMINDER:" + UUID.randomUUID());
        }
        try (ConfigurableApplicationContext second = ExtraNode.start(postgres.getJdbcUrl("postgres", "postgres"))) {
            assertThat(second.getBean(ProcessEngineConfigurationImpl.class).getJobExecutor().isActive()).isTrue();
            RuntimeService secondRuntime = second.getBean(RuntimeService.class);
            NotificationTestBeans.NODES.clear();
            List<String> instances = new ArrayList<>();
            // 20 reminder jobs for 10 notifications: every key twice, started on either node, a third failing once
            for (int i = 0; i < 20; i++) {
                instances.add(start(i % 2 == 0 ? runtimeService : secondRuntime, keys.get(i % 10), i % 3 == 0));
            }
            awaitEnded(instances);
            awaitAllDelivered(keys);
            for (String key : keys) {
                assertExactlyOnce(key);
            }
            assertThat(keys.stream().mapToInt(k -> NotificationTestBeans.EXECUTIONS.get(k).get()).sum())
                    .as("every job ran, some more than once").isGreaterThanOrEqualTo(20);
            assertThat(NotificationTestBeans.NODES).as("both job executors ran reminder jobs").hasSize(2);
        }
    }

    private String start(RuntimeService runtime, String key, boolean failFirst) {
        return runtime.startProcessInstanceByKey(PROCESS, Map.of("key", key, "recipient", RECIPIENT,
                "failFirst", failFirst)).getId();
    }

    private void awaitEnded(List<String> instances) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                runtimeService.createProcessInstanceQuery().processInstanceIds(new java.util.HashSet<>(instances))
                        .count() == 0);
        assertThat(runtimeService.createIncidentQuery().processDefinitionKeyIn(PROCESS).count()).isZero();
    }

    private void awaitAllDelivered(List<String> keys) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> keys.stream().allMatch(key ->
                jdbc.sql("SELECT COUNT(*) FROM ntf_delivery d JOIN ntf_outbox o ON o.id = d.outbox_id"
                                + " WHERE o.dedup_key = ? AND d.status = 'DELIVERED'")
                        .param(key).query(Long.class).single() == 2));
    }

    private void assertExactlyOnce(String key) throws jakarta.mail.MessagingException {
        assertThat(outboxRows(key)).as("outbox rows of " + key).isEqualTo(1);
        assertThat(TestMailServer.withKey(key)).as("e-mails of " + key).hasSize(1);
        assertThat(TestMailServer.withKey(key).get(0).getAllRecipients()[0].toString()).isEqualTo(ADDRESS);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ntf_inbox_item i JOIN ntf_outbox o ON o.id = i.outbox_id"
                + " WHERE o.dedup_key = ? AND i.recipient = ?").params(key, RECIPIENT).query(Long.class).single())
                .as("inbox items of " + key).isEqualTo(1);
    }

    private boolean enqueue(String key) {
        return transactions.execute(tx -> notifications.enqueue(notification(key)));
    }

    private static Notification notification(String key) {
        return new Notification(key, NotificationKind.REMINDER, null, List.of(RECIPIENT), "reminder",
                Map.of("title", "Báo cáo tuần"));
    }

    private long outboxRows(String key) {
        return jdbc.sql("SELECT COUNT(*) FROM ntf_outbox WHERE dedup_key = ?").param(key).query(Long.class).single();
    }
}
