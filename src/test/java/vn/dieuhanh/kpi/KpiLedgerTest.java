package vn.dieuhanh.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.deadline.AlertKind;
import vn.dieuhanh.deadline.AlertSubject;
import vn.dieuhanh.deadline.AssignmentBecameOverdue;
import vn.dieuhanh.deadline.DeadlineAlert;
import vn.dieuhanh.deadline.DeadlineAlerts;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/** The ledger is written exactly once per fact, in the engine's transaction, from the real lifecycle. */
@PostgresIntegrationTest
class KpiLedgerTest {

    static final String PASSWORD = "So-Diem-2029!";
    static final String LEADER = "kpi-ledger.leader";
    static final String OFFICER = "kpi-ledger.canbo";
    /** A second official, so that each test's official has only that test's items in June 2029. */
    static final String OFFICER_2 = "kpi-ledger.canbo2";
    /** Monday 4 June 2029, 14:00. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2029-06-04T14:00:00+07:00");

    @Autowired
    DeadlineAlerts deadlineAlerts;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    OfficialAccounts accounts;
    @LocalServerPort
    int port;
    HttpClient http;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void setUp() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Phó Chủ tịch UBND TP", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(OFFICER, "Công chức phường Bàn Cờ", null, "phuong-ban-co",
                "phuong-ban-co.van-phong", Role.OFFICER), PASSWORD);
        accounts.register(new Official(OFFICER_2, "Công chức phường Bàn Cờ", null, "phuong-ban-co",
                "phuong-ban-co.van-phong", Role.OFFICER), PASSWORD);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theOverdueTimerExecutedTwiceYieldsOneLedgerRow() {
        Instant deadline = Instant.parse("2029-03-01T16:59:59Z");
        DeadlineAlert overdue = new DeadlineAlert(deadline.plusSeconds(1), AlertKind.OVERDUE, 1);
        // with recipients: the outbox key already stops the second event
        AlertSubject told = new AlertSubject("kpi-dup-1", "Việc trùng", "phuong-ban-co", "Phường Bàn Cờ", OFFICER,
                null, LEADER, deadline, "01/03/2029");
        // nobody to tell: nothing in the outbox, so the event itself arrives twice and the ledger key must hold
        AlertSubject untold = new AlertSubject("kpi-dup-2", "Việc trùng", "phuong-ban-co", "Phường Bàn Cờ", null,
                null, null, deadline, "01/03/2029");
        for (int run = 0; run < 2; run++) {
            transactions.executeWithoutResult(s -> deadlineAlerts.send(told, overdue));
            transactions.executeWithoutResult(s -> deadlineAlerts.send(untold, overdue));
            // a duplicated timer on another node publishing the same fact
            transactions.executeWithoutResult(s -> events.publishEvent(new AssignmentBecameOverdue("kpi-dup-2",
                    "phuong-ban-co", null, deadline, deadline.plusSeconds(1))));
        }
        assertThat(rows("kpi-dup-1")).containsExactly("LATE");
        assertThat(rows("kpi-dup-2")).containsExactly("LATE");
        assertThat(jdbc.sql("SELECT dedup_key FROM kpi_ledger WHERE item_id = 'kpi-dup-2'").query(String.class)
                .single()).isEqualTo("late:kpi-dup-2:2029-03-01T16:59:59Z");
    }

    @Test
    void aRolledBackStepLeavesNoRow() {
        Instant deadline = Instant.parse("2029-03-01T16:59:59Z");
        try {
            transactions.executeWithoutResult(s -> {
                events.publishEvent(new AssignmentBecameOverdue("kpi-rollback", "phuong-ban-co", null, deadline,
                        deadline.plusSeconds(1)));
                throw new IllegalStateException("the job fails after the event");
            });
        } catch (IllegalStateException expected) {
            // the engine would retry the job
        }
        assertThat(rows("kpi-rollback")).isEmpty();
    }

    @Test
    void theLifecycleRecordsAReturnTheRealOverdueTimerAndALateAcceptanceOnce() {
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        String id = read(post("/api/assignments", "{\"unitCode\":\"phuong-ban-co\",\"assignee\":\"" + OFFICER
                + "\",\"title\":\"Rà soát hộ nghèo\",\"deadlineWorkingDays\":2}", LEADER, 201)).get("assignmentId")
                .asText();
        awaitOpenTask(id, "Task_HandleAssignment");
        post("/api/assignments/" + id + "/report", "{\"result\":\"Đã rà soát\"}", OFFICER, 204);
        awaitOpenTask(id, "Task_ReviewResult");
        post("/api/assignments/" + id + "/review", "{\"accepted\":false,\"note\":\"Thiếu số liệu\"}", LEADER, 204);
        awaitOpenTask(id, "Task_HandleAssignment");
        post("/api/assignments/" + id + "/report", "{\"result\":\"Đã bổ sung\"}", OFFICER, 204);
        awaitOpenTask(id, "Task_ReviewResult");
        assertThat(rows(id)).containsExactly("RETURNED");

        // past the deadline (Wednesday 6 June, 24:00): the watcher's timer fires and records the lateness
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2029-06-07T10:00:00+07:00").toInstant()));
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> rows(id).contains("LATE"));
        post("/api/assignments/" + id + "/review", "{\"accepted\":true,\"note\":\"Đạt\"}", LEADER, 204);

        // the late acceptance has the same lateness key as the timer: still one LATE row
        assertThat(rows(id)).containsExactly("RETURNED", "LATE", "COMPLETED_LATE");
        JsonNode score = get("/api/kpi/officials/" + OFFICER + "?period=2029-06");
        // 1 item, done: 30 + 20 + (25 - 25*0.25) + (25 - 25*0.25) = 87.50, good
        assertThat(score.get("total").decimalValue()).isEqualByComparingTo("87.50");
        assertThat(score.get("band").asText()).isEqualTo("GOOD");
        assertThat(score.get("unitCode").asText()).isEqualTo("phuong-ban-co");
    }

    @Test
    void anApprovedExtensionAndAnOnTimeAcceptanceAreRecordedFromTheLifecycle() {
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
        String id = read(post("/api/assignments", "{\"unitCode\":\"phuong-ban-co\",\"assignee\":\"" + OFFICER_2
                + "\",\"title\":\"Kiểm kê tài sản\",\"deadlineWorkingDays\":2}", LEADER, 201)).get("assignmentId")
                .asText();
        awaitOpenTask(id, "Task_HandleAssignment");
        post("/api/assignments/" + id + "/extension-requests",
                "{\"proposedDeadline\":\"2029-06-15\",\"reason\":\"Chờ số liệu\"}", OFFICER_2, 204);
        awaitOpenTask(id, "Task_ReviewExtension");
        post("/api/assignments/" + id + "/extension-decision", "{\"accepted\":true,\"note\":\"Đồng ý\"}", LEADER,
                204);
        awaitOpenTask(id, "Task_HandleAssignment");
        post("/api/assignments/" + id + "/report", "{\"result\":\"Xong\"}", OFFICER_2, 204);
        awaitOpenTask(id, "Task_ReviewResult");
        post("/api/assignments/" + id + "/review", "{\"accepted\":true,\"note\":\"Đạt\"}", LEADER, 204);
        assertThat(rows(id)).containsExactly("EXTENSION_GRANTED", "COMPLETED_ON_TIME");
        assertThat(jdbc.sql("SELECT official || ' ' || unit_code || ' ' || period_day FROM kpi_ledger WHERE item_id = ?"
                + " ORDER BY id").param(id).query(String.class).list())
                .containsOnly(OFFICER_2 + " phuong-ban-co 2029-06-04");
    }

    private List<String> rows(String itemId) {
        return jdbc.sql("SELECT kind FROM kpi_ledger WHERE item_id = ? ORDER BY id").param(itemId)
                .query(String.class).list();
    }

    private void awaitOpenTask(String assignmentId, String taskKey) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode open : get("/api/assignments/" + assignmentId).get("openTasks")) {
                if (open.get("taskDefinitionKey").asText().equals(taskKey)) {
                    return true;
                }
            }
            return false;
        });
    }

    private String post(String path, String body, String user, int status) {
        HttpResponse<String> response = http.post(path, body, user, PASSWORD);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(status);
        return response.body();
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = http.get(path, LEADER, PASSWORD);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return read(response.body());
    }

    private JsonNode read(String body) {
        try {
            return json.readTree(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
