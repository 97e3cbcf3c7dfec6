package vn.dieuhanh.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.assignment.AssignmentAccepted;
import vn.dieuhanh.assignment.AssignmentReturned;
import vn.dieuhanh.assignment.ExtensionGranted;
import vn.dieuhanh.deadline.AssignmentBecameOverdue;
import vn.dieuhanh.kpi.internal.KpiNightlyJob;
import vn.dieuhanh.kpi.internal.KpiSnapshots;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * A quarter with a known answer. The facts arrive as the assignment and deadline modules publish them (events in a
 * transaction); scores and rankings are read through REST. Period 2030-Q1, which no other test uses.
 *
 * <pre>
 * Items (assignments):                             ledger rows
 *  phuong-ban-co (ward)   A: s1 on time              COMPLETED_ON_TIME
 *                         A: s2 late                 LATE, COMPLETED_LATE
 *                         B: s3 returned once, on time RETURNED, COMPLETED_ON_TIME
 *                         B: s4 late, waived         LATE (waived), COMPLETED_LATE
 *                         B: s10 on time             COMPLETED_ON_TIME
 *  phuong-sai-gon (ward)  C: s5, s6 on time; s7 still overdue (LATE only)
 *  so-tai-chinh (dept.)   D: s8 extension granted, on time; s9 late; s11 still overdue
 *
 * Officials, shipped tables: 30 general + 20 quantity + 25 quality + 25 progress.
 *  A: 2 items, 2 done: 30 + 20 + 25 + (25 - 25/2*0.25 = 21.875 -> 21.88)                   = 96.88 excellent
 *  B: 3 items, 3 done: 30 + 20 + (25 - 25/3*0.25 = 22.9167 -> 22.92) + 25 (s4 waived)       = 97.92 excellent
 *  C: 3 items, 2 done: 30 + (20*2/3 = 13.33) + 25 + (25 - 25/3*0.25 -> 22.92)               = 91.25 excellent
 *  D: 3 items, 2 done: 30 + 13.33 + 25 + (25 - 25/3*(0.25+0.25) = 20.8333 -> 20.83)        = 89.16 good
 *  ranking: B 97.92, A 96.88, C 91.25, D 89.16
 * Units, shipped tables: 20 general + 30 quantity + 20 quality + 30 progress.
 *  phuong-ban-co:  5 items, 5 done: 20 + 30 + (20 - 20/5*0.25 = 19) + (30 - 30/5*0.25 = 28.5) = 97.50 excellent
 *  phuong-sai-gon: 3 items, 2 done: 20 + 20 + 20 + (30 - 30/3*0.25 = 27.5)                   = 87.50 good
 *  so-tai-chinh:   3 items, 2 done: 20 + 20 + 20 + (30 - 30/3*0.5 = 25)                      = 85.00 good
 *  citywide: ban-co 1, sai-gon 2, tai-chinh 3; within kind: ban-co 1 and sai-gon 2 of wards, tai-chinh 1 of departments
 *
 * The analyst's edit of kpi-penalty: late costs 0.5 of progress, an extension granted 0.1 of progress.
 *  A: 30 + 20 + 25 + (25 - 12.5*0.5 = 18.75)                       = 93.75
 *  B: unchanged (its late item is waived)                          = 97.92
 *  C: 30 + 13.33 + 25 + (25 - 25/3*0.5 = 20.8333 -> 20.83)         = 89.16 good (was excellent)
 *  D: 30 + 13.33 + 25 + (25 - 25/3*(0.1+0.5+0.5) = 15.8333 -> 15.83) = 84.16
 *  ban-co: 20 + 30 + 19 + (30 - 6*0.5 = 27) = 96.00; sai-gon: 20 + 20 + 20 + (30 - 10*0.5) = 85.00;
 *  tai-chinh: 20 + 20 + 20 + (30 - 10*1.1 = 19) = 79.00
 * </pre>
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiScenarioTest {

    static final String PERIOD = "2030-Q1";
    static final String A = "kpi-a.ban-co";
    static final String B = "kpi-b.ban-co";
    static final String C = "kpi-c.sai-gon";
    static final String D = "kpi-d.tai-chinh";
    static final String BAN_CO = "phuong-ban-co";
    static final String SAI_GON = "phuong-sai-gon";
    static final String TAI_CHINH = "so-tai-chinh";
    static final String PASSWORD = "Cham-Diem-2030!";
    static final String WARD_OFFICER = "kpi-officer.ban-co";
    static final String WARD_HEAD = "kpi-head.ban-co";

    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    OfficialAccounts accounts;
    @Autowired
    KpiSnapshots snapshots;
    @Autowired
    org.quartz.Scheduler scheduler;
    @LocalServerPort
    int port;
    HttpClient http;
    final ObjectMapper json = new ObjectMapper();

    @BeforeAll
    void scenario() {
        http = new HttpClient(port);
        accounts.register(new Official(WARD_OFFICER, "Công chức Bàn Cờ", null, BAN_CO, null, Role.OFFICER), PASSWORD);
        accounts.register(new Official(WARD_HEAD, "Chủ tịch UBND phường Bàn Cờ", null, BAN_CO, null, Role.HEAD),
                PASSWORD);
        onTime("s1", BAN_CO, A);
        late("s2", BAN_CO, A, true);
        returned("s3", BAN_CO, B);
        onTime("s3", BAN_CO, B);
        late("s4", BAN_CO, B, true);
        onTime("s10", BAN_CO, B);
        onTime("s5", SAI_GON, C);
        onTime("s6", SAI_GON, C);
        late("s7", SAI_GON, C, false);
        publish(new ExtensionGranted(id("s8"), TAI_CHINH, D, at("2030-02-10T23:59:59"), at("2030-02-20T23:59:59"),
                at("2030-02-09T10:00:00")));
        onTime("s8", TAI_CHINH, D);
        late("s9", TAI_CHINH, D, true);
        late("s11", TAI_CHINH, D, false);

        long lateS4 = jdbc.sql("SELECT id FROM kpi_ledger WHERE item_id = ? AND kind = 'LATE'").param(id("s4"))
                .query(Long.class).single();
        HttpResponse<String> waived = http.post("/api/kpi/waivers",
                "{\"ledgerId\":" + lateS4 + ",\"reason\":\"Mưa lũ kéo dài, nguyên nhân khách quan\"}", WARD_HEAD,
                PASSWORD);
        assertThat(waived.statusCode()).as(waived.body()).isEqualTo(201);
    }

    @Test
    void officialsScoreAndRankExactlyAsComputedByHand() throws IOException {
        JsonNode ranking = get("/api/kpi/officials?period=" + PERIOD);
        assertThat(subjects(ranking)).containsExactly(B, A, C, D);
        assertThat(totals(ranking)).containsExactly("97.92", "96.88", "91.25", "89.16");
        assertThat(ranking.findValuesAsText("band")).containsExactly("EXCELLENT", "EXCELLENT", "EXCELLENT", "GOOD");

        JsonNode a = get("/api/kpi/officials/" + A + "?period=" + PERIOD);
        assertThat(a.get("general").decimalValue()).isEqualByComparingTo("30");
        assertThat(a.get("quantity").decimalValue()).isEqualByComparingTo("20");
        assertThat(a.get("quality").decimalValue()).isEqualByComparingTo("25");
        assertThat(a.get("progress").decimalValue()).isEqualByComparingTo("21.88");
        assertThat(a.get("bandLabel").asText()).isEqualTo("Hoàn thành xuất sắc nhiệm vụ");
        // explainable: the rows behind it, with what each cost
        List<String> rows = new ArrayList<>();
        for (JsonNode row : a.get("rows")) {
            rows.add(row.get("row").get("kind").asText() + " " + row.get("row").get("itemId").asText() + " "
                    + row.get("criterion").asText() + " " + row.get("fraction").asText());
        }
        assertThat(rows).containsExactlyInAnyOrder("COMPLETED_ON_TIME " + id("s1") + " NONE 0.0",
                "LATE " + id("s2") + " PROGRESS 0.25", "COMPLETED_LATE " + id("s2") + " NONE 0.0");

        JsonNode b = get("/api/kpi/officials/" + B + "?period=" + PERIOD);
        JsonNode waivedRow = null;
        for (JsonNode row : b.get("rows")) {
            if (row.get("waived").asBoolean()) {
                waivedRow = row;
            }
        }
        assertThat(waivedRow).isNotNull();
        assertThat(waivedRow.get("row").get("itemId").asText()).isEqualTo(id("s4"));
        assertThat(waivedRow.get("waiverReason").asText()).isEqualTo("Mưa lũ kéo dài, nguyên nhân khách quan");
        assertThat(waivedRow.get("waivedBy").asText()).isEqualTo(WARD_HEAD);
    }

    @Test
    void unitsScoreAndRankCitywideAndWithinKind() {
        JsonNode ranking = get("/api/kpi/units?period=" + PERIOD);
        assertThat(subjects(ranking)).containsExactly(BAN_CO, SAI_GON, TAI_CHINH);
        assertThat(totals(ranking)).containsExactly("97.50", "87.50", "85.00");
        assertThat(ranking.findValuesAsText("rank")).containsExactly("1", "2", "3");
        assertThat(ranking.findValuesAsText("rankInKind")).containsExactly("1", "2", "1");
        assertThat(ranking.findValuesAsText("unitKind")).containsExactly("ward", "ward", "department");

        JsonNode wards = get("/api/kpi/units?kind=ward&period=" + PERIOD);
        assertThat(subjects(wards)).containsExactly(BAN_CO, SAI_GON);

        JsonNode banCo = get("/api/kpi/units/" + BAN_CO + "?period=" + PERIOD);
        assertThat(banCo.get("items").asInt()).isEqualTo(5);
        assertThat(banCo.get("quality").decimalValue()).isEqualByComparingTo("19");
        assertThat(banCo.get("progress").decimalValue()).isEqualByComparingTo("28.5");
        // the same quarter's months add up to it: everything happened in January and February
        assertThat(totals(get("/api/kpi/units?period=2030-04"))).isEmpty();
        assertThat(totals(get("/api/kpi/units?period=2030"))).containsExactly("97.50", "87.50", "85.00");
    }

    @Test
    void anAnalystsEditedTableChangesTheScoresWithoutJava() throws IOException {
        String shipped = Files.readString(Path.of("processes/kpi/kpi-penalty.dmn"), StandardCharsets.UTF_8);
        String edited = shipped
                .replace("<outputEntry id=\"LiteralExpression_LateFraction\"><text>0.25</text>",
                        "<outputEntry id=\"LiteralExpression_LateFraction\"><text>0.5</text>")
                .replace("<rule id=\"Rule_NoPenalty\">", """
                        <rule id="Rule_ExtensionGranted">
                                <description>Được gia hạn: trừ 10% điểm tiến độ của nhiệm vụ</description>
                                <inputEntry id="UnaryTests_ExtensionSubject"><text></text></inputEntry>
                                <inputEntry id="UnaryTests_ExtensionFact"><text>"EXTENSION_GRANTED"</text></inputEntry>
                                <outputEntry id="LiteralExpression_ExtensionCriterion"><text>"PROGRESS"</text></outputEntry>
                                <outputEntry id="LiteralExpression_ExtensionFraction"><text>0.1</text></outputEntry>
                              </rule>
                              <rule id="Rule_NoPenalty">""");
        assertThat(edited).contains("<text>0.5</text>").contains("Rule_ExtensionGranted");
        String deployment = repositoryService.createDeployment().name("analyst edits kpi-penalty")
                .addString("kpi-penalty.dmn", edited).deploy().getId();
        try {
            JsonNode officials = get("/api/kpi/officials?period=" + PERIOD);
            assertThat(subjects(officials)).containsExactly(B, A, C, D);
            assertThat(totals(officials)).containsExactly("97.92", "93.75", "89.16", "84.16");
            assertThat(officials.findValuesAsText("band")).containsExactly("EXCELLENT", "EXCELLENT", "GOOD", "GOOD");
            JsonNode units = get("/api/kpi/units?period=" + PERIOD);
            assertThat(subjects(units)).containsExactly(BAN_CO, SAI_GON, TAI_CHINH);
            assertThat(totals(units)).containsExactly("96.00", "85.00", "79.00");
        } finally {
            repositoryService.deleteDeployment(deployment, true);
        }
        assertThat(totals(get("/api/kpi/units?period=" + PERIOD))).containsExactly("97.50", "87.50", "85.00");
    }

    @Test
    void theExcelRankingOpensWithVietnameseHeadersAndTheExpectedRows() throws Exception {
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create("http://localhost:" + port + "/api/kpi/units.xlsx?period=" + PERIOD))
                .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                        ("admin:" + PostgresIntegrationTest.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .GET().build();
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElseThrow())
                .startsWith("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("xep-hang-don-vi-2030-Q1.xlsx");
        try (org.apache.poi.ss.usermodel.Workbook workbook = org.apache.poi.ss.usermodel.WorkbookFactory.create(
                new java.io.ByteArrayInputStream(response.body()))) {
            org.apache.poi.ss.usermodel.Sheet sheet = workbook.getSheetAt(0);
            org.apache.poi.ss.usermodel.DataFormatter text = new org.apache.poi.ss.usermodel.DataFormatter();
            List<String> header = new ArrayList<>();
            sheet.getRow(1).forEach(cell -> header.add(text.formatCellValue(cell)));
            assertThat(header).containsExactly("Hạng", "Hạng trong loại đơn vị", "Mã đơn vị", "Tên đơn vị",
                    "Loại đơn vị", "Số nhiệm vụ", "Số nhiệm vụ hoàn thành", "Điểm tiêu chí chung", "Điểm số lượng",
                    "Điểm chất lượng", "Điểm tiến độ", "Tổng điểm", "Xếp loại");
            assertThat(sheet.getLastRowNum()).isEqualTo(4);
            List<String> rows = new ArrayList<>();
            for (int r = 2; r <= 4; r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                rows.add(text.formatCellValue(row.getCell(0)) + "|" + text.formatCellValue(row.getCell(1)) + "|"
                        + row.getCell(2).getStringCellValue() + "|" + row.getCell(3).getStringCellValue() + "|"
                        + row.getCell(11).getNumericCellValue() + "|" + row.getCell(12).getStringCellValue());
            }
            assertThat(rows).containsExactly(
                    "1|1|phuong-ban-co|Phường Bàn Cờ|97.5|Hoàn thành xuất sắc nhiệm vụ",
                    "2|2|phuong-sai-gon|Phường Sài Gòn|87.5|Hoàn thành tốt nhiệm vụ",
                    "3|1|so-tai-chinh|Sở Tài chính|85.0|Hoàn thành tốt nhiệm vụ");
        }
    }

    @Test
    void theNightlyRecomputationStoresTheRankingOnAClusteredJdbcJobStore() throws Exception {
        assertThat(snapshots.recompute(Period.parse(PERIOD))).isEqualTo(7);
        assertThat(jdbc.sql("SELECT subject || ' ' || total || ' ' || rank_citywide || ' ' || rank_in_group FROM "
                        + "kpi_score WHERE period = ? AND subject_kind = 'UNIT' ORDER BY rank_citywide")
                .param(PERIOD).query(String.class).list())
                .containsExactly("phuong-ban-co 97.50 1 1", "phuong-sai-gon 87.50 2 2", "so-tai-chinh 85.00 3 1");
        // recomputing replaces, never duplicates
        assertThat(snapshots.recompute(Period.parse(PERIOD))).isEqualTo(7);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_score WHERE period = ?").param(PERIOD).query(Long.class)
                .single()).isEqualTo(7);
        assertThat(KpiSnapshots.periodsOf(java.time.LocalDate.of(2030, 2, 14)).stream().map(Period::label))
                .containsExactly("2030-02", "2030-Q1", "2030");

        assertThat(scheduler.getMetaData().isJobStoreClustered()).isTrue();
        assertThat(scheduler.getMetaData().isJobStoreSupportsPersistence()).isTrue();
        org.quartz.Trigger trigger = scheduler.getTrigger(
                org.quartz.TriggerKey.triggerKey(KpiNightlyJob.JOB_NAME, "kpi"));
        assertThat(trigger).isNotNull();
        assertThat(trigger.getNextFireTime().toInstant().atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .toLocalTime()).isEqualTo(java.time.LocalTime.of(1, 30));
        // the trigger lives in the database that every node shares
        assertThat(jdbc.sql("SELECT COUNT(*) FROM qrtz_triggers WHERE sched_name = ? AND trigger_name = ?")
                .params(scheduler.getSchedulerName(), KpiNightlyJob.JOB_NAME).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWaiverNeedsAReasonAnAuthorisedLeaderAndHappensOnce() {
        long lateS2 = jdbc.sql("SELECT id FROM kpi_ledger WHERE item_id = ? AND kind = 'LATE'").param(id("s2"))
                .query(Long.class).single();
        HttpResponse<String> noReason = http.post("/api/kpi/waivers", "{\"ledgerId\":" + lateS2 + ",\"reason\":\" \"}",
                WARD_HEAD, PASSWORD);
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("reason is required");
        assertThat(http.post("/api/kpi/waivers", "{\"ledgerId\":" + lateS2 + ",\"reason\":\"Lý do\"}", WARD_OFFICER,
                PASSWORD).statusCode()).isEqualTo(403);
        long completedS1 = jdbc.sql("SELECT id FROM kpi_ledger WHERE item_id = ?").param(id("s1")).query(Long.class)
                .single();
        assertThat(http.post("/api/kpi/waivers", "{\"ledgerId\":" + completedS1 + ",\"reason\":\"Lý do\"}",
                WARD_HEAD, PASSWORD).statusCode()).isEqualTo(400);
        assertThat(http.post("/api/kpi/waivers", "{\"ledgerId\":999999999,\"reason\":\"Lý do\"}", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD).statusCode()).isEqualTo(404);
        long lateS4 = jdbc.sql("SELECT id FROM kpi_ledger WHERE item_id = ? AND kind = 'LATE'").param(id("s4"))
                .query(Long.class).single();
        assertThat(http.post("/api/kpi/waivers", "{\"ledgerId\":" + lateS4 + ",\"reason\":\"Lần nữa\"}", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD).statusCode()).isEqualTo(409);
        // nothing was edited: s2's late row is still there and unwaived, s4 has exactly one waiver
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_ledger WHERE waives_id = ?").param(lateS2).query(Long.class)
                .single()).isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_ledger WHERE waives_id = ?").param(lateS4).query(Long.class)
                .single()).isEqualTo(1);
    }

    private void onTime(String item, String unit, String official) {
        publish(new AssignmentAccepted(id(item), unit, official, at("2030-02-20T23:59:59"),
                at("2030-02-15T10:00:00")));
    }

    /** Overdue at the deadline (31 January); accepted on 5 February unless still open at the end of the quarter. */
    private void late(String item, String unit, String official, boolean acceptedLater) {
        Instant deadline = at("2030-01-31T23:59:59");
        publish(new AssignmentBecameOverdue(id(item), unit, official, deadline, deadline.plusSeconds(1)));
        if (acceptedLater) {
            publish(new AssignmentAccepted(id(item), unit, official, deadline, at("2030-02-05T09:00:00")));
        }
    }

    private void returned(String item, String unit, String official) {
        publish(new AssignmentReturned(id(item), unit, official, at("2030-02-12T15:00:00")));
    }

    private void publish(Object event) {
        transactions.executeWithoutResult(status -> events.publishEvent(event));
    }

    static String id(String item) {
        return "kpi-scenario-" + item;
    }

    static Instant at(String local) {
        return java.time.LocalDateTime.parse(local).atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toInstant();
    }

    private static List<String> subjects(JsonNode ranking) {
        List<String> result = new ArrayList<>();
        ranking.forEach(r -> result.add(r.get("score").get("subject").asText()));
        return result;
    }

    private static List<String> totals(JsonNode ranking) {
        List<String> result = new ArrayList<>();
        ranking.forEach(r -> result.add(r.get("score").get("total").decimalValue().setScale(2).toPlainString()));
        return result;
    }

    private JsonNode get(String path) {
        HttpResponse<String> response = http.get(path, "admin", PostgresIntegrationTest.ADMIN_PASSWORD);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        try {
            return json.readTree(response.body());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
