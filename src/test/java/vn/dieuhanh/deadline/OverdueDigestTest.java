package vn.dieuhanh.deadline;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PageSession;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The daily overdue digest on PostgreSQL with the real lifecycle, the real query and the real outbox: one digest per
 * official and working day with exactly his overdue open work, nothing on a Sunday or a holiday, once per day however
 * often it runs, and never another ward's work. The digest runs as the deployed {@code overdue-digest} model does
 * (its check step in the test's thread, the send step by the job executor); the engine clock is moved, never slept.
 */
@PostgresIntegrationTest
class OverdueDigestTest {

    static final String PASSWORD = "Tong-Hop-2030!";
    static final String LEADER = "digest.leader";
    /** Ward Bàn Cờ: three overdue items, one not yet overdue, one completed, one whose policy asks no reminders. */
    static final String OFFICER = "digest.ban-co";
    /** Ward Sài Gòn: one overdue item; the attacker of the other ward's links. */
    static final String OTHER_WARD = "digest.sai-gon";
    /** Monday 4 March 2030, 09:00: the work is assigned. */
    static final OffsetDateTime ASSIGNED = OffsetDateTime.parse("2030-03-04T09:00:00+07:00");
    /** Monday 11 March 2030, 08:00: a working day. */
    static final OffsetDateTime MONDAY = OffsetDateTime.parse("2030-03-11T08:00:00+07:00");

    @Autowired
    JdbcClient jdbc;
    @Autowired
    OfficialAccounts accounts;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    HistoryService historyService;
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
        accounts.register(new Official(OTHER_WARD, "Công chức phường Sài Gòn", null, "phuong-sai-gon", null,
                Role.OFFICER), PASSWORD);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void eachOfficialGetsOneDigestOfExactlyHisOverdueWorkOnWorkingDaysOnlyAndOnce() {
        ClockUtil.setCurrentTime(Date.from(ASSIGNED.toInstant()));
        String first = assign("phuong-ban-co", OFFICER, "Tổng hợp 1: rà soát hộ nghèo", 1);
        String second = assign("phuong-ban-co", OFFICER, "Tổng hợp 2: kiểm tra an toàn thực phẩm", 2);
        String third = assign("phuong-ban-co", OFFICER, "Tổng hợp 3: báo cáo trật tự đô thị", 3);
        String notYetDue = assign("phuong-ban-co", OFFICER, "Tổng hợp 4: chưa đến hạn", 20);
        String completed = assign("phuong-ban-co", OFFICER, "Tổng hợp 5: đã hoàn thành", 1);
        String noReminders = assign("phuong-ban-co", OFFICER, "Tổng hợp 6: chính sách không nhắc hằng ngày", 1);
        String otherWard = assign("phuong-sai-gon", OTHER_WARD, "Tổng hợp 7: việc của phường Sài Gòn", 1);
        for (String id : List.of(first, second, third, notYetDue, completed, noReminders, otherWard)) {
            awaitOpenTask(id, "Task_HandleAssignment");
        }
        // the lifecycle stored the policy's flag when it opened (reminder-policy.dmn: true for every rule today)
        assertThat(dailyFlag(first)).isTrue();
        assertThat(dailyFlag(otherWard)).isTrue();
        // a policy with dailyOverdueReminders = false, as a changed table would have stored it
        jdbc.sql("UPDATE asg_assignment SET daily_overdue_reminders = FALSE WHERE id = ?").param(noReminders).update();
        post("/api/assignments/" + completed + "/report", "{\"result\":\"Đã xong\"}", OFFICER, 204);
        awaitOpenTask(completed, "Task_ReviewResult");
        post("/api/assignments/" + completed + "/review", "{\"accepted\":true}", LEADER, 204);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT completed_at IS NOT NULL FROM asg_assignment WHERE id = ?").param(completed)
                .query(Boolean.class).single());

        // Sunday 10 March: nothing
        runDigestAt(OffsetDateTime.parse("2030-03-10T08:00:00+07:00"), false);
        assertThat(digests(OFFICER)).isEmpty();

        // Monday: one digest each, with exactly the overdue open work that asks for reminders
        runDigestAt(MONDAY, true);
        List<Digest> mine = digests(OFFICER);
        assertThat(mine).hasSize(1);
        Digest digest = mine.get(0);
        assertThat(digest.dedupKey()).isEqualTo("overdue-digest:2030-03-11:" + OFFICER);
        assertThat(digest.subject()).isEqualTo("[Tổng hợp việc quá hạn] 3 việc quá hạn ngày 11/03/2030");
        assertThat(digest.body()).contains("Kính gửi Công chức phường Bàn Cờ,", "còn 3 việc đã quá hạn",
                "\"Tổng hợp 1: rà soát hộ nghèo\" (Phường Bàn Cờ): thời hạn hết ngày 05/03/2030 (thứ Ba), quá hạn 4 ngày"
                        + " làm việc. Xem: /viec/" + first,
                "Tổng hợp 2: kiểm tra an toàn thực phẩm", "/viec/" + second,
                "Tổng hợp 3: báo cáo trật tự đô thị", "/viec/" + third)
                .doesNotContain("Tổng hợp 4", "Tổng hợp 5", "Tổng hợp 6", "Tổng hợp 7", otherWard, notYetDue,
                        completed, noReminders);
        // the other ward's official: his one item, nothing of Bàn Cờ
        List<Digest> theirs = digests(OTHER_WARD);
        assertThat(theirs).hasSize(1);
        assertThat(theirs.get(0).body()).contains("Tổng hợp 7", "/viec/" + otherWard)
                .doesNotContain("Tổng hợp 1", "Tổng hợp 2", "Tổng hợp 3", first, second, third);
        // the lifecycle sent no per-assignment daily reminder for any of them
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ntf_outbox WHERE kind = 'OVERDUE_REMINDER' AND assignment_id IN"
                        + " (?, ?, ?, ?)").params(first, second, third, otherWard).query(Integer.class).single())
                .isZero();

        // the same day again (a retry, a second node): nothing new
        runDigestAt(MONDAY.plusHours(3), true);
        assertThat(digests(OFFICER)).hasSize(1);
        assertThat(digests(OTHER_WARD)).hasSize(1);

        // Tuesday 30 April 2030 (Reunification Day) nothing; Thursday 2 May: the next digest
        runDigestAt(OffsetDateTime.parse("2030-04-30T08:00:00+07:00"), false);
        assertThat(digests(OFFICER)).hasSize(1);
        runDigestAt(OffsetDateTime.parse("2030-05-02T08:00:00+07:00"), true);
        assertThat(digests(OFFICER)).hasSize(2);

        // the links obey the item's visibility: the other ward's official gets 404 on Bàn Cờ's work, and back
        PageSession attacker = PageSession.login(port, OTHER_WARD, PASSWORD);
        for (String id : List.of(first, second, third)) {
            assertThat(attacker.get("/viec/" + id).statusCode()).as(id).isIn(403, 404);
        }
        assertThat(attacker.get("/viec/" + otherWard).statusCode()).isEqualTo(200);
        PageSession officer = PageSession.login(port, OFFICER, PASSWORD);
        assertThat(officer.get("/viec/" + first).statusCode()).isEqualTo(200);
        assertThat(officer.get("/viec/" + otherWard).statusCode()).isIn(403, 404);
        // and the inbox shows it under its label
        assertThat(officer.get("/hop-thu").body()).contains("Tổng hợp việc quá hạn",
                "[Tổng hợp việc quá hạn] 3 việc quá hạn ngày 11/03/2030");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    record Digest(String dedupKey, String subject, String body) {
    }

    /**
     * Runs the deployed model at {@code at} (engine clock) as its timer does, from its first step; the send step is the
     * job executor's. Waits until the instance has ended at the expected end event.
     */
    private void runDigestAt(OffsetDateTime at, boolean workingDay) {
        ClockUtil.setCurrentTime(Date.from(at.toInstant()));
        String instance = runtimeService.createProcessInstanceByKey(OverdueDigestProcess.PROCESS_KEY)
                .startBeforeActivity(OverdueDigestProcess.SERVICE_CHECK_WORKING_DAY).execute().getId();
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> historyService
                .createHistoricProcessInstanceQuery().processInstanceId(instance).finished().count() == 1);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).singleResult()
                .getEndActivityId()).isEqualTo(workingDay ? OverdueDigestProcess.END_DIGEST_SENT
                : OverdueDigestProcess.END_NO_DIGEST);
    }

    private List<Digest> digests(String recipient) {
        return jdbc.sql("SELECT dedup_key, subject, body FROM ntf_outbox WHERE recipient = ? AND kind = 'OVERDUE_DIGEST'"
                        + " AND dedup_key LIKE 'overdue-digest:2030-%' ORDER BY dedup_key").param(recipient)
                .query((rs, n) -> new Digest(rs.getString(1), rs.getString(2), rs.getString(3))).list();
    }

    private boolean dailyFlag(String id) {
        return jdbc.sql("SELECT daily_overdue_reminders FROM asg_assignment WHERE id = ?").param(id)
                .query(Boolean.class).single();
    }

    private String assign(String unit, String assignee, String title, int workingDays) {
        return read(post("/api/assignments", "{\"unitCode\":\"" + unit + "\",\"assignee\":\"" + assignee
                + "\",\"title\":\"" + title + "\",\"deadlineWorkingDays\":" + workingDays + "}", LEADER, 201))
                .get("assignmentId").asText();
    }

    private void awaitOpenTask(String assignmentId, String taskKey) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
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
