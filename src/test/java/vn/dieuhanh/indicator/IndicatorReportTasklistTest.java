package vn.dieuhanh.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
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
 * The Tasklist path: a campaign opened by an administrator; the unit's official loads the form variables (which
 * indicators to show, their fields) and completes the task through the engine REST API the way Tasklist does (the
 * visible fields, numbers as Double). Invalid values fail the completion with the Vietnamese messages (shown by
 * Tasklist) and save nothing. The form itself in a real Tasklist: docs/indicator-reporting.md.
 */
@PostgresIntegrationTest
class IndicatorReportTasklistTest {

    static final String PERIOD = "2032-06";
    static final String UNIT = "so-van-hoa-va-the-thao";
    static final String OFFICER = "tl.so-van-hoa.officer";
    static final String HEAD = "tl.so-van-hoa.head";
    static final String PASSWORD = "Tasklist-Bao-Cao-1!";

    @LocalServerPort
    int port;
    @Autowired
    OfficialAccounts accounts;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theFormRowsGoToTasklistAndInvalidValuesAreRefusedThere() {
        accounts.register(new Official(OFFICER, "Chuyên viên Sở Văn hóa và Thể thao", null, UNIT, null, Role.OFFICER), PASSWORD);
        accounts.register(new Official(HEAD, "Giám đốc Sở Văn hóa và Thể thao", null, UNIT, null, Role.HEAD), PASSWORD);
        HttpClient http = new HttpClient(port);
        HttpResponse<String> opened = http.post("/api/indicator-campaigns", "{\"period\":\"" + PERIOD + "\"}", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        assertThat(opened.statusCode()).as(opened.body()).isEqualTo(201);
        await().atMost(Duration.ofSeconds(60)).until(() -> fillTask() != null);
        Task task = fillTask();

        JsonNode form = http.getJson("/engine-rest/task/" + task.getId() + "/form-variables?deserializeValues=false", OFFICER,
                PASSWORD); // as Tasklist asks
        assertThat(form.get("indicatorCodes").get("type").asText()).isEqualTo("Json");
        assertThat(HttpClient.json(form.get("indicatorCodes").get("value").asText()))
                .extracting(JsonNode::asText).containsExactly("KT-04", "XH-05", "XH-06", "XH-11");
        assertThat(form.get("reportTitle").get("value").asText()).startsWith("Báo cáo chỉ tiêu tháng 6/2032");
        assertThat(form.has("ind_KT_04")).as("the fields start empty").isTrue();

        // what Tasklist sends: the visible fields, numbers as Double (hidden fields are not submitted)
        HttpResponse<String> refused = complete(http, task, "5", "120", "80", "90", null);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("Báo cáo chưa hợp lệ, chưa được lưu",
                "XH-05 (Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn): giá trị 120 lớn hơn mức tối đa 100");
        String reportId = jdbc.sql("SELECT id FROM ind_report WHERE unit_code = ? AND period = ?")
                .params(UNIT, PERIOD).query(String.class).single();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ind_report_version WHERE report_id = ?").param(reportId)
                .query(Long.class).single()).as("nothing saved").isZero();

        HttpResponse<String> accepted = complete(http, task, "5", "99.5", "80", "90", "Ký số toàn bộ");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(204);
        Task review = taskService.createTaskQuery().taskAssignee(HEAD)
                .processVariableValueEquals(IndicatorReportProcess.VAR_PERIOD, PERIOD)
                .taskDefinitionKey(IndicatorReportProcess.TASK_REVIEW_REPORT).singleResult();
        JsonNode reviewForm = http.getJson("/engine-rest/task/" + review.getId() + "/form-variables?deserializeValues=false", HEAD,
                PASSWORD);
        assertThat(reviewForm.get("reportSummary").get("value").asText())
                .contains("XH-05 – Tỷ lệ hồ sơ thủ tục hành chính giải quyết đúng hạn: 99.5 %", "XH-11",
                        "(Ký số toàn bộ)");
        assertThat(http.getJson("/api/indicator-reports/" + reportId, OFFICER, PASSWORD).get("report")
                .get("status").asText()).isEqualTo("SUBMITTED");
    }

    private Task fillTask() {
        return taskService.createTaskQuery().taskCandidateGroup(UNIT)
                .processVariableValueEquals(IndicatorReportProcess.VAR_PERIOD, PERIOD)
                .taskDefinitionKey(IndicatorReportProcess.TASK_FILL_REPORT).singleResult();
    }

    private static HttpResponse<String> complete(HttpClient http, Task task, String kt04, String xh05, String xh06,
                                                 String xh11, String noteXh11) {
        String variables = """
                "ind_KT_04":{"value":%s,"type":"Double"},"ind_XH_05":{"value":%s,"type":"Double"},
                "ind_XH_06":{"value":%s,"type":"Double"},"ind_XH_11":{"value":%s,"type":"Double"}"""
                .formatted(kt04, xh05, xh06, xh11);
        if (noteXh11 != null) {
            variables += ",\"note_XH_11\":{\"value\":\"" + noteXh11 + "\",\"type\":\"String\"}";
        }
        return http.post("/engine-rest/task/" + task.getId() + "/complete", "{\"variables\":{" + variables + "}}",
                OFFICER, PASSWORD);
    }
}
