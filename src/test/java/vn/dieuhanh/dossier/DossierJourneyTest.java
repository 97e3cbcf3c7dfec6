package vn.dieuhanh.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.dossier.internal.DossierHandlingProcess;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * Dossiers on PostgreSQL through the REST doors, job executor on: received at area team no. 2 (hosted by Phường Bàn
 * Cờ, former HCMC), handled by Phường Tân Đông Hiệp (former Bình Dương), returned at the first point; appointments in
 * working hours across a weekend and the Hùng Kings holiday (compensated Monday 27/4/2026) and 30/4-1/5; the paused
 * clock; the lookup's data minimisation and rate limit; officials of other wards refused.
 */
@PostgresIntegrationTest
class DossierJourneyTest {

    static final String PASSWORD = "Ho-So-Thu-Tuc-2026!";
    static final String POINT = "to-dia-ban-02";
    static final String RECEPTION_WARD = "phuong-ban-co";
    static final String WARD = "phuong-tan-dong-hiep";
    static final String RECEIVER = "dos-banco.receiver";
    static final String OFFICER = "dos-tdh.officer";
    static final String HEAD = "dos-tdh.head";
    static final String OTHER_OFFICER = "dos-laithieu.officer";
    static final String OTHER_HEAD = "dos-laithieu.head";
    static final String OTHER_WARD = "phuong-lai-thieu";
    static final String CONTRACT_PAPERS = "[\"Dự thảo hợp đồng, giao dịch\","
            + "\"Căn cước, hộ chiếu của người yêu cầu chứng thực\","
            + "\"Bản sao giấy chứng nhận quyền sở hữu, quyền sử dụng tài sản\"]";

    @LocalServerPort
    int port;
    @Autowired
    OfficialAccounts accounts;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    HttpClient http;

    @BeforeEach
    void officials() {
        http = new HttpClient(port);
        accounts.register(new Official(RECEIVER, "Cán bộ Tổ địa bàn Bàn Cờ", null, RECEPTION_WARD, null, Role.OFFICER),
                PASSWORD);
        accounts.register(new Official(OFFICER, "Công chức Tư pháp phường Tân Đông Hiệp", null, WARD, null,
                Role.OFFICER), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch UBND phường Tân Đông Hiệp", null, WARD, null, Role.HEAD),
                PASSWORD);
        accounts.register(new Official(OTHER_OFFICER, "Công chức phường Lái Thiêu", null, OTHER_WARD, null,
                Role.OFFICER), PASSWORD);
        accounts.register(new Official(OTHER_HEAD, "Chủ tịch UBND phường Lái Thiêu", null, OTHER_WARD, null,
                Role.HEAD), PASSWORD);
    }

    @AfterEach
    void resetClock() {
        ClockUtil.reset();
    }

    static void at(String instant) {
        ClockUtil.setCurrentTime(Date.from(Instant.parse(instant)));
    }

    String reception(String procedure, String papers) {
        return "{\"receptionPoint\":\"" + POINT + "\",\"procedureCode\":\"" + procedure + "\",\"unitCode\":\"" + WARD
                + "\",\"papersPresented\":" + papers + ",\"applicantName\":\"Nguyễn Văn An\","
                + "\"applicantContact\":\"0909 000 111, 12 Lê Lợi\"}";
    }

