package vn.dieuhanh.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.indicator.internal.reporting.IndicatorReportProcess;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * Indicator reports and explanation requests under attack by an official who knows the engine's API: filing another
 * ward's report with his numbers, choosing his reviewer, approving his own report, answering another ward's request.
 * Each is refused and changes nothing; the decision on a head's own report goes one level up.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IndicatorTamperingTest {

    static final String PERIOD = "2033-04";
    static final String PASSWORD = "Bao-Cao-Trung-Thuc-1!";
    static final String WARD_A = "phuong-xom-chieu";
    static final String WARD_B = "phuong-khanh-hoi";
    static final String OFFICER_A = "it.xom-chieu.canbo";
    static final String HEAD_A = "it.xom-chieu.chutich";
    static final String OFFICER_B = "it.khanh-hoi.canbo";
    static final String HEAD_B = "it.khanh-hoi.chutich";
    static final String LEADER = "it.chutich-tp";
    /** The head of the City People's Committee as a unit: first in line when a ward has nobody else to decide. */
    static final String CITY_HEAD = "it.ubnd-tp.head";
    /** The ward indicators of a month, all required: a valid value for each. */
    static final List<String> MONTHLY = List.of("KT_01", "KT_02", "KT_03", "KT_04", "XH_04", "XH_05", "XH_06",
            "XH_09", "XH_11", "QP_02", "QP_03", "QP_04", "QP_05");

    @LocalServerPort
    int port;
    @Autowired
    OfficialAccounts accounts;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    HttpClient http;

    @BeforeAll
    void campaign() {
        http = new HttpClient(port);
        accounts.register(new Official(OFFICER_A, "Công chức phường Xóm Chiếu", null, WARD_A, null, Role.OFFICER),
                PASSWORD);
        accounts.register(new Official(HEAD_A, "Chủ tịch phường Xóm Chiếu", null, WARD_A, null, Role.HEAD), PASSWORD);
        accounts.register(new Official(OFFICER_B, "Công chức phường Khánh Hội", null, WARD_B, null, Role.OFFICER),
                PASSWORD);
        accounts.register(new Official(HEAD_B, "Chủ tịch phường Khánh Hội", null, WARD_B, null, Role.HEAD), PASSWORD);
        accounts.register(new Official(LEADER, "Chủ tịch UBND Thành phố", null, "ubnd-tp", null, Role.LEADER),
                PASSWORD);
        accounts.register(new Official(CITY_HEAD, "Thủ trưởng UBND Thành phố", null, "ubnd-tp", null, Role.HEAD),
                PASSWORD);
        HttpResponse<String> opened = http.post("/api/indicator-campaigns", "{\"period\":\"" + PERIOD + "\"}", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        assertThat(opened.statusCode()).as(opened.body()).isIn(200, 201);
        await().atMost(Duration.ofSeconds(120)).until(() -> fillTask(WARD_A) != null && fillTask(WARD_B) != null);
    }

    @Test
    void anOfficialCannotFileAnotherWardsReportOrChooseHisReviewer() {
        Task mine = fillTask(WARD_A);
        String theirs = reportId(WARD_B);
        HttpResponse<String> forged = complete(mine, OFFICER_A, ",\"reportId\":{\"value\":\"" + theirs + "\"}");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("Biểu mẫu không có trường reportId");
        HttpResponse<String> reviewer = complete(mine, OFFICER_A, ",\"reviewer\":{\"value\":\"" + OFFICER_A + "\"}");
        assertThat(reviewer.statusCode()).as(reviewer.body()).isEqualTo(400);
        assertThat(versions(theirs)).isZero();
        assertThat(versions(reportId(WARD_A))).isZero();
        assertThat(status(theirs)).isNotEqualTo("SUBMITTED");
    }

    @Test
    void aHeadWhoFilesHisWardsReportHimselfDoesNotApproveIt() {
        String report = reportId(WARD_B);
        Task fill = fillTask(WARD_B);
        assertThat(http.post("/engine-rest/task/" + fill.getId() + "/claim", "{\"userId\":\"" + HEAD_B + "\"}", HEAD_B,
                PASSWORD).statusCode()).isEqualTo(204);
        HttpResponse<String> filed = complete(fill, HEAD_B, "");
        assertThat(filed.statusCode()).as(filed.body()).isEqualTo(204);
        assertThat(status(report)).isEqualTo("SUBMITTED");

        // the ward has no deputy: the decision goes to the City People's Committee
        Task review = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processVariableValueEquals(IndicatorReportProcess.VAR_PERIOD, PERIOD)
                .processVariableValueEquals(IndicatorReportProcess.VAR_UNIT_CODE, WARD_B)
                .taskDefinitionKey(IndicatorReportProcess.TASK_REVIEW_REPORT).singleResult(), t -> t != null);
        assertThat(review.getAssignee()).isEqualTo(CITY_HEAD);

        HttpResponse<String> selfApproval = http.post("/api/indicator-reports/" + report + "/decision",
                "{\"approve\":true}", HEAD_B, PASSWORD);
        assertThat(selfApproval.statusCode()).as(selfApproval.body()).isEqualTo(403);
        assertThat(http.post("/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\":{\"reportDecision\":{\"value\":\"approve\"}}}", HEAD_B, PASSWORD).statusCode())
                .isIn(403, 404);
        assertThat(status(report)).isEqualTo("SUBMITTED");

        // the one it went to decides
        HttpResponse<String> approved = http.post("/api/indicator-reports/" + report + "/decision",
                "{\"approve\":true}", CITY_HEAD, PASSWORD);
        assertThat(approved.statusCode()).as(approved.body()).isIn(200, 202, 204);
        assertThat(status(report)).isEqualTo("APPROVED");

        // a correction the head sends himself is decided above him too
        String values = MONTHLY.stream().map(code -> "\"" + code.replace('_', '-') + "\":" + (code.startsWith("XH_0")
                || code.equals("XH_11") ? "60" : "2")).collect(Collectors.joining(","));
        HttpResponse<String> corrected = http.post("/api/indicator-reports/" + report + "/corrections",
                "{\"values\":{" + values + "},\"reason\":\"Số liệu thống kê bổ sung\"}", HEAD_B, PASSWORD);
        assertThat(corrected.statusCode()).as(corrected.body()).isEqualTo(201);
        assertThat(status(report)).isEqualTo("CORRECTION_PENDING");
        Task correctionReview = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processDefinitionKey("indicator-report-correction")
                .processVariableValueEquals(IndicatorReportProcess.VAR_REPORT_ID, report).singleResult(),
                t -> t != null);
        assertThat(correctionReview.getAssignee()).isEqualTo(CITY_HEAD);
        assertThat(http.post("/api/indicator-reports/" + report + "/decision", "{\"approve\":true}", HEAD_B, PASSWORD)
                .statusCode()).isEqualTo(403);
        assertThat(status(report)).isEqualTo("CORRECTION_PENDING");
        assertThat(http.post("/api/indicator-reports/" + report + "/decision", "{\"approve\":true}", CITY_HEAD,
                PASSWORD).statusCode()).isIn(200, 202, 204);
        assertThat(status(report)).isEqualTo("APPROVED");
    }

    @Test
    void anExplanationIsAnsweredOnlyForOnesOwnRequest() {
        HttpResponse<String> asked = http.post("/api/indicators/KT-01/explanation-requests", "{\"unitCode\":\""
                + WARD_A + "\",\"period\":\"" + PERIOD + "\",\"question\":\"Thu ngân sách giảm?\",\"workingDays\":5}",
                LEADER, PASSWORD);
        assertThat(asked.statusCode()).as(asked.body()).isEqualTo(201);
        JsonNode request = HttpClient.json(asked.body());
        String requestId = request.get("id").asText();
        HttpResponse<String> otherAsked = http.post("/api/indicators/KT-02/explanation-requests", "{\"unitCode\":\""
                + WARD_B + "\",\"period\":\"" + PERIOD + "\",\"question\":\"Ít doanh nghiệp mới?\",\"workingDays\":5}",
                LEADER, PASSWORD);
        String otherId = HttpClient.json(otherAsked.body()).get("id").asText();
        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(requestId).singleResult(), t -> t != null);

        HttpResponse<String> forged = http.post("/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":{\"explanation\":{\"value\":\"Do mưa bão\"},\"requestId\":{\"value\":\"" + otherId
                        + "\"},\"requestedBy\":{\"value\":\"" + OFFICER_A + "\"}}}", OFFICER_A, PASSWORD);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(explanationStatus(otherId)).isEqualTo("OPEN");
        assertThat(explanationStatus(requestId)).isEqualTo("OPEN");

        HttpResponse<String> honest = http.post("/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":{\"explanation\":{\"value\":\"Do mưa bão kéo dài\"}}}", OFFICER_A, PASSWORD);
        assertThat(honest.statusCode()).as(honest.body()).isEqualTo(204);
        assertThat(explanationStatus(requestId)).isEqualTo("ANSWERED");
        assertThat(explanationStatus(otherId)).isEqualTo("OPEN");
    }

    private Task fillTask(String unit) {
        return taskService.createTaskQuery().taskCandidateGroup(unit)
                .processVariableValueEquals(IndicatorReportProcess.VAR_PERIOD, PERIOD)
                .taskDefinitionKey(IndicatorReportProcess.TASK_FILL_REPORT).singleResult();
    }

    private HttpResponse<String> complete(Task task, String user, String extra) {
        String values = MONTHLY.stream().map(code -> "\"ind_" + code + "\":{\"value\":" + (code.startsWith("XH_0")
                || code.equals("XH_11") ? "50" : "1") + ",\"type\":\"Double\"}").collect(Collectors.joining(","));
        return http.post("/engine-rest/task/" + task.getId() + "/complete", "{\"variables\":{" + values + extra + "}}",
                user, PASSWORD);
    }

    private String reportId(String unit) {
        return jdbc.sql("SELECT id FROM ind_report WHERE unit_code = ? AND period = ?").params(unit, PERIOD)
                .query(String.class).single();
    }

    private long versions(String reportId) {
        return jdbc.sql("SELECT COUNT(*) FROM ind_report_version WHERE report_id = ?").param(reportId)
                .query(Long.class).single();
    }

    private String status(String reportId) {
        return jdbc.sql("SELECT status FROM ind_report WHERE id = ?").param(reportId).query(String.class).single();
    }

    private String explanationStatus(String id) {
        return jdbc.sql("SELECT status FROM ind_explanation_request WHERE id = ?").param(id).query(String.class)
                .single();
    }
}
