package vn.dieuhanh.directive;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * Closing a directive while coordinating work is open (issues 13, 14), on PostgreSQL through the engine's REST door:
 * only the leader who assigned it decides, the form's fields are the only input, and closing now cancels the open
 * assignments with the leader's reason in their trail.
 */
@PostgresIntegrationTest
class DirectiveClosingTest {

    static final String PASSWORD = "Ket-Thuc-Chi-Dao-1!";
    static final String LEADER = "kt.phochutich";
    static final String LEAD_UNIT = "so-khoa-hoc-va-cong-nghe";
    static final String LEAD_HEAD = "so-khoa-hoc-va-cong-nghe.giamdoc";
    static final String WARD = "xa-long-hai";
    static final String WARD_HEAD = "xa-long-hai.chutich";
    static final String INFORMED = "xa-nha-be";
    static final String ADMIN = "admin";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void officials() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Phó Chủ tịch UBND TP", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(LEAD_HEAD, "Giám đốc Sở Khoa học và Công nghệ", null, LEAD_UNIT, null,
                Role.HEAD), PASSWORD);
        accounts.register(new Official(WARD_HEAD, "Chủ tịch UBND xã Long Hải", null, WARD, null, Role.HEAD),
                PASSWORD);
    }

    @Test
    void onlyTheAssignerClosesADirectiveWithOpenWorkAndClosingNowCancelsItWithHisReason() {
        HttpResponse<String> registered = http.post("/api/directives", """
                {"source":"CITY_PEOPLES_COMMITTEE","documentNumber":"91/UBND-KT","issuedOn":"2026-11-20",
                 "summary":"Về chuyển đổi số trong quản lý đô thị","urgency":"NORMAL",
                 "assignment":{"leadUnit":"%s","deadlineWorkingDays":20,
                   "coordinating":[{"unitCode":"%s","workingDays":10}],"informedUnits":["%s"]}}"""
                .formatted(LEAD_UNIT, WARD, INFORMED), LEADER, PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        JsonNode plan = HttpClient.json(registered.body());
        String directiveId = plan.get("directiveId").asText();
        String lead = plan.get("leadAssignmentId").asText();
        String coordinating = plan.get("coordinatingAssignmentIds").get(0).asText();

        // the lead unit reports and the leader accepts, while the ward still works and the informed ward has not read
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> http.getJson("/api/assignments/" + lead,
                LEAD_HEAD, PASSWORD).get("openTasks").size() == 1);
        assertThat(http.post("/api/assignments/" + lead + "/report", "{\"result\":\"Đã triển khai nền tảng\"}",
                LEAD_HEAD, PASSWORD).statusCode()).isEqualTo(204);
        assertThat(http.post("/api/assignments/" + lead + "/review", "{\"accepted\":true}", LEADER, PASSWORD)
                .statusCode()).isEqualTo(204);

        Task decision = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processDefinitionKey(DirectiveHandlingProcess.KEY)
                .taskDefinitionKey(DirectiveHandlingProcess.TASK_DECIDE_ON_OPEN_WORK)
                .processVariableValueEquals(DirectiveHandlingProcess.VAR_DIRECTIVE_ID, directiveId).singleResult(),
                task -> task != null);
        assertThat(decision.getAssignee()).isEqualTo(LEADER);
        assertThat(taskService.getVariable(decision.getId(), DirectiveHandlingProcess.VAR_OPEN_WORK)).asString()
                .contains("Đơn vị phối hợp chưa hoàn thành").contains("Xã Long Hải")
                .contains("Đơn vị nhận để biết chưa xác nhận").contains("Xã Nhà Bè");
        // nothing was cancelled by accepting the lead's result
        assertThat(trailKinds(coordinating)).doesNotContain("CANCELLED");

        String closeNow = "{\"variables\":{\"closeDecision\":{\"value\":\"closeNow\"},"
                + "\"closeReason\":{\"value\":\"Phường đã có kết quả riêng\"}}}";
        // attacker: the head of another unit (the coordinating ward itself) cannot close it
        HttpResponse<String> byWard = http.post("/engine-rest/task/" + decision.getId() + "/complete", closeNow,
                WARD_HEAD, PASSWORD);
        assertThat(byWard.statusCode()).as(byWard.body()).isEqualTo(403);
        // nor can an administrator, who may work on every task: the decider is checked against the directive
        HttpResponse<String> byAdmin = http.post("/engine-rest/task/" + decision.getId() + "/complete", closeNow,
                ADMIN, PostgresIntegrationTest.ADMIN_PASSWORD);
        assertThat(byAdmin.statusCode()).as(byAdmin.body()).isEqualTo(403);
        // the assigner may set only the form's fields: not the decider, not the list of open work
        HttpResponse<String> redirected = http.post("/engine-rest/task/" + decision.getId() + "/complete",
                "{\"variables\":{\"closeDecision\":{\"value\":\"closeNow\"},\"closeReason\":{\"value\":\"x\"},"
                        + "\"closeDecider\":{\"value\":\"" + WARD_HEAD + "\"}}}", LEADER, PASSWORD);
        assertThat(redirected.statusCode()).as(redirected.body()).isEqualTo(400);
        HttpResponse<String> rewritten = http.post("/engine-rest/task/" + decision.getId() + "/complete",
                "{\"variables\":{\"closeDecision\":{\"value\":\"wait\"},\"openWork\":{\"value\":\"(không còn gì)\"}}}",
                LEADER, PASSWORD);
        assertThat(rewritten.statusCode()).as(rewritten.body()).isEqualTo(400);
        // closing now needs a reason
        HttpResponse<String> noReason = http.post("/engine-rest/task/" + decision.getId() + "/complete",
                "{\"variables\":{\"closeDecision\":{\"value\":\"closeNow\"}}}", LEADER, PASSWORD);
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(HttpClient.json(noReason.body()).get("message").asText()).startsWith("Nêu lý do");
        assertThat(taskService.createTaskQuery().taskId(decision.getId()).count()).isEqualTo(1);
        assertThat(trailKinds(coordinating)).doesNotContain("CANCELLED");
        assertThat(http.getJson("/api/directives/" + directiveId, LEADER, PASSWORD).hasNonNull("closedAt")).isFalse();

        // the assigner closes now: the ward's assignment is cancelled in his name with his reason, the directive ends
        HttpResponse<String> closed = http.post("/engine-rest/task/" + decision.getId() + "/complete", closeNow,
                LEADER, PASSWORD);
        assertThat(closed.statusCode()).as(closed.body()).isEqualTo(204);
        assertThat(trailKinds(coordinating)).containsExactly("ASSIGNED", "CANCELLED");
        assertThat(jdbc.sql("SELECT actor FROM asg_trail_event WHERE assignment_id = ? AND kind = 'CANCELLED'")
                .param(coordinating).query(String.class).single()).isEqualTo(LEADER);
        assertThat(jdbc.sql("SELECT note FROM asg_trail_event WHERE assignment_id = ? AND kind = 'CANCELLED'")
                .param(coordinating).query(String.class).single()).contains("Phường đã có kết quả riêng");
        JsonNode directive = http.getJson("/api/directives/" + directiveId, LEADER, PASSWORD);
        assertThat(directive.hasNonNull("closedAt")).isTrue();
        assertThat(directive.get("closeDecision").asText()).isEqualTo("CLOSE_NOW");
        assertThat(directive.get("closeDecidedBy").asText()).isEqualTo(LEADER);
        assertThat(directive.get("closeReason").asText()).isEqualTo("Phường đã có kết quả riêng");
        assertThat(taskService.createTaskQuery().processVariableValueEquals(DirectiveHandlingProcess.VAR_DIRECTIVE_ID,
                directiveId).count()).isZero();
    }

    private List<String> trailKinds(String assignmentId) {
        return jdbc.sql("SELECT kind FROM asg_trail_event WHERE assignment_id = ? ORDER BY id").param(assignmentId)
                .query(String.class).list();
    }
}
