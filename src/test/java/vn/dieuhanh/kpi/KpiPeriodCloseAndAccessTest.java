package vn.dieuhanh.kpi;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
import vn.dieuhanh.assignment.AssignmentRole;
import vn.dieuhanh.assignment.Assignments;
import vn.dieuhanh.assignment.NewAssignment;
import vn.dieuhanh.assignment.Urgency;
import vn.dieuhanh.assignment.WorkSource;
import vn.dieuhanh.kpi.internal.KpiPeriodClose;
import vn.dieuhanh.kpi.internal.KpiSnapshots;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The month close (items still overdue at a month's end) and who may read which score. Year 2031, which no other test
 * uses.
 *
 * <pre>
 * phuong-phu-nhuan: X holds a1 (deadline 10/04/2031, never completed) and s-x (accepted on time in May);
 *                  Y holds a3 (deadline 15/04/2031, accepted 20/05/2031) and s-y (on time in May)
 * phuong-phu-thuan: Z holds a2 (deadline 30/06/2031: not overdue in April or May) and s-z (on time in May)
 * close April: a1, a3 (open and overdue at 30/04 24:00); close May: a1 only; closing again writes nothing.
 * X in 2031-05 (officials: 30 + 20 quantity + 25 quality + 25 progress):
 *   items a1, s-x; 1 completed: 30 + 20*1/2 + 25 + (25 - 25/2*0.25 = 21.875 -> 21.88) = 86.88, good
 * Y and Z in 2031-05: one item on time each = 100.
 * </pre>
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KpiPeriodCloseAndAccessTest {

    static final String MAY = "2031-05";
    static final String PHU_NHUAN = "phuong-phu-nhuan";
    static final String PHU_THUAN = "phuong-phu-thuan";
    static final String X = "kpi-x.phu-nhuan";
    static final String Y = "kpi-y.phu-nhuan";
    static final String Z = "kpi-z.phu-thuan";
    static final String HEAD = "kpi-head.phu-nhuan";
    static final String LEADER = "kpi-leader.ubnd-tp";
    static final String PASSWORD = "Bang-Diem-2031!";
    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    Assignments assignments;
    @Autowired
    KpiPeriodClose periodClose;
    @Autowired
    KpiSnapshots snapshots;
    @Autowired
    ApplicationEventPublisher events;
    @Autowired
    TransactionTemplate transactions;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    org.camunda.bpm.engine.HistoryService historyService;
    @LocalServerPort
    int port;
    HttpClient http;
    String a1;
    String a2;
    String a3;
    int closedApril;
    int closedMay;
    int closedMayAgain;

    @BeforeAll
    void scenario() {
        http = new HttpClient(port);
        if (jdbc.sql("SELECT COUNT(*) FROM kpi_ledger WHERE period_day BETWEEN '2031-01-01' AND '2031-12-31'")
                .query(Long.class).single() > 0) {
            throw new IllegalStateException("2031 must be free of KPI rows for this test");
        }
        accounts.register(new Official(X, "Công chức X", null, PHU_NHUAN, null, Role.OFFICER), PASSWORD);
        accounts.register(new Official(Y, "Công chức Y", null, PHU_NHUAN, null, Role.OFFICER), PASSWORD);
        accounts.register(new Official(Z, "Công chức Z", null, PHU_THUAN, null, Role.OFFICER), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch UBND phường Phú Nhuận", null, PHU_NHUAN, null, Role.HEAD),
                PASSWORD);
        accounts.register(new Official(LEADER, "Phó Chủ tịch UBND TP", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        try {
            ClockUtil.setCurrentTime(java.util.Date.from(at("2031-04-01T09:00:00")));
            a1 = transactions.execute(s -> assignments.create(assignment(PHU_NHUAN, X, "2031-04-10T23:59:59")));
            a2 = transactions.execute(s -> assignments.create(assignment(PHU_THUAN, Z, "2031-06-30T23:59:59")));
            a3 = transactions.execute(s -> assignments.create(assignment(PHU_NHUAN, Y, "2031-04-15T23:59:59")));
        } finally {
            ClockUtil.reset();
        }
        // a3's result was accepted on 20 May (what the lifecycle records when the reviewer accepts)
        jdbc.sql("UPDATE asg_assignment SET completed_at = ? WHERE id = ?")
                .params(at("2031-05-20T10:00:00").atOffset(java.time.ZoneOffset.UTC), a3).update();
        closedApril = periodClose.closeMonth(YearMonth.of(2031, 4));
        closedMay = periodClose.closeMonth(YearMonth.of(2031, 5));
        closedMayAgain = periodClose.closeMonth(YearMonth.of(2031, 5));
        for (String[] item : new String[][] {{"s-x", PHU_NHUAN, X}, {"s-y", PHU_NHUAN, Y}, {"s-z", PHU_THUAN, Z}}) {
            transactions.executeWithoutResult(s -> events.publishEvent(new AssignmentAccepted("kpi-access-" + item[0],
                    item[1], item[2], at("2031-05-25T23:59:59"), at("2031-05-12T10:00:00"))));
        }
    }

    @Test
    void aMonthCloseRecordsTheItemsStillOverdueAtItsEndOnce() {
        // other tests' open assignments may be overdue by 2031 too: the counts include them, the rows are checked below
        assertThat(closedApril).isGreaterThanOrEqualTo(2);
        assertThat(closedMay).isGreaterThanOrEqualTo(1);
        assertThat(closedMayAgain).isZero();
        assertThat(jdbc.sql("SELECT item_id || ' ' || period_day || ' ' || COALESCE(official, '-') FROM kpi_ledger "
                        + "WHERE kind = 'OVERDUE_AT_PERIOD_END' AND item_id IN (?, ?, ?) ORDER BY period_day, item_id")
                .params(a1, a2, a3).query(String.class).list())
                .containsExactlyInAnyOrder(a1 + " 2031-04-30 " + X, a3 + " 2031-04-30 " + Y, a1 + " 2031-05-31 " + X);
    }

    @Test
    void anItemStillOverdueCountsInTheMonthItStaysOverdue() {
        JsonNode x = get("/api/kpi/officials/" + X + "?period=" + MAY, X);
        assertThat(x.get("items").asInt()).isEqualTo(2);
        assertThat(x.get("completedItems").asInt()).isEqualTo(1);
        assertThat(x.get("quantity").decimalValue()).isEqualByComparingTo("10");
        assertThat(x.get("progress").decimalValue()).isEqualByComparingTo("21.88");
        assertThat(x.get("total").decimalValue()).isEqualByComparingTo("86.88");
        assertThat(x.get("band").asText()).isEqualTo("GOOD");
        assertThat(get("/api/kpi/officials/" + Y + "?period=" + MAY, Y).get("total").decimalValue())
                .isEqualByComparingTo("100");
    }

    @Test
    void anOfficialSeesTheirOwnAndTheirUnitsScoreOnly() {
        assertThat(status("/api/kpi/officials/" + X + "?period=" + MAY, X)).isEqualTo(200);
        assertThat(status("/api/kpi/units/" + PHU_NHUAN + "?period=" + MAY, X)).isEqualTo(200);
        assertThat(status("/api/kpi/officials/" + Y + "?period=" + MAY, X)).isEqualTo(403);
        assertThat(status("/api/kpi/units/" + PHU_THUAN + "?period=" + MAY, X)).isEqualTo(403);
        assertThat(status("/api/kpi/officials?period=" + MAY, X)).isEqualTo(403);
        assertThat(status("/api/kpi/units?period=" + MAY, X)).isEqualTo(403);
        assertThat(status("/api/kpi/units.xlsx?period=" + MAY, X)).isEqualTo(403);
        HttpResponse<String> denied = http.get("/api/kpi/officials/" + Y + "?period=" + MAY, X, PASSWORD);
        assertThat(denied.body()).contains("Không có quyền xem điểm của cán bộ này");
    }

    @Test
    void aUnitHeadSeesTheUnitRankingAndTheirOwnOfficialsOnly() {
        assertThat(subjects(get("/api/kpi/officials?period=" + MAY, HEAD))).containsExactly(Y, X);
        assertThat(status("/api/kpi/officials?period=" + MAY + "&unit=" + PHU_THUAN, HEAD)).isEqualTo(403);
        assertThat(status("/api/kpi/officials/" + X + "?period=" + MAY, HEAD)).isEqualTo(200);
        assertThat(status("/api/kpi/officials/" + Z + "?period=" + MAY, HEAD)).isEqualTo(403);
        assertThat(subjects(get("/api/kpi/units?period=" + MAY, HEAD))).contains(PHU_NHUAN, PHU_THUAN);
        assertThat(status("/api/kpi/units/" + PHU_THUAN + "?period=" + MAY, HEAD)).isEqualTo(403);
    }

    @Test
    void aCityLeaderSeesEveryOfficial() {
        assertThat(subjects(get("/api/kpi/officials?period=" + MAY, LEADER)))
                .filteredOn(subject -> subject.startsWith("kpi-")).containsExactly(Y, Z, X);
        assertThat(status("/api/kpi/officials/" + Z + "?period=" + MAY, LEADER)).isEqualTo(200);
    }

    @Test
    void theOfficialsExcelOfAUnitOpensWithItsOfficials() throws Exception {
        HttpResponse<byte[]> response = java.net.http.HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/kpi/officials.xlsx?period=" + MAY))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                        (HEAD + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow())
                .contains("xep-hang-can-bo-" + PHU_NHUAN + "-" + MAY + ".xlsx");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Tài khoản");
            assertThat(sheet.getRow(1).getCell(13).getStringCellValue()).isEqualTo("Xếp loại");
            List<String> rows = new ArrayList<>();
            for (int r = 2; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                rows.add((int) row.getCell(0).getNumericCellValue() + "|"
                        + (int) row.getCell(1).getNumericCellValue() + "|" + row.getCell(2).getStringCellValue() + "|"
                        + row.getCell(3).getStringCellValue() + "|" + row.getCell(12).getNumericCellValue() + "|"
                        + row.getCell(13).getStringCellValue());
            }
            assertThat(rows).containsExactly(
                    // citywide Y and Z tie first, so X is third; second within the unit
                    "1|1|" + Y + "|" + PHU_NHUAN + "|100.0|Hoàn thành xuất sắc nhiệm vụ",
                    "3|2|" + X + "|" + PHU_NHUAN + "|86.88|Hoàn thành tốt nhiệm vụ");
        }
    }

    @Test
    void thePublishedRankingIsTheStoredComputationWithinTheSameScope() {
        snapshots.recompute(vn.dieuhanh.kpi.Period.parse(MAY));
        JsonNode units = get("/api/kpi/published/units?period=" + MAY, LEADER);
        assertThat(units.findValuesAsText("subject")).contains(PHU_NHUAN, PHU_THUAN);
        assertThat(units.get(0).get("computedAt").isNull()).isFalse();
        JsonNode officials = get("/api/kpi/published/officials?period=" + MAY, HEAD);
        assertThat(officials.findValuesAsText("subject")).containsExactly(Y, X);
        assertThat(status("/api/kpi/published/officials?period=" + MAY, X)).isEqualTo(403);
    }

    @Test
    void readingScoresWritesNoDecisionHistory() {
        long before = historyService.createHistoricDecisionInstanceQuery().count();
        get("/api/kpi/officials?period=" + MAY, LEADER);
        get("/api/kpi/units?period=" + MAY, LEADER);
        assertThat(historyService.createHistoricDecisionInstanceQuery().count()).isEqualTo(before);
    }

    private NewAssignment assignment(String unit, String holder, String deadline) {
        return new NewAssignment(null, null, AssignmentRole.INSTANT, WorkSource.INSTANT, Urgency.NORMAL, unit, holder,
                "Rà soát số liệu " + deadline, null, LEADER, LEADER, at(deadline).atOffset(java.time.ZoneOffset.UTC));
    }

    private JsonNode get(String path, String user) {
        HttpResponse<String> response = http.get(path, user, PASSWORD);
        assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
        return HttpClient.json(response.body());
    }

    private int status(String path, String user) {
        return http.get(path, user, PASSWORD).statusCode();
    }

    private static List<String> subjects(JsonNode ranking) {
        List<String> subjects = new ArrayList<>();
        ranking.forEach(r -> subjects.add(r.has("score") ? r.get("score").get("subject").asText()
                : r.get("subject").asText()));
        return subjects;
    }

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(HCM).toInstant();
    }

}
