package vn.dieuhanh.indicator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.quartz.JobDataMap;
import org.quartz.Scheduler;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.indicator.internal.reporting.CampaignJob;
import vn.dieuhanh.indicator.internal.reporting.CampaignScheduler;
import vn.dieuhanh.indicator.internal.reporting.IndicatorReportCorrectionProcess;
import vn.dieuhanh.indicator.internal.reporting.IndicatorReportProcess;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * A monthly campaign (catalogue 2026.1: departments report KT-04, XH-05, XH-06, XH-11) from the Quartz trigger to
 * three departments' reports on real PostgreSQL with the job executor:
 * one on time (and corrected after approval), one rejected by its head and resubmitted, one late (the engine clock
 * moved past the due date: overdue alert and one REPORT_LATE row); invalid values refused with messages, nothing saved.
 */
@PostgresIntegrationTest
class IndicatorReportingJourneyTest {

    static final String PERIOD = "2032-03";
    /** Units whose kind reports monthly indicators in catalogue 2026.1: 168 local units and 20 departments. */
    static final int REPORTING_UNITS = 188;
    static final String PASSWORD = "Bao-Cao-2030!x";
    static final String ON_TIME = "so-khoa-hoc-va-cong-nghe";
    static final String REJECTED = "so-cong-thuong";
    static final String LATE = "so-du-lich";
    static final OffsetDateTime OPENING = OffsetDateTime.parse("2032-04-01T09:00:00+07:00");

