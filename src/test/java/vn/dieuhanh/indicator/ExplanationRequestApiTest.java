package vn.dieuhanh.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * An explanation request from a City PC leader to a ward, answered in Tasklist (through the engine REST API, as the
 * Tasklist does), asked again, overdue (the deadline timer fires when the engine clock passes it, and the unit head
 * and the requester get one notification), answered again and accepted. Time is the engine clock.
 *
 * <pre>
 * Asked Monday 2/3/2026 09:00 (UTC+7) with 3 working days: the period starts the next day, so the deadline is the end
 * of Thursday 5/3/2026 (23:59:59 +07:00). Asked again on Tuesday 3/3 10:00: again 3 working days -> Friday 6/3
 * 23:59:59. The clock then moves to Saturday 7/3 00:00:30: the timer of round 2 fires.
 * </pre>
 */
@PostgresIntegrationTest
@Import(InMemoryReportedValues.Beans.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExplanationRequestApiTest {

    static final String PASSWORD = "Giai-Trinh-2026!";
    static final String LEADER = "gt-leader";
    static final String ANALYST = "gt-analyst";
    static final String HEAD = "gt-head.sai-gon";
    static final String OFFICER = "gt-officer.sai-gon";
    static final String OUTSIDER = "gt-officer.ban-co";
    static final String SAI_GON = "phuong-sai-gon";
    static final OffsetDateTime MONDAY = OffsetDateTime.parse("2026-03-02T09:00:00+07:00");

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ManagementService managementService;
    @Autowired
    HistoryService historyService;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeAll
    void officials() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Phó Chủ tịch UBND Thành phố", null, "ubnd-tp", null, Role.LEADER),
                PASSWORD);
        accounts.register(new Official(ANALYST, "Chuyên viên phân tích", null, "van-phong-ubnd-tp", null,
                Role.ANALYST), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch UBND phường Sài Gòn", null, SAI_GON, null, Role.HEAD),
                PASSWORD);
        accounts.register(new Official(OFFICER, "Công chức phường Sài Gòn", null, SAI_GON, null, Role.OFFICER),
                PASSWORD);
        accounts.register(new Official(OUTSIDER, "Công chức phường Bàn Cờ", null, "phuong-ban-co", null,
                Role.OFFICER), PASSWORD);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    HttpResponse<String> ask(String user, String code, String body) {
        return http.post("/api/indicators/" + code + "/explanation-requests", body, user, PASSWORD);
    }

    JsonNode request(String id, String user) {
        return http.getJson("/api/explanation-requests/" + id, user, PASSWORD);
    }

    String taskOf(String processInstanceId, String user) {
        JsonNode tasks = http.getJson("/engine-rest/task?processInstanceId=" + processInstanceId, user, PASSWORD);
        assertThat(tasks.size()).as("tasks of " + user).isEqualTo(1);
        return tasks.get(0).get("id").asText();
    }

    void complete(String taskId, String user, String variablesJson) {
        HttpResponse<String> done = http.post("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":" + variablesJson + "}", user, PASSWORD);
        assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    }

    @Test
    void onlyLeadersAnalystsAndAdminsAskAndInputIsChecked() {
        String body = """
                {"unitCode":"phuong-sai-gon","question":"Vì sao?","workingDays":3}""";
        HttpResponse<String> officer = ask(OFFICER, "KT-01", body);
        assertThat(officer.statusCode()).isEqualTo(403);
        assertThat(officer.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
        assertThat(ask(HEAD, "KT-01", body).statusCode()).isEqualTo(403);
        assertThat(ask(LEADER, "ZZ-99", body).statusCode()).isEqualTo(404);
        assertThat(ask(LEADER, "KT-01", """
                {"unitCode":"phuong-sai-gon","workingDays":3}""").statusCode()).isEqualTo(400);
        assertThat(ask(LEADER, "KT-01", """
                {"unitCode":"nowhere","question":"Vì sao?","workingDays":3}""").statusCode()).isEqualTo(400);
        assertThat(ask(LEADER, "KT-01", """
                {"unitCode":"phuong-sai-gon","question":"Vì sao?","workingDays":0}""").statusCode()).isEqualTo(400);
        assertThat(ask(LEADER, "KT-01", """
                {"unitCode":"phuong-sai-gon","period":"2026-14","question":"Vì sao?","workingDays":3}""")
                .statusCode()).isEqualTo(400);
        // a department does not report ward budget revenue
        assertThat(ask(LEADER, "KT-01", """
                {"unitCode":"so-y-te","question":"Vì sao?","workingDays":3}""").statusCode()).isEqualTo(400);
        HttpResponse<String> analyst = ask(ANALYST, "QP-03", """
                {"unitCode":"phuong-ban-co","question":"Số vụ tai nạn tăng?","workingDays":5}""");
        assertThat(analyst.statusCode()).as(analyst.body()).isEqualTo(201);
        assertThat(http.post("/api/indicators/QP-03/explanation-requests", """
                {"unitCode":"phuong-ban-co","question":"Số vụ tai nạn tăng?","workingDays":5}""", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD).statusCode()).isEqualTo(201);
    }

    @Test
    void aWardExplainsIsAskedAgainIsOverdueExplainsAgainAndIsAccepted() {
        ClockUtil.setCurrentTime(Date.from(MONDAY.toInstant()));
        HttpResponse<String> created = ask(LEADER, "KT-01", """
                {"unitCode":"phuong-sai-gon","period":"2026-02",
                 "question":"Thu ngân sách tháng 2 chỉ đạt 40% tiến độ, đề nghị giải trình nguyên nhân","workingDays":3}""");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode request = HttpClient.json(created.body());
        String id = request.get("id").asText();
        String processInstanceId = request.get("processInstanceId").asText();
        assertThat(request.get("status").asText()).isEqualTo("OPEN");
        assertThat(request.get("statusLabel").asText()).isEqualTo("Chờ đơn vị giải trình");
        assertThat(request.get("indicatorName").asText()).isEqualTo("Thu ngân sách nhà nước trên địa bàn");
        assertThat(request.get("requestedBy").asText()).isEqualTo(LEADER);
        assertThat(OffsetDateTime.parse(request.get("deadline").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-03-05T23:59:59+07:00"));
        assertThat(request.get("deadlineText").asText()).contains("05/03/2026");

        // who sees it
        assertThat(ids(http.getJson("/api/explanation-requests", OFFICER, PASSWORD))).contains(id);
        assertThat(ids(http.getJson("/api/explanation-requests?unit=phuong-sai-gon&status=OPEN", LEADER, PASSWORD)))
                .contains(id);
        assertThat(ids(http.getJson("/api/explanation-requests", OUTSIDER, PASSWORD))).doesNotContain(id);
        assertThat(http.get("/api/explanation-requests/" + id, OUTSIDER, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(http.get("/api/explanation-requests?unit=phuong-sai-gon", OUTSIDER, PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/explanation-requests?status=LOST", LEADER, PASSWORD).statusCode()).isEqualTo(400);
        assertThat(http.getJson("/engine-rest/task?processInstanceId=" + processInstanceId, OUTSIDER, PASSWORD)
                .size()).as("another ward does not see the task").isZero();

        // the ward explains in Tasklist; an empty explanation is refused
        String explainTask = taskOf(processInstanceId, OFFICER);
        // issue 14: the task says which indicator, period and unit; Cockpit finds the instance by the request id
        JsonNode explainView = http.getJson("/engine-rest/task/" + explainTask, OFFICER, PASSWORD);
        assertThat(explainView.get("name").asText())
                .isEqualTo("Giải trình chỉ tiêu: Thu ngân sách nhà nước trên địa bàn, tháng 2/2026 (Phường Sài Gòn)");
        assertThat(explainView.get("description").asText()).contains("Lần yêu cầu: 1",
                "Hạn giải trình: hết ngày 05/03/2026", "Nội dung yêu cầu: Thu ngân sách tháng 2");
        assertThat(http.getJson("/engine-rest/process-instance/" + processInstanceId, "admin",
                vn.dieuhanh.PostgresIntegrationTest.ADMIN_PASSWORD).get("businessKey").asText()).isEqualTo(id);
        HttpResponse<String> empty = http.post("/engine-rest/task/" + explainTask + "/complete",
                "{\"variables\":{\"explanation\":{\"value\":\"  \",\"type\":\"String\"}}}", OFFICER, PASSWORD);
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Chưa nhập nội dung");
        ClockUtil.setCurrentTime(Date.from(MONDAY.plusHours(5).toInstant()));
        complete(explainTask, OFFICER, """
                {"explanation":{"value":"Hai doanh nghiệp lớn nộp thuế chậm do gia hạn theo Nghị định","type":"String"}}""");
        JsonNode answered = request(id, OFFICER);
        assertThat(answered.get("status").asText()).isEqualTo("ANSWERED");
        assertThat(answered.get("rounds").get(0).get("explanation").asText()).startsWith("Hai doanh nghiệp");
        assertThat(answered.get("rounds").get(0).get("explainedBy").asText()).isEqualTo(OFFICER);

        // the leader asks again (Tuesday 3/3 10:00): a new round, 3 more working days
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-03T10:00:00+07:00").toInstant()));
        complete(taskOf(processInstanceId, LEADER), LEADER, """
                {"explanationAccepted":{"value":"false","type":"String"},
                 "reviewNote":{"value":"Đề nghị nêu rõ giải pháp và thời gian khắc phục","type":"String"}}""");
        JsonNode again = request(id, LEADER);
        assertThat(again.get("status").asText()).isEqualTo("OPEN");
        assertThat(again.get("round").asInt()).isEqualTo(2);
        assertThat(OffsetDateTime.parse(again.get("deadline").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-03-06T23:59:59+07:00"));
        assertThat(again.get("rounds").get(0).get("accepted").asBoolean()).isFalse();
        assertThat(again.get("rounds").get(1).get("question").asText())
                .isEqualTo("Đề nghị nêu rõ giải pháp và thời gian khắc phục");

        // the deadline passes: the timer tells the unit head and the requester, once
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-07T00:00:30+07:00").toInstant()));
        String key = "indicator-explanation:" + id + ":OVERDUE:2";
        await().atMost(Duration.ofSeconds(30)).until(() -> recipients(key).size() == 2);
        assertThat(recipients(key)).containsExactlyInAnyOrder(HEAD, LEADER);
        JsonNode overdue = request(id, HEAD);
        assertThat(overdue.get("overdue").asBoolean()).isTrue();
        assertThat(overdue.hasNonNull("overdueNotifiedAt")).isTrue();
        assertThat(managementService.createJobQuery().processInstanceId(processInstanceId).count())
                .as("the timer fired and is gone").isZero();

        // the ward explains again; the leader accepts
        complete(taskOf(processInstanceId, OFFICER), OFFICER, """
                {"explanation":{"value":"Giải pháp: đôn đốc thu nợ, hoàn thành trong quý II","type":"String"}}""");
        complete(taskOf(processInstanceId, LEADER), LEADER, """
                {"explanationAccepted":{"value":"true","type":"String"}}""");
        JsonNode accepted = request(id, OFFICER);
        assertThat(accepted.get("status").asText()).isEqualTo("ACCEPTED");
        assertThat(accepted.get("statusLabel").asText()).isEqualTo("Đã chấp nhận giải trình");
        assertThat(accepted.get("overdue").asBoolean()).isFalse();
        assertThat(accepted.hasNonNull("closedAt")).isTrue();
        assertThat(accepted.get("rounds").size()).isEqualTo(2);
        assertThat(accepted.get("rounds").get(1).get("accepted").asBoolean()).isTrue();
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
                .singleResult().getEndActivityId()).isEqualTo(ExplanationRequestProcess.END_ACCEPTED);
        assertThat(recipients(key)).as("still one notification per recipient").hasSize(2);
    }

    List<String> recipients(String dedupKey) {
        return jdbc.sql("SELECT recipient FROM ntf_outbox WHERE dedup_key = ?").param(dedupKey).query(String.class)
                .list();
    }

    static List<String> ids(JsonNode list) {
        List<String> ids = new java.util.ArrayList<>();
        list.forEach(item -> ids.add(item.get("id").asText()));
        return ids;
    }
}
