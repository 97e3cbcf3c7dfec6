package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The due-soon (sắp đến hạn) window is the reminder policy's {@code warningWindowWorkingDays} (DMN), per assignment:
 * two assignments with the same deadline and different policy rows are in different buckets; the window follows an
 * approved extension; the directive's issuer, number and date are registered once.
 */
@PostgresIntegrationTest
class DueSoonWindowTest {

    static final String PASSWORD = "Giao-Viec-2026!";
    /** A leader of this test only, so that the summary filtered by assigner counts this test's assignments. */
    static final String LEADER = "ld.duesoon";
    static final String HEAD = "phuong-ban-co.chutich";
    static final String CLERK = "vp-ubnd.duesoon";
    /** Wednesday 4 March 2026, 14:00. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-04T14:00:00+07:00");

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Phó Chủ tịch UBND TP", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch UBND phường Bàn Cờ", null, "phuong-ban-co", null, Role.HEAD),
                PASSWORD);
        accounts.register(new Official(CLERK, "Văn thư Văn phòng", null, "van-phong-ubnd-tp",
                "van-phong-ubnd-tp.phong-tong-hop", Role.CLERK), PASSWORD);
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void theDecisionTablesWarningWindowDecidesDueSoon() {
        // the same deadline, Friday 6 March 23:59:59; the policy rows: NORMAL instant work 2 working days,
        // EXPRESS 1 working day (processes/deadline/reminder-policy.dmn)
        String normal = assign("NORMAL");
        String express = assign("EXPRESS");
        awaitWindow(normal, 2);
        awaitWindow(express, 1);
        assertThat(dueSoonFrom(normal)).isEqualTo(OffsetDateTime.parse("2026-03-04T00:00:00+07:00").toInstant());
        assertThat(dueSoonFrom(express)).isEqualTo(OffsetDateTime.parse("2026-03-05T00:00:00+07:00").toInstant());

        // Wednesday 14:00: two working days ahead is due soon, one is not yet
        assertThat(idsIn("DUE_SOON")).containsExactly(normal);
        assertThat(idsIn("OPEN_WITHIN_DEADLINE")).containsExactlyInAnyOrder(normal, express);
        assertThat(flag(normal)).isTrue();
        assertThat(flag(express)).isFalse();
        assertThat(summary()).containsEntry("DUE_SOON", 1L).containsEntry("OPEN_WITHIN_DEADLINE", 2L);

        // Thursday 08:00: both
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-05T08:00:00+07:00").toInstant()));
        assertThat(idsIn("DUE_SOON")).containsExactlyInAnyOrder(normal, express);
        assertThat(flag(express)).isTrue();
        assertThat(summary()).containsEntry("DUE_SOON", 2L);

        // Saturday: overdue, no longer due soon
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-07T08:00:00+07:00").toInstant()));
        assertThat(idsIn("DUE_SOON")).isEmpty();
        assertThat(summary()).containsEntry("DUE_SOON", 0L).containsEntry("OPEN_OVERDUE", 2L);
    }

    @Test
    void anApprovedExtensionMovesTheWindowWithTheDeadline() {
        String express = assign("EXPRESS");
        awaitWindow(express, 1);
        awaitOpenTask(express, "Task_HandleAssignment");
        assertThat(post("/api/assignments/" + express + "/extension-requests",
                "{\"proposedDeadline\":\"2026-03-13\",\"reason\":\"Chờ ý kiến của Sở Xây dựng\"}", HEAD).statusCode())
                .isEqualTo(204);
        awaitOpenTask(express, "Task_ReviewExtension");
        assertThat(post("/api/assignments/" + express + "/extension-decision",
                "{\"accepted\":true,\"note\":\"Đồng ý\"}", LEADER).statusCode()).isEqualTo(204);
        // the policy's window (1 working day) kept, counted back from the new deadline Friday 13 March
        assertThat(dueSoonFrom(express)).isEqualTo(OffsetDateTime.parse("2026-03-12T00:00:00+07:00").toInstant());
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-06T10:00:00+07:00").toInstant()));
        assertThat(flag(express)).isFalse();
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-12T10:00:00+07:00").toInstant()));
        assertThat(flag(express)).isTrue();
    }

    @Test
    void aDirectiveIsRegisteredOnce() {
        String body = """
                {"source":"CITY_PEOPLES_COMMITTEE","documentNumber":"913/UBND-KT","issuedOn":"2026-03-02",
                 "summary":"Về rà soát tiến độ giải ngân vốn đầu tư công","urgency":"NORMAL"}""";
        HttpResponse<String> first = post("/api/directives", body, CLERK);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        long directives = jdbc.sql("SELECT COUNT(*) FROM asg_directive").query(Long.class).single();

        HttpResponse<String> again = post("/api/directives", body.replace("913/UBND-KT", " 913/UBND-KT "), CLERK);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(409);
        assertThat(again.body()).contains("Văn bản này đã được vào sổ (already registered)")
                .contains("913/UBND-KT").contains("02/03/2026");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM asg_directive").query(Long.class).single()).isEqualTo(directives);

        // another date, or another issuer, is another document
        assertThat(post("/api/directives", body.replace("2026-03-02", "2026-03-03"), CLERK).statusCode())
                .isEqualTo(201);
        assertThat(post("/api/directives", body.replace("CITY_PEOPLES_COMMITTEE", "CENTRAL"), CLERK).statusCode())
                .isEqualTo(201);
    }

    private String assign(String urgency) {
        HttpResponse<String> response = post("/api/assignments", "{\"unitCode\":\"phuong-ban-co\",\"title\":"
                + "\"Báo cáo tiến độ chỉnh trang vỉa hè\",\"urgency\":\"" + urgency + "\",\"deadlineWorkingDays\":2}",
                LEADER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpClient.json(response.body()).get("assignmentId").asText();
    }

    /** The lifecycle reads the policy asynchronously, after the call activity's save point. */
    private void awaitWindow(String id, int workingDays) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT due_soon_working_days FROM asg_assignment WHERE id = ?").param(id)
                .query(Integer.class).optional().orElse(null), days -> days != null && days == workingDays);
    }

    private java.time.Instant dueSoonFrom(String id) {
        return jdbc.sql("SELECT due_soon_from FROM asg_assignment WHERE id = ?").param(id)
                .query(OffsetDateTime.class).single().toInstant();
    }

    private List<String> idsIn(String bucket) {
        List<String> ids = new ArrayList<>();
        for (JsonNode a : get("/api/assignments?assignedBy=" + LEADER + "&bucket=" + bucket)) {
            ids.add(a.get("id").asText());
        }
        return ids;
    }

    private boolean flag(String id) {
        return get("/api/assignments/" + id).get("assignment").get("dueSoon").asBoolean();
    }

    private java.util.Map<String, Long> summary() {
        JsonNode total = get("/api/assignments/summary?assignedBy=" + LEADER).get("total");
        java.util.Map<String, Long> counts = new java.util.LinkedHashMap<>();
        total.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
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

    private HttpResponse<String> post(String path, String body, String user) {
        return http.post(path, body, user, PASSWORD);
    }

    private JsonNode get(String path) {
        return http.getJson(path, LEADER, PASSWORD);
    }
}