    JsonNode receive(String procedure, String papers) {
        HttpResponse<String> response = http.post("/api/dossiers", reception(procedure, papers), RECEIVER, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpClient.json(response.body()).get("receipt");
    }

    Task awaitTask(String code, String key) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult(), t -> t != null);
    }

    JsonNode dossier(String code) {
        return http.getJson("/api/dossiers/" + code, HEAD, PASSWORD);
    }

    void post(String path, String body, String user, int expected) {
        HttpResponse<String> response = http.post(path, body, user, PASSWORD);
        assertThat(response.statusCode()).as(path + " as " + user + ": " + response.body()).isEqualTo(expected);
    }

    @Test
    void receivedAtOneAreaHandledByAWardOfAnotherReturnedAtTheFirstInWorkingHours() {
        at("2026-04-24T08:00:00Z"); // Friday 24/4/2026 15:00 in HCMC
        long before = jdbc.sql("SELECT COUNT(*) FROM dos_dossier").query(Long.class).single();

        // incomplete: the written list of what is missing, nothing received
        HttpResponse<String> incomplete = http.post("/api/dossiers", reception("CT-04",
                "[\"Dự thảo hợp đồng, giao dịch\"]"), RECEIVER, PASSWORD);
        assertThat(incomplete.statusCode()).isEqualTo(200);
        JsonNode missing = HttpClient.json(incomplete.body());
        assertThat(missing.get("received").asBoolean()).isFalse();
        assertThat(missing.at("/missingPapers/missing").toString())
                .contains("Căn cước, hộ chiếu của người yêu cầu chứng thực")
                .doesNotContain("Dự thảo hợp đồng");
        assertThat(missing.at("/missingPapers/notice").asText()).startsWith("PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dos_dossier").query(Long.class).single()).isEqualTo(before);

        // an official of another ward cannot receive at this point
        assertThat(http.post("/api/dossiers", reception("CT-04", CONTRACT_PAPERS), OTHER_OFFICER, PASSWORD)
                .statusCode()).isEqualTo(403);

        // complete: 2 working days = 16 working hours from Friday 15:00: Fri 2 h, Sat-Sun off, Mon 27/4 holiday
        // (Hùng Kings day on Sunday 26/4 compensated), Tue 8 h, Wed 08:00-12:00 and 13:00-15:00
        JsonNode receipt = receive("CT-04", CONTRACT_PAPERS);
        String code = receipt.get("code").asText();
        String secret = receipt.get("securityCode").asText();
        assertThat(code).matches("HS-260424-[2-9A-Z]{8}");
        assertThat(Instant.parse(receipt.get("appointmentAt").asText()))
                .isEqualTo(Instant.parse("2026-04-29T08:00:00Z"));
        assertThat(receipt.get("appointmentText").asText()).isEqualTo("15 giờ 00 ngày 29/04/2026 (thứ Tư)");
        assertThat(jdbc.sql("SELECT secret_hash FROM dos_dossier WHERE code = ?").param(code).query(String.class)
                .single()).isNotEqualTo(secret).hasSize(64);

        Task process = awaitTask(code, DossierHandlingProcess.TASK_PROCESS);
        assertThat(taskService.getIdentityLinksForTask(process.getId())).anySatisfy(l ->
                assertThat(l.getGroupId()).isEqualTo(WARD));
        assertThat(dossier(code).get("status").asText()).isEqualTo("IN_PROGRESS");

        // attackers: another ward's officer and head cannot process or read it, through /api nor engine REST
        post("/api/dossiers/" + code + "/processing", "{\"decision\":\"result\"}", OTHER_OFFICER, 403);
        post("/api/dossiers/" + code + "/processing", "{\"decision\":\"result\"}", OTHER_HEAD, 403);
        assertThat(http.get("/api/dossiers/" + code, OTHER_OFFICER, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.post("/engine-rest/task/" + process.getId() + "/complete",
                "{\"variables\":{\"processingDecision\":{\"value\":\"result\"}}}", OTHER_OFFICER, PASSWORD)
                .statusCode()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(process.getId()).singleResult()).isNotNull();

        // Tuesday 28/4 10:00: supplement requested; working time left: Tue 2 h + 4 h, Wed 4 h + 2 h = 12 h
        at("2026-04-28T03:00:00Z");
        post("/api/dossiers/" + code + "/processing", "{\"decision\":\"supplement\"}", OFFICER, 400);
        post("/api/dossiers/" + code + "/processing",
                "{\"decision\":\"supplement\",\"note\":\"Bản chính Giấy chứng nhận đăng ký xe\"}", OFFICER, 200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUPPLEMENT_REQUESTED".equals(
                dossier(code).get("status").asText()));
        assertThat(jdbc.sql("SELECT remaining_minutes FROM dos_dossier WHERE code = ?").param(code)
                .query(Integer.class).single()).isEqualTo(12 * 60);
        awaitTask(code, DossierHandlingProcess.TASK_RECEIVE_SUPPLEMENT);

        // the papers come back to the reception point (not to the ward): Wednesday 29/4 09:00; 12 h from there:
        // Wed 3 h + 4 h, Thu 30/4 and Fri 1/5 holidays, weekend, Mon 4/5 4 h + 1 h = Monday 14:00
        at("2026-04-29T02:00:00Z");
        post("/api/dossiers/" + code + "/supplement", "{\"note\":\"Đã nhận\"}", OFFICER, 403);
        post("/api/dossiers/" + code + "/supplement", "{\"note\":\"Đã nhận bản chính\"}", RECEIVER, 200);
        JsonNode resumed = dossier(code);
        assertThat(resumed.get("status").asText()).isEqualTo("IN_PROGRESS");
        assertThat(Instant.parse(resumed.get("appointmentAt").asText()))
                .isEqualTo(Instant.parse("2026-05-04T07:00:00Z"));
        Task again = awaitTask(code, DossierHandlingProcess.TASK_PROCESS);
        assertThat(again.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-05-04T07:00:00Z")));

        // Monday 4/5 10:00, past the apology point (one working day before the appointment, Wednesday 13:00): the
        // unit has been asked for the apology letter; it finishes instead (the offer disappears): handled, approved
        // by the head (not by the proposer), signed by the head
        at("2026-05-04T03:00:00Z");
        awaitTask(code, DossierHandlingProcess.TASK_ISSUE_APOLOGY);
        post("/api/dossiers/" + code + "/processing", "{\"decision\":\"result\"}", OFFICER, 200);
        awaitTask(code, DossierHandlingProcess.TASK_APPROVE);
        post("/api/dossiers/" + code + "/approval", "{\"decision\":\"approve\"}", OFFICER, 403);
        post("/api/dossiers/" + code + "/approval", "{\"decision\":\"approve\"}", OTHER_HEAD, 403);
        post("/api/dossiers/" + code + "/approval", "{\"decision\":\"approve\"}", HEAD, 200);
        awaitTask(code, DossierHandlingProcess.TASK_SIGN);
        post("/api/dossiers/" + code + "/signature", "", OFFICER, 403);
        post("/api/dossiers/" + code + "/signature", "", HEAD, 200);
        assertThat(dossier(code).get("status").asText()).isEqualTo("RESULT_READY");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(code)
                .taskDefinitionKey(DossierHandlingProcess.TASK_ISSUE_APOLOGY).count()).isZero();

        // returned at the first point, by its officials only
        awaitTask(code, DossierHandlingProcess.TASK_RETURN_RESULT);
        post("/api/dossiers/" + code + "/return", "{}", OFFICER, 403);
        post("/api/dossiers/" + code + "/return", "{\"byPost\":false}", RECEIVER, 200);
        JsonNode returned = dossier(code);
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("late").asBoolean()).isFalse();
        assertThat(returned.get("portalStatus").asInt()).isEqualTo(10);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_ledger WHERE dedup_key = ?").param("dossier-late:" + code)
                .query(Long.class).single()).isZero();

        // the citizen's lookup: status and dates only
        HttpResponse<String> lookup = http.get("/api/public/dossiers/" + code + "?ma-bao-mat=" + secret, null, null);
        assertThat(lookup.statusCode()).isEqualTo(200);
        assertThat(lookup.body()).contains("Đã trả kết quả", "Chờ bổ sung hồ sơ")
                .doesNotContain("Nguyễn", "0909", "Lê Lợi", WARD, "Căn cước", "Giấy chứng nhận đăng ký xe", RECEIVER);
    }

    @Test
    void aDossierThatWillBeLateGetsItsApologyBeforeTheAppointmentAndOneKpiFact() {
        at("2026-05-05T02:00:00Z"); // Tuesday 5/5/2026 09:00; CT-01 takes 2 working hours: 11:00
        JsonNode receipt = receive("CT-01", "[\"Bản chính giấy tờ cần chứng thực\","
                + "\"Bản sao cần chứng thực (nếu người yêu cầu tự chụp)\"]");
        String code = receipt.get("code").asText();
        assertThat(Instant.parse(receipt.get("appointmentAt").asText()))
                .isEqualTo(Instant.parse("2026-05-05T04:00:00Z"));
        awaitTask(code, DossierHandlingProcess.TASK_PROCESS);

        // the apology falls due half-way (10:00): the unit is told and asked for the letter
        at("2026-05-05T03:00:30Z");
        Task apology = awaitTask(code, DossierHandlingProcess.TASK_ISSUE_APOLOGY);
        assertThat(apology.getDueDate()).isEqualTo(Date.from(Instant.parse("2026-05-05T04:00:00Z")));
        post("/api/dossiers/" + code + "/apology", "{\"reason\":\"Chờ xác minh\",\"extraWorkingDays\":1}",
                OTHER_OFFICER, 403);
        post("/api/dossiers/" + code + "/apology", "{\"reason\":\"Chờ xác minh bản chính\",\"extraWorkingDays\":1}",
                OFFICER, 200);
        JsonNode apologised = dossier(code);
        assertThat(apologised.get("apologies").asInt()).isEqualTo(1);
        assertThat(Instant.parse(apologised.get("appointmentAt").asText()))
                .isEqualTo(Instant.parse("2026-05-06T04:00:00Z")); // one working day later: Wednesday 11:00

        // the first appointment passes: late, one KPI fact of the competent ward
        at("2026-05-05T04:00:30Z");
        await().atMost(Duration.ofSeconds(60)).until(() -> dossier(code).get("late").asBoolean());
        String key = "dossier-late:" + code;
        await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql("SELECT COUNT(*) FROM kpi_ledger WHERE "
                + "dedup_key = ?").param(key).query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT unit_code FROM kpi_ledger WHERE dedup_key = ?").param(key).query(String.class)
                .single()).isEqualTo(WARD);

        // still unfinished 2 working hours after the appointment (the reminder policy's row for same-day procedures):
        // 11:00 + 1 h + lunch + 1 h = 14:00, reported once to the ward's head and the City PC Office through the outbox
        at("2026-05-05T07:00:30Z");
        await().atMost(Duration.ofSeconds(60)).until(() -> jdbc.sql("SELECT COUNT(*) FROM ntf_outbox WHERE dedup_key"
                + " LIKE ? AND recipient = ?").params("dossier:" + code + ":late-escalation:%", HEAD)
                .query(Long.class).single() == 1);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM dos_event e JOIN dos_dossier d ON d.id = e.dossier_id WHERE d.code = ?"
                + " AND e.kind = 'LATE_ESCALATED'").param(code).query(Long.class).single()).isEqualTo(1);

        // signed late: still one fact
        post("/api/dossiers/" + code + "/processing", "{\"decision\":\"result\"}", OFFICER, 200);
        awaitTask(code, DossierHandlingProcess.TASK_APPROVE);
        post("/api/dossiers/" + code + "/approval", "{\"decision\":\"approve\"}", HEAD, 200);
        awaitTask(code, DossierHandlingProcess.TASK_SIGN);
        post("/api/dossiers/" + code + "/signature", "", HEAD, 200);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM kpi_ledger WHERE item_id = ?").param(code).query(Long.class)
                .single()).isEqualTo(1);

        // oversight counts it late for the ward, the point and the procedure
        JsonNode units = http.getJson("/api/dossier-oversight?by=UNIT&from=2026-05-05&to=2026-05-05", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        JsonNode ward = null;
        for (JsonNode line : units) {
            if (WARD.equals(line.get("key").asText())) {
                ward = line;
            }
        }
        assertThat(ward).isNotNull();
        assertThat(ward.get("late").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(ward.get("timeliness").asDouble()).isLessThan(100.0);
        assertThat(http.get("/api/dossier-oversight?by=UNIT&from=2026-05-05&to=2026-05-05", OFFICER, PASSWORD)
                .statusCode()).isEqualTo(403);
        HttpResponse<String> excel = http.get("/api/dossier-oversight.xlsx?from=2026-05-05&to=2026-05-05", "admin",
                PostgresIntegrationTest.ADMIN_PASSWORD);
        assertThat(excel.statusCode()).isEqualTo(200);
        assertThat(excel.headers().firstValue("Content-Type").orElse("")).contains("spreadsheetml");
    }

    @Test
    void theLookupIsRateLimitedPerAddressAndAWrongSecurityCodeLooksLikeAnUnknownDossier() {
        at("2026-06-01T02:00:00Z");
        JsonNode receipt = receive("CT-02", "[\"Căn cước, hộ chiếu còn giá trị sử dụng\","
                + "\"Giấy tờ, văn bản sẽ ký\"]");
        String code = receipt.get("code").asText();
        String secret = receipt.get("securityCode").asText();
        at("2026-06-01T03:00:00Z"); // a fresh window for this address

        HttpResponse<String> found = http.get("/api/public/dossiers/" + code + "?ma-bao-mat=" + secret, null, null);
        assertThat(found.statusCode()).isEqualTo(200);
        JsonNode view = HttpClient.json(found.body());
        assertThat(view.get("code").asText()).isEqualTo(code);
        // data minimisation: exactly status and dates
        assertThat(iterable(view.fieldNames())).contains("code", "status", "receivedAt", "appointmentAt")
                .isSubsetOf("code", "status", "portalStatus", "receivedAt", "appointmentAt", "returnedAt", "steps");
        assertThat(found.body()).doesNotContain("Nguyễn", "0909", WARD, POINT, "Căn cước");

        HttpResponse<String> wrong = http.get("/api/public/dossiers/" + code + "?ma-bao-mat=AAAAAAAA", null, null);
        HttpResponse<String> unknown = http.get("/api/public/dossiers/HS-260601-ZZZZZZZZ?ma-bao-mat=" + secret, null,
                null);
        assertThat(wrong.statusCode()).isEqualTo(404);
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(HttpClient.json(wrong.body()).get("detail").asText())
                .isEqualTo(HttpClient.json(unknown.body()).get("detail").asText());
        // only this exact path is open: its neighbours still need a login
        assertThat(http.get("/api/public/dossiers/" + code + "/events", null, null).statusCode()).isEqualTo(401);
        assertThat(http.get("/api/dossiers/" + code, null, null).statusCode()).isEqualTo(401);

        HttpResponse<String> page = http.get("/tra-cuu-ho-so?ma-ho-so=" + code + "&ma-bao-mat=" + secret, null, null);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Đã tiếp nhận").doesNotContain("Nguyễn", "0909");

        // 4 lookups so far in this window; the limit is 10 a minute per address
        for (int i = 0; i < 6; i++) {
            assertThat(http.get("/api/public/dossiers/" + code + "?ma-bao-mat=" + secret, null, null).statusCode())
                    .isEqualTo(200);
        }
        HttpResponse<String> limited = http.get("/api/public/dossiers/" + code + "?ma-bao-mat=" + secret, null, null);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(HttpClient.json(limited.body()).get("detail").asText()).startsWith("Tra cứu quá nhiều lần");
        assertThat(http.get("/tra-cuu-ho-so?ma-ho-so=" + code + "&ma-bao-mat=" + secret, null, null).statusCode())
                .isEqualTo(429);

        at("2026-06-01T03:01:01Z");
        assertThat(http.get("/api/public/dossiers/" + code + "?ma-bao-mat=" + secret, null, null).statusCode())
                .isEqualTo(200);
    }

    static java.util.List<String> iterable(java.util.Iterator<String> names) {
        java.util.List<String> list = new java.util.ArrayList<>();
        names.forEachRemaining(list::add);
        return list;
    }

    static Map<String, String> none() {
        return Map.of();
    }
}