    @LocalServerPort
    int port;
    @Autowired
    OfficialAccounts accounts;
    @Autowired
    Scheduler scheduler;
    @Autowired
    org.camunda.bpm.engine.RuntimeService runtimeService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    ReportedValues reportedValues;

    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(port);
        for (String unit : List.of(ON_TIME, REJECTED, LATE)) {
            accounts.register(new Official(head(unit), "Giám đốc " + unit, null, unit, null, Role.HEAD), PASSWORD);
            accounts.register(new Official(officer(unit), "Chuyên viên " + unit, null, unit, null, Role.OFFICER),
                    PASSWORD);
        }
        ClockUtil.setCurrentTime(Date.from(OPENING.toInstant()));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void campaignFromTheQuartzTriggerToOnTimeRejectedAndLateReports() throws Exception {
        // Quartz fires the campaign job (as the cron trigger would, with the period given by hand)
        scheduler.triggerJob(CampaignScheduler.JOB, new JobDataMap(Map.of(CampaignJob.DATA_PERIOD, PERIOD)));
        String onTime = awaitFillTask(ON_TIME);
        String rejected = awaitFillTask(REJECTED);
        String late = awaitFillTask(LATE);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ind_campaign WHERE period = ?").param(PERIOD).query(Long.class)
                .single()).isEqualTo(1);
        JsonNode campaigns = http.getJson("/api/indicator-campaigns?period=" + PERIOD, "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        assertThat(campaigns).hasSize(1);
        JsonNode campaign = http.getJson("/api/indicator-campaigns/" + campaigns.get(0).get("id").asText(), "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        assertThat(campaign.get("units")).as("the 168 wards, communes and special zone and the 20 departments report monthly")
                .hasSize(REPORTING_UNITS);
        Instant dueAt = Instant.parse(campaign.get("campaign").get("dueAt").asText());
        assertThat(dueAt.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().getMonthValue()).isEqualTo(4);

        // issue 14: every unit's report instance carries its report id (Cockpit), the task says whose and which period
        List<org.camunda.bpm.engine.runtime.ProcessInstance> reportInstances = await().atMost(Duration.ofSeconds(60))
                .until(() -> runtimeService.createProcessInstanceQuery().processDefinitionKey(IndicatorReportProcess.KEY)
                        .variableValueEquals(IndicatorReportProcess.VAR_PERIOD, PERIOD).list(),
                        list -> list.size() == REPORTING_UNITS);
        assertThat(reportInstances).allSatisfy(instance -> assertThat(instance.getBusinessKey()).isNotBlank());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(onTime).count()).isEqualTo(1);
        Task fill = taskService.createTaskQuery().processInstanceBusinessKey(onTime).singleResult();
        assertThat(fill.getName()).isEqualTo("Lập báo cáo chỉ tiêu: tháng 3/2032 (Sở Khoa học và Công nghệ)");
        assertThat(fill.getDescription()).contains("Đơn vị: Sở Khoa học và Công nghệ", "Kỳ báo cáo: tháng 3/2032",
                "Hạn nộp: hết ngày");

        // invalid values: refused with a message per indicator, nothing saved
        HttpResponse<String> invalid = http.post("/api/indicator-reports/" + onTime + "/submit",
                "{\"values\":{\"KT-04\":-5,\"XH-05\":101,\"KT-01\":3}}", officer(ON_TIME), PASSWORD);
        assertThat(invalid.statusCode()).as(invalid.body()).isEqualTo(400);
        JsonNode problems = HttpClient.json(invalid.body()).get("problems");
        assertThat(problems.get("KT-04").asText()).contains("giá trị -5 nhỏ hơn mức tối thiểu 0");
        assertThat(problems.get("XH-05").asText()).contains("giá trị 101 lớn hơn mức tối đa 100");
        assertThat(problems.get("XH-06").asText()).contains("chưa nhập số liệu (chỉ tiêu bắt buộc)");
        assertThat(problems.get("KT-01").asText()).as("a ward indicator").contains("không thuộc báo cáo");
        assertThat(report(onTime, officer(ON_TIME)).get("versions")).isEmpty();
        assertThat(report(onTime, officer(ON_TIME)).get("report").get("status").asText()).isEqualTo("OPEN");
        assertThat(fillTasks(ON_TIME))
                .as("still waiting for the unit, not even claimed").isEqualTo(1);

        // a draft, then the submission on time, approved by the head
        assertThat(http.put("/api/indicator-reports/" + onTime + "/draft", "{\"values\":{\"KT-04\":10}}",
                officer(ON_TIME), PASSWORD).statusCode()).isEqualTo(200);
        submit(onTime, ON_TIME, "{\"values\":{\"KT-04\":120.5,\"XH-05\":98,\"XH-06\":97,\"XH-11\":99},\"notes\":{\"KT-04\":\"ước\"}}");
        assertThat(http.post("/api/indicator-reports/" + onTime + "/decision", "{\"approve\":true}", officer(ON_TIME),
                PASSWORD).statusCode()).as("an officer cannot approve").isEqualTo(403);
        decide(onTime, ON_TIME, "{\"approve\":true}");
        assertThat(report(onTime, head(ON_TIME)).get("report").get("status").asText()).isEqualTo("APPROVED");
        assertThat(ledger("completed:report:" + onTime)).isEqualTo("COMPLETED_ON_TIME");

        // another unit cannot see it
        assertThat(http.get("/api/indicator-reports/" + onTime, officer(REJECTED), PASSWORD).statusCode())
                .isEqualTo(403);

        // rejected by the head (a reason is required), corrected and resubmitted, approved
        submit(rejected, REJECTED, "{\"values\":{\"KT-04\":7,\"XH-05\":50,\"XH-06\":60,\"XH-11\":70}}");
        HttpResponse<String> noReason = http.post("/api/indicator-reports/" + rejected + "/decision",
                "{\"approve\":false}", head(REJECTED), PASSWORD);
        assertThat(noReason.statusCode()).as(noReason.body()).isEqualTo(400);
        assertThat(noReason.body()).contains("lý do");
        decide(rejected, REJECTED, "{\"approve\":false,\"reason\":\"Số thu chưa khớp sổ kế toán\"}");
        await().atMost(Duration.ofSeconds(20)).until(() -> fillTasks(REJECTED) == 1);
        assertThat(report(rejected, officer(REJECTED)).get("report").get("status").asText()).isEqualTo("REJECTED");
        submit(rejected, REJECTED, "{\"values\":{\"KT-04\":7.25,\"XH-05\":50,\"XH-06\":60,\"XH-11\":70}}");
        decide(rejected, REJECTED, "{\"approve\":true}");
        JsonNode rejectedReport = report(rejected, head(REJECTED));
        assertThat(rejectedReport.get("versions").findValuesAsText("kind"))
                .containsExactly("SUBMISSION", "REJECTION", "SUBMISSION", "APPROVAL");
        assertThat(rejectedReport.get("versions").get(1).get("reason").asText()).isEqualTo("Số thu chưa khớp sổ kế toán");
        assertThat(rejectedReport.get("versions").get(1).get("actor").asText()).isEqualTo(head(REJECTED));
        assertThat(rejectedReport.get("versions").get(3).has("reason"))
                .as("the approval does not inherit the rejection's reason").isFalse();
        assertThat(ledger("completed:report:" + rejected)).isEqualTo("COMPLETED_ON_TIME");

        // the third unit lets the due date pass: overdue alert, KPI lateness once
        ClockUtil.setCurrentTime(Date.from(dueAt.plus(Duration.ofHours(2))));
        await().atMost(Duration.ofSeconds(90)).until(() -> jdbc.sql("SELECT COUNT(*) FROM kpi_ledger WHERE dedup_key = ?")
                .param("report-late:" + late).query(Long.class).single() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "SELECT COUNT(*) FROM ntf_outbox WHERE dedup_key LIKE ?").param("indicator-report:" + late + ":OVERDUE:%")
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT recipient FROM ntf_outbox WHERE dedup_key LIKE ?")
                .param("indicator-report:" + late + ":OVERDUE:%").query(String.class).single()).isEqualTo(head(LATE));
        JsonNode lateStatus = report(late, officer(LATE)).get("report");
        assertThat(lateStatus.get("late").asBoolean()).isTrue();
        assertThat(lateStatus.get("missing").asBoolean()).isTrue();
        // the approved reports were not alerted
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ntf_outbox WHERE dedup_key LIKE ?")
                .param("indicator-report:" + onTime + ":OVERDUE%").query(Long.class).single()).isZero();

        JsonNode afterDue = http.getJson("/api/indicator-campaigns/" + campaigns.get(0).get("id").asText(), "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        JsonNode lateUnit = unitOf(afterDue, LATE);
        assertThat(lateUnit.get("missing").asBoolean()).isTrue();
        assertThat(lateUnit.get("late").asBoolean()).isTrue();
        assertThat(unitOf(afterDue, ON_TIME).get("approved").asBoolean()).isTrue();
        assertThat(unitOf(afterDue, ON_TIME).get("late").asBoolean()).isFalse();
        assertThat(unitOf(afterDue, REJECTED).get("submitted").asBoolean()).isTrue();
        assertThat(afterDue.get("approved").asInt()).isEqualTo(2);

        // filed late: completed late, and still one lateness
        submit(late, LATE, "{\"values\":{\"KT-04\":3,\"XH-05\":70,\"XH-06\":70,\"XH-11\":70}}");
        decide(late, LATE, "{\"approve\":true}");
        assertThat(ledger("completed:report:" + late)).isEqualTo("COMPLETED_LATE");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_ledger WHERE item_id = ? AND kind = 'REPORT_LATE'").param(late)
                .query(Long.class).single()).isEqualTo(1);

        // the unit scores: one item, filed late: a quarter of the progress points (30 for units) lost
        String month = dueAt.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toLocalDate().toString().substring(0, 7);
        JsonNode lateScore = http.getJson("/api/kpi/units/" + LATE + "?period=" + month, "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        assertThat(lateScore.get("items").asInt()).isEqualTo(1);
        assertThat(lateScore.get("progress").decimalValue()).isEqualByComparingTo("22.5");
        assertThat(http.getJson("/api/kpi/units/" + REJECTED + "?period=" + month, "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD).get("progress").decimalValue()).isEqualByComparingTo("30");

        // a correction after approval: a new version with its reason, in force once the head approves it
        HttpResponse<String> noReasonCorrection = http.post("/api/indicator-reports/" + onTime + "/corrections",
                "{\"values\":{\"KT-04\":121,\"XH-05\":98,\"XH-06\":97,\"XH-11\":99}}", officer(ON_TIME), PASSWORD);
        assertThat(noReasonCorrection.statusCode()).isEqualTo(400);
        HttpResponse<String> correction = http.post("/api/indicator-reports/" + onTime + "/corrections",
                "{\"values\":{\"KT-04\":121,\"XH-05\":98,\"XH-06\":97,\"XH-11\":99},\"reason\":\"Số liệu quyết toán chính thức\"}",
                officer(ON_TIME), PASSWORD);
        assertThat(correction.statusCode()).as(correction.body()).isEqualTo(201);
        assertThat(value(reportedValues.approved(ReportingPeriod.parse(PERIOD)), ON_TIME, "KT-04"))
                .as("the approved version stays in force until the head approves the correction").isEqualTo("120.5");
        // the head finds it in Tasklist, with the corrected values and the reason
        Task review = taskService.createTaskQuery().taskAssignee(head(ON_TIME))
                .processDefinitionKey(IndicatorReportCorrectionProcess.KEY).singleResult();
        assertThat(review).isNotNull();
        assertThat(review.getName())
                .isEqualTo("Duyệt đính chính báo cáo chỉ tiêu: tháng 3/2032 (Sở Khoa học và Công nghệ)");
        assertThat((String) taskService.getVariable(review.getId(), IndicatorReportProcess.VAR_REPORT_SUMMARY))
                .contains("KT-04 – Giá trị giải ngân vốn đầu tư công: 121 tỷ đồng",
                        "Lý do đính chính: Số liệu quyết toán chính thức");
        decide(onTime, ON_TIME, "{\"approve\":true}");
        assertThat(taskService.createTaskQuery().processDefinitionKey(IndicatorReportCorrectionProcess.KEY)
                .processInstanceBusinessKey(IndicatorReportCorrectionProcess.businessKey(onTime, 4)).count())
                .as("decided through REST = the head's task completed").isZero();
        JsonNode corrected = report(onTime, "admin");
        assertThat(corrected.get("versions").findValuesAsText("kind"))
                .containsExactly("DRAFT", "SUBMISSION", "APPROVAL", "CORRECTION", "APPROVAL");
        assertThat(corrected.get("versions").get(3).get("reason").asText()).isEqualTo("Số liệu quyết toán chính thức");
        assertThat(corrected.get("versions").get(3).get("actor").asText()).isEqualTo(officer(ON_TIME));
        assertThat(corrected.get("approvedVersion").asInt()).isEqualTo(4);
        assertThat(value(reportedValues.approved(ReportingPeriod.parse(PERIOD)), ON_TIME, "KT-04")).isEqualTo("121");
        assertThat(ledger("completed:report:" + onTime)).as("a correction is not a second filing")
                .isEqualTo("COMPLETED_ON_TIME");
        assertThat(reportedValues.expectedUnits(ReportingPeriod.parse(PERIOD))).hasSize(REPORTING_UNITS).contains(LATE);

        // the approved reports (the correction in force) feed the city table: KT-04 = 121 + 7.25 + 3
        JsonNode table = http.getJson("/api/indicators/table?period=" + PERIOD, "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        JsonNode investment = null;
        for (JsonNode row : table.get("rows")) {
            if (row.get("code").asText().equals("KT-04")) {
                investment = row;
            }
        }
        assertThat(investment).isNotNull();
        assertThat(investment.get("value").decimalValue()).isEqualByComparingTo("131.25");
        assertThat(investment.get("unitsReported").asInt()).isEqualTo(3);
        assertThat(investment.get("unitsExpected").asInt()).isEqualTo(REPORTING_UNITS);
        assertThat(investment.get("status").asText()).as("3 of 188 units reported").isEqualTo("GREY");
        JsonNode units = http.getJson("/api/indicators/table/units?period=" + PERIOD + "&indicator=KT-04", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        for (JsonNode row : units.get("rows")) {
            if (row.get("unitCode").asText().equals(ON_TIME)) {
                assertThat(row.get("reported").asBoolean()).isTrue();
                assertThat(row.get("value").decimalValue()).isEqualByComparingTo("121");
            }
        }

        // a second opening of the same period creates nothing
        HttpResponse<String> again = http.post("/api/indicator-campaigns", "{\"period\":\"" + PERIOD + "\"}", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM ind_campaign WHERE period = ?").param(PERIOD).query(Long.class)
                .single()).isEqualTo(1);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    static String head(String unit) {
        return "bc." + unit + ".head";
    }

    static String officer(String unit) {
        return "bc." + unit + ".officer";
    }

    private String awaitFillTask(String unit) {
        await().atMost(Duration.ofSeconds(60)).until(() -> fillTasks(unit) == 1);
        return jdbc.sql("SELECT id FROM ind_report WHERE unit_code = ? AND period = ?").params(unit, PERIOD)
                .query(String.class).single();
    }

    private static JsonNode unitOf(JsonNode campaign, String unit) {
        for (JsonNode u : campaign.get("units")) {
            if (u.get("unitCode").asText().equals(unit)) {
                return u;
            }
        }
        throw new AssertionError("no report of " + unit);
    }

    private long fillTasks(String unit) {
        return taskService.createTaskQuery().taskCandidateGroup(unit)
                .processVariableValueEquals(IndicatorReportProcess.VAR_PERIOD, PERIOD)
                .taskDefinitionKey(IndicatorReportProcess.TASK_FILL_REPORT).count();
    }

    private void submit(String reportId, String unit, String body) {
        HttpResponse<String> response = http.post("/api/indicator-reports/" + reportId + "/submit", body,
                officer(unit), PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(20)).until(() -> taskService.createTaskQuery().taskAssignee(head(unit))
                .processVariableValueEquals(IndicatorReportProcess.VAR_PERIOD, PERIOD)
                .taskDefinitionKey(IndicatorReportProcess.TASK_REVIEW_REPORT).count() == 1);
    }

    private void decide(String reportId, String unit, String body) {
        HttpResponse<String> response = http.post("/api/indicator-reports/" + reportId + "/decision", body, head(unit),
                PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    }

    private JsonNode report(String reportId, String user) {
        return http.getJson("/api/indicator-reports/" + reportId, user,
                "admin".equals(user) ? PostgresIntegrationTest.ADMIN_PASSWORD : PASSWORD);
    }

    private String ledger(String key) {
        return jdbc.sql("SELECT kind FROM kpi_ledger WHERE dedup_key = ?").param(key).query(String.class).optional()
                .orElse(null);
    }

    private static String value(List<ReportedValue> values, String unit, String code) {
        return values.stream().filter(v -> v.unitCode().equals(unit) && v.indicatorCode().equals(code))
                .map(v -> v.value().stripTrailingZeros().toPlainString()).findFirst().orElse(null);
    }
}
