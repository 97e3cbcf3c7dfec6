package vn.dieuhanh.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.calendar.WorkingCalendar;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * Delegated signing authority on PostgreSQL, through the REST API and engine REST (Tasklist's door), with the engine
 * clock set to days of 2026. Each test works in a ward of its own (the wards are used by no other test class).
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorityApiTest {

    static final String PASSWORD = "Uy-Quyen-2026!";
    static final String ADMIN = "admin";

    /** A ward: its chairman, vice-chairman, justice officer, two civil servants and a reception officer. */
    record Ward(String code, String chair, String vice, String justice, String clerk1, String clerk2,
                String reception) {
        static Ward of(String code, String tag) {
            return new Ward(code, "uq-" + tag + ".chair", "uq-" + tag + ".vice", "uq-" + tag + ".justice",
                    "uq-" + tag + ".clerk1", "uq-" + tag + ".clerk2", "uq-" + tag + ".reception");
        }
    }

    static final Ward A = Ward.of("phuong-an-nhon", "an-nhon");
    static final Ward B = Ward.of("phuong-hanh-thong", "hanh-thong");
    static final Ward C = Ward.of("phuong-thong-tay-hoi", "thong-tay-hoi");
    static final Ward D = Ward.of("phuong-linh-xuan", "linh-xuan");
    static final Ward E = Ward.of("phuong-gia-dinh", "gia-dinh");
    static final Ward F = Ward.of("phuong-thu-duc", "thu-duc");
    static final Ward G = Ward.of("phuong-binh-thanh", "binh-thanh");
    static final Ward H = Ward.of("phuong-an-phu", "an-phu");
    static final String DOJ = "uq-stp.officer";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WorkingCalendar calendar;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeAll
    void officials() {
        http = new HttpClient(port);
        for (Ward w : List.of(A, B, C, D, E, F, G, H)) {
            register(w.chair(), "Chủ tịch UBND " + w.code(), w.code(), Role.HEAD);
            register(w.vice(), "Phó Chủ tịch UBND " + w.code(), w.code(), Role.DEPUTY);
            register(w.justice(), "Công chức Tư pháp - Hộ tịch " + w.code(), w.code(), Role.JUSTICE);
            register(w.clerk1(), "Nguyễn Văn Một " + w.code(), w.code(), Role.OFFICER);
            register(w.clerk2(), "Trần Thị Hai " + w.code(), w.code(), Role.OFFICER);
            register(w.reception(), "Lê Văn Tiếp Nhận " + w.code(), w.code(), Role.OFFICER);
        }
        register(DOJ, "Chuyên viên Sở Tư pháp", "so-tu-phap", Role.OFFICER);
    }

    void register(String user, String name, String unit, Role role) {
        accounts.register(new Official(user, name, null, unit, null, role), PASSWORD);
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    static void at(String localDateTime) {
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse(localDateTime + "+07:00").toInstant()));
    }

    HttpResponse<String> post(String path, String body, String user) {
        return http.post(path, body, user, user.equals(ADMIN) ? PostgresIntegrationTest.ADMIN_PASSWORD : PASSWORD);
    }

    HttpResponse<String> get(String path, String user) {
        return http.get(path, user, user.equals(ADMIN) ? PostgresIntegrationTest.ADMIN_PASSWORD : PASSWORD);
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return HttpClient.json(response.body());
    }

    JsonNode draft(Ward w, String user, String number, List<String> delegates, List<String> scope, String from,
                   String to) {
        return ok(draftResponse(w, user, number, null, delegates, scope, from, to), 201);
    }

    HttpResponse<String> draftResponse(Ward w, String user, String number, String grantor, List<String> delegates,
                                       List<String> scope, String from, String to) {
        return post("/api/authority/delegations", """
                {"unitCode":"%s","decisionNumber":"%s","decisionDate":"%s",%s"delegates":%s,"scope":%s,
                 "validFrom":"%s","validTo":"%s"}""".formatted(w.code(), number, from,
                grantor == null ? "" : "\"grantor\":\"" + grantor + "\",", list(delegates), list(scope), from, to),
                user);
    }

    static String list(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }

    JsonNode sign(Ward w, JsonNode delegation) {
        return ok(post("/api/authority/delegations/" + delegation.get("id").asText() + "/decision",
                "{\"approved\":true}", w.chair()), 200);
    }

    JsonNode receive(Ward w, String taskCode) {
        return ok(post("/api/authority/certification-requests", """
                {"unitCode":"%s","taskCode":"%s","applicantName":"Phạm Thị Dân","applicantIdNumber":"079123456789",
                 "copies":2,"pages":4,"fee":20000}""".formatted(w.code(), taskCode), w.reception()), 201);
    }

    HttpResponse<String> decide(JsonNode request, String user, String decision, String reason) {
        return post("/api/authority/certification-requests/" + request.get("id").asText() + "/decision",
                reason == null ? "{\"decision\":\"" + decision + "\"}"
                        : "{\"decision\":\"" + decision + "\",\"refusalReason\":\"" + reason + "\"}", user);
    }

    static List<String> routed(JsonNode request) {
        List<String> users = new ArrayList<>();
        request.get("routedTo").forEach(n -> users.add(n.asText()));
        return users;
    }

    String status(JsonNode delegation) {
        return jdbc.sql("SELECT status FROM auth_delegation WHERE id = ?").param(delegation.get("id").asText())
                .query(String.class).single();
    }

    // ------------------------------------------------------------------------------------------------------------

    @Test
    void anExpiredNotYetValidOrRevokedDelegationNeverRoutesARequest() {
        at("2026-03-02T09:00:00");
        JsonNode march = draft(A, A.justice(), "12/QĐ-UBND", List.of(A.clerk1()), List.of("CT-01", "CT-04"),
                "2026-03-02", "2026-03-31");
        JsonNode april = draft(A, A.justice(), "13/QĐ-UBND", List.of(A.clerk2()), List.of("CT-01"),
                "2026-04-01", "2026-04-30");
        assertThat(march.get("status").asText()).isEqualTo("DRAFT");
        assertThat(march.get("statusLabel").asText()).isEqualTo("Chờ Chủ tịch ký");
        // a draft routes nothing
        assertThat(routed(receive(A, "CT-01"))).containsExactly(A.chair(), A.vice());

        // the chairman signs the first in Tasklist (engine REST, the form's fields), the second through /api
        JsonNode tasks = ok(get("/engine-rest/task?processInstanceId=" + march.get("processInstanceId").asText(),
                A.chair()), 200);
        assertThat(tasks.size()).isEqualTo(1);
        ok(post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                "{\"variables\":{\"approved\":{\"value\":\"true\"}}}", A.chair()), 204);
        JsonNode signed = ok(get("/api/authority/delegations/" + march.get("id").asText(), A.justice()), 200);
        assertThat(signed.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(signed.get("grantor").asText()).isEqualTo(A.chair());
        assertThat(signed.get("inForceToday").asBoolean()).isTrue();
        assertThat(sign(A, april).get("inForceToday").asBoolean()).as("not yet valid").isFalse();

        // in March: the March delegate only; the April delegate may not sign yet
        JsonNode first = receive(A, "CT-01");
        assertThat(routed(first)).containsExactly(A.clerk1());
        assertThat(decide(first, A.clerk2(), "SIGN", null).statusCode()).isEqualTo(403);
        JsonNode done = ok(decide(first, A.clerk1(), "SIGN", null), 200);
        assertThat(done.get("status").asText()).isEqualTo("SIGNED");
        assertThat(done.get("signatureBlock").asText()).isEqualTo("TUQ. CHỦ TỊCH\nNguyễn Văn Một " + A.code());
        assertThat(done.get("delegationId").asText()).isEqualTo(march.get("id").asText());
        assertThat(done.get("registerBook").asText()).isEqualTo("BAN_SAO");
        assertThat(done.get("registerNumber").asInt()).isEqualTo(1);
        assertThat(decide(first, A.clerk1(), "SIGN", null).statusCode()).as("signed once").isEqualTo(409);

        // the reminder timer (7 days before 31/3, 08:00) fires on the engine clock, once
        at("2026-03-24T08:00:30");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT COUNT(*) FROM auth_delegation WHERE id = ? AND reminder_sent_at IS NOT NULL")
                .param(march.get("id").asText()).query(Integer.class).single() == 1);

        // 1 April: March's has expired (timer), April's routes
        at("2026-04-01T08:00:00");
        await().atMost(Duration.ofSeconds(30)).until(() -> "EXPIRED".equals(status(march)));
        JsonNode second = receive(A, "CT-01");
        assertThat(routed(second)).containsExactly(A.clerk2());
        HttpResponse<String> expired = decide(second, A.clerk1(), "SIGN", null);
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("không có quyết định ủy quyền đang có hiệu lực");

        // revoked: only the chairman, with a reason; then nothing routes to the delegate any more
        String revocation = "/api/authority/delegations/" + april.get("id").asText() + "/revocation";
        assertThat(post(revocation, "{\"reason\":\"Điều chuyển công tác\"}", A.clerk2()).statusCode())
                .isEqualTo(403);
        assertThat(post(revocation, "{\"reason\":\"  \"}", A.chair()).statusCode()).isEqualTo(400);
        JsonNode revoked = ok(post(revocation, "{\"reason\":\"Điều chuyển công tác\"}", A.chair()), 200);
        assertThat(revoked.get("status").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("endReason").asText()).isEqualTo("Điều chuyển công tác");
        assertThat(decide(second, A.clerk2(), "SIGN", null).statusCode()).isEqualTo(403);
        assertThat(routed(receive(A, "CT-01"))).containsExactly(A.chair(), A.vice());
        assertThat(post(revocation, "{\"reason\":\"lần nữa\"}", A.chair()).statusCode()).isEqualTo(409);

        // the chairman signs what was routed to a delegate whose authority ended
        JsonNode byChair = ok(decide(second, A.chair(), "SIGN", null), 200);
        assertThat(byChair.get("signatureBlock").asText()).startsWith("CHỦ TỊCH\n");
        assertThat(byChair.get("registerNumber").asInt()).isEqualTo(2);
        assertThat(byChair.hasNonNull("delegationId")).isFalse();
    }

    @Test
    void aDelegateCanNeverDelegateFurtherAndOnlyTheChairmanSigns() {
        at("2026-03-02T09:00:00");
        JsonNode d = draft(B, B.justice(), "20/QĐ-UBND", List.of(B.clerk1()), List.of("CT-01"), "2026-03-02",
                "2026-06-30");
        // the vice-chairman and the delegate-to-be cannot sign the decision
        assertThat(post("/api/authority/delegations/" + d.get("id").asText() + "/decision", "{\"approved\":true}",
                B.vice()).statusCode()).isEqualTo(403);
        sign(B, d);

        // the delegate tries to pass it on: as the grantor of a new decision, or by signing one
        HttpResponse<String> passOn = draftResponse(B, B.clerk1(), "21/QĐ-UBND", B.clerk1(), List.of(B.clerk2()),
                List.of("CT-01"), "2026-03-02", "2026-03-31");
        assertThat(passOn.statusCode()).isEqualTo(400);
        assertThat(passOn.body()).contains("Người được ủy quyền không được ủy quyền lại");
        HttpResponse<String> named = draftResponse(B, B.justice(), "22/QĐ-UBND", B.clerk1(), List.of(B.clerk2()),
                List.of("CT-01"), "2026-03-02", "2026-03-31");
        assertThat(named.statusCode()).isEqualTo(400);
        assertThat(named.body()).contains("không được ủy quyền lại");
        HttpResponse<String> notJustice = draftResponse(B, B.clerk1(), "23/QĐ-UBND", null, List.of(B.clerk2()),
                List.of("CT-01"), "2026-03-02", "2026-03-31");
        assertThat(notJustice.statusCode()).isEqualTo(403);
        JsonNode other = draft(B, B.justice(), "24/QĐ-UBND", List.of(B.clerk2()), List.of("CT-04"), "2026-03-02",
                "2026-03-31");
        HttpResponse<String> delegateSigns = post("/api/authority/delegations/" + other.get("id").asText()
                + "/decision", "{\"approved\":true}", B.clerk1());
        assertThat(delegateSigns.statusCode()).isEqualTo(403);
        assertThat(delegateSigns.body()).contains("không được ủy quyền lại");
        assertThat(status(other)).isEqualTo("DRAFT");

        // outside the rules: clear messages
        HttpResponse<String> toVice = draftResponse(B, B.justice(), "25/QĐ-UBND", null, List.of(B.vice()),
                List.of("CT-01"), "2026-03-02", "2026-03-31");
        assertThat(toVice.statusCode()).isEqualTo(400);
        assertThat(toVice.body()).contains("không ủy quyền cho Chủ tịch, Phó Chủ tịch");
        assertThat(draftResponse(B, B.justice(), "26/QĐ-UBND", null, List.of(B.clerk2()), List.of("CT-99"),
                "2026-03-02", "2026-03-31").statusCode()).isEqualTo(400);
        assertThat(draftResponse(B, B.justice(), "27/QĐ-UBND", null, List.of(B.clerk2()), List.of("CT-01"),
                "2026-03-02", "2027-06-30").statusCode()).as("longer than 12 months").isEqualTo(400);
        assertThat(draftResponse(B, B.justice(), "20/QĐ-UBND", null, List.of(B.clerk2()), List.of("CT-01"),
                "2026-03-02", "2026-03-31").statusCode()).as("number taken").isEqualTo(409);
        assertThat(draftResponse(B, B.justice(), "", null, List.of(), List.of("CT-01"), "2026-03-02",
                "2026-03-31").statusCode()).isEqualTo(400);
    }

    @Test
    void theScopeIsRespectedASignatureDelegateCannotSignAContract() {
        at("2026-03-03T09:00:00");
        // contracts: refused while the ward's contract certification is with notaries (the default)
        HttpResponse<String> contract = draftResponse(F, F.justice(), "30/QĐ-UBND", null, List.of(F.clerk1()),
                List.of("CT-04", "CT-06"), "2026-03-03", "2026-06-30");
        assertThat(contract.statusCode()).isEqualTo(400);
        assertThat(contract.body()).contains("tổ chức hành nghề công chứng");
        assertThat(http.put("/api/authority/wards/" + F.code(), "{\"contractsMovedToNotary\":false}", F.chair(),
                PASSWORD).statusCode()).as("not the ward's to decide").isEqualTo(403);
        assertThat(http.put("/api/authority/wards/" + F.code(), "{\"contractsMovedToNotary\":false}", ADMIN,
                PostgresIntegrationTest.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
        sign(F, draft(F, F.justice(), "31/QĐ-UBND", List.of(F.clerk1()), List.of("CT-04"), "2026-03-03",
                "2026-06-30"));
        sign(F, draft(F, F.justice(), "32/QĐ-UBND", List.of(F.clerk2()), List.of("CT-06"), "2026-03-03",
                "2026-06-30"));

        JsonNode signature = receive(F, "CT-04");
        assertThat(routed(signature)).containsExactly(F.clerk1());
        JsonNode sale = receive(F, "CT-06");
        assertThat(routed(sale)).containsExactly(F.clerk2());
        HttpResponse<String> outOfScope = decide(sale, F.clerk1(), "SIGN", null);
        assertThat(outOfScope.statusCode()).isEqualTo(403);
        assertThat(outOfScope.body()).contains("CT-06");
        JsonNode signedSignature = ok(decide(signature, F.clerk1(), "SIGN", null), 200);
        assertThat(signedSignature.get("registerBook").asText()).isEqualTo("CHU_KY");
        JsonNode signedSale = ok(decide(sale, F.clerk2(), "SIGN", null), 200);
        assertThat(signedSale.get("registerBook").asText()).isEqualTo("HOP_DONG");
        assertThat(signedSale.get("registerNumber").asInt()).isEqualTo(1);
        // contracts: two working days (Tue 3/3 before the cut-off: Thu 5/3 17:00)
        assertThat(OffsetDateTime.parse(sale.get("deadline").asText()))
                .isEqualTo(OffsetDateTime.parse("2026-03-05T17:00:00+07:00"));

        // the flag goes back to notaries: the contract delegate no longer signs, routing skips him
        assertThat(http.put("/api/authority/wards/" + F.code(), "{\"contractsMovedToNotary\":true}", DOJ,
                PASSWORD).statusCode()).as("an official of the Department of Justice").isEqualTo(200);
        JsonNode later = receive(F, "CT-06");
        assertThat(routed(later)).containsExactly(F.chair(), F.vice());
        assertThat(decide(later, F.clerk2(), "SIGN", null).statusCode()).isEqualTo(403);
    }

    @Test
    void theSameDayRuleWithTheAfternoonCutOffAcrossAWeekendAndAHoliday() {
        // the calendar's real 2026 holidays: Giỗ Tổ (Sun 26/4) compensated on Mon 27/4; 30/4 and 1/5
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-27"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-04-30"))).isFalse();
        assertThat(calendar.isWorkingDay(LocalDate.parse("2026-05-01"))).isFalse();
        String[][] cases = {
                // received (local)          deadline (local)
                {"2026-04-24T15:59:00", "2026-04-24T17:00:00"}, // Friday before 16:00: the same day
                {"2026-04-24T16:00:00", "2026-04-28T12:00:00"}, // Friday at the cut-off: weekend + Mon 27/4 off
                {"2026-04-25T10:00:00", "2026-04-28T12:00:00"}, // Saturday
                {"2026-04-29T16:30:00", "2026-05-04T12:00:00"}, // Wednesday after: 30/4, 1/5, weekend
                {"2026-04-29T07:45:00", "2026-04-29T17:00:00"}, // Wednesday early morning: the same day
        };
        for (String[] c : cases) {
            at(c[0]);
            JsonNode request = receive(C, "CT-01");
            assertThat(OffsetDateTime.parse(request.get("deadline").asText())).as("received " + c[0])
                    .isEqualTo(OffsetDateTime.parse(c[1] + "+07:00"));
        }
    }

    @Test
    void registerNumbersAreGapFreeAndUniqueUnderConcurrentSigning() throws Exception {
        at("2026-05-11T09:00:00");
        int n = 8;
        List<JsonNode> requests = new ArrayList<>();
        for (int i = 0; i < n + 2; i++) {
            requests.add(receive(E, "CT-04"));
        }
        CyclicBarrier barrier = new CyclicBarrier(n + 2);
        ExecutorService pool = Executors.newFixedThreadPool(n + 2);
        List<Future<HttpResponse<String>>> results = new ArrayList<>();
        for (int i = 0; i < n + 2; i++) {
            JsonNode request = requests.get(i);
            String signer = i % 2 == 0 ? E.chair() : E.vice();
            boolean refuse = i >= n; // two refusals among them take no number
            results.add(pool.submit(() -> {
                barrier.await();
                return refuse ? decide(request, signer, "REFUSE", "Giấy tờ không hợp lệ")
                        : decide(request, signer, "SIGN", null);
            }));
        }
        List<Integer> numbers = new ArrayList<>();
        for (Future<HttpResponse<String>> result : results) {
            JsonNode body = ok(result.get(), 200);
            if ("SIGNED".equals(body.get("status").asText())) {
                numbers.add(body.get("registerNumber").asInt());
            }
        }
        pool.shutdown();
        assertThat(numbers).hasSize(n).doesNotHaveDuplicates()
                .containsExactlyInAnyOrderElementsOf(java.util.stream.IntStream.rangeClosed(1, n).boxed().toList());
        assertThat(jdbc.sql("SELECT last_number FROM auth_register_counter WHERE unit_code = ? "
                        + "AND register_book = 'CHU_KY' AND register_year = 2026").param(E.code())
                .query(Integer.class).single()).isEqualTo(n);
    }

    @Test
    void theChairmansOversightReportComputedByHand() {
        at("2026-03-09T08:30:00"); // Monday
        JsonNode d = sign(D, draft(D, D.justice(), "40/QĐ-UBND", List.of(D.clerk1()), List.of("CT-01", "CT-04"),
                "2026-03-09", "2026-06-30"));
        at("2026-03-09T09:00:00");
        JsonNode r1 = receive(D, "CT-01");
        JsonNode r2 = receive(D, "CT-01");
        JsonNode r3 = receive(D, "CT-04");
        JsonNode r4 = receive(D, "CT-01");
        at("2026-03-09T10:00:00");
        ok(decide(r1, D.clerk1(), "SIGN", null), 200);                        // on time, on his behalf
        at("2026-03-09T11:00:00");
        ok(decide(r3, D.chair(), "SIGN", null), 200);                         // on time, the chairman himself
        at("2026-03-09T11:30:00");
        ok(decide(r4, D.clerk1(), "REFUSE", "Bản chính bị tẩy xóa"), 200);   // on time, refused
        at("2026-03-10T09:00:00");
        ok(decide(r2, D.clerk1(), "SIGN", null), 200);                        // late: due Mon 9/3 17:00
        at("2026-03-20T09:00:00");

        String period = "?from=2026-03-01&to=2026-03-31";
        // by hand: CT-01 by the delegate: 3 decided (2 signed, 1 refused), 2 on time -> 66.7 %;
        // CT-04 by the chairman: 1 signed on time -> 100.0 %; the ward: 4 decided, 3 on time -> 75.0 %,
        // 3 signed of which 2 on the chairman's behalf
        JsonNode report = ok(get("/api/authority/wards/" + D.code() + "/report" + period, D.chair()), 200);
        assertThat(report.get("decided").asInt()).isEqualTo(4);
        assertThat(report.get("signed").asInt()).isEqualTo(3);
        assertThat(report.get("refused").asInt()).isEqualTo(1);
        assertThat(report.get("signedOnBehalf").asInt()).isEqualTo(2);
        assertThat(report.get("onTime").asInt()).isEqualTo(3);
        assertThat(report.get("onTimeRate").decimalValue()).isEqualByComparingTo("75.0");
        JsonNode lines = report.get("lines");
        assertThat(lines.size()).isEqualTo(2);
        JsonNode delegateLine = lines.get(0);
        assertThat(delegateLine.get("taskCode").asText()).isEqualTo("CT-01");
        assertThat(delegateLine.get("signer").asText()).isEqualTo(D.clerk1());
        assertThat(delegateLine.get("delegated").asBoolean()).isTrue();
        assertThat(delegateLine.get("decided").asInt()).isEqualTo(3);
        assertThat(delegateLine.get("signed").asInt()).isEqualTo(2);
        assertThat(delegateLine.get("refused").asInt()).isEqualTo(1);
        assertThat(delegateLine.get("onTime").asInt()).isEqualTo(2);
        assertThat(delegateLine.get("onTimeRate").decimalValue()).isEqualByComparingTo("66.7");
        JsonNode chairLine = lines.get(1);
        assertThat(chairLine.get("taskCode").asText()).isEqualTo("CT-04");
        assertThat(chairLine.get("signer").asText()).isEqualTo(D.chair());
        assertThat(chairLine.get("onTimeRate").decimalValue()).isEqualByComparingTo("100.0");

        JsonNode onBehalf = ok(get("/api/authority/wards/" + D.code() + "/signed-on-behalf" + period, D.chair()),
                200);
        assertThat(onBehalf.size()).isEqualTo(2);
        assertThat(onBehalf.get(0).get("requestId").asText()).isEqualTo(r1.get("id").asText());
        assertThat(onBehalf.get(0).get("decisionNumber").asText()).isEqualTo("40/QĐ-UBND");
        assertThat(onBehalf.get(0).get("delegationId").asText()).isEqualTo(d.get("id").asText());
        assertThat(onBehalf.get(0).get("signatureBlock").asText()).startsWith("TUQ. CHỦ TỊCH");
        assertThat(onBehalf.get(0).get("onTime").asBoolean()).isTrue();
        assertThat(onBehalf.get(1).get("requestId").asText()).isEqualTo(r2.get("id").asText());
        assertThat(onBehalf.get(1).get("onTime").asBoolean()).isFalse();
        assertThat(onBehalf.get(0).get("registerNumber").asInt()).isEqualTo(1);
        assertThat(onBehalf.get(1).get("registerNumber").asInt()).as("CT-04 went to the signature book")
                .isEqualTo(2);

        // city-wide, for the Department of Justice: the ward's line is the same
        JsonNode city = ok(get("/api/authority/report" + period, DOJ), 200);
        JsonNode wardLine = null;
        for (JsonNode line : city.get("wards")) {
            if (line.get("unitCode").asText().equals(D.code())) {
                wardLine = line;
            }
        }
        assertThat(wardLine).isNotNull();
        assertThat(wardLine.get("decided").asInt()).isEqualTo(4);
        assertThat(wardLine.get("signedOnBehalf").asInt()).isEqualTo(2);
        assertThat(wardLine.get("onTimeRate").decimalValue()).isEqualByComparingTo("75.0");

        // the audit trail names who did what
        JsonNode audit = ok(get("/api/authority/wards/" + D.code() + "/audit", D.chair()), 200);
        List<String> actions = new ArrayList<>();
        audit.forEach(a -> actions.add(a.get("action").asText() + ":" + a.get("actor").asText()));
        assertThat(actions).contains("DELEGATION_DRAFTED:" + D.justice(), "DELEGATION_SIGNED:" + D.chair(),
                "CERTIFICATION_SIGNED:" + D.clerk1(), "CERTIFICATION_REFUSED:" + D.clerk1(),
                "CERTIFICATION_RECEIVED:" + D.reception());

        // who may not read it
        assertThat(get("/api/authority/report" + period, D.chair()).statusCode()).isEqualTo(403);
        assertThat(get("/api/authority/wards/" + D.code() + "/signed-on-behalf" + period, D.clerk1()).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/authority/wards/" + D.code() + "/report" + period, D.reception()).statusCode())
                .isEqualTo(403);
        assertThat(get("/api/authority/wards/" + D.code() + "/report" + period, B.chair()).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/authority/wards/" + D.code() + "/audit", B.chair()).statusCode()).isEqualTo(404);
    }

    @Test
    void aNewChairmanConfirmsOrRevokesEachDelegation() {
        at("2026-06-01T09:00:00");
        Ward w = G;
        JsonNode keep = sign(w, draft(w, w.justice(), "50/QĐ-UBND", List.of(w.clerk1()), List.of("CT-05"),
                "2026-06-01", "2026-09-30"));
        JsonNode drop = sign(w, draft(w, w.justice(), "51/QĐ-UBND", List.of(w.clerk2()), List.of("CT-02"),
                "2026-06-01", "2026-09-30"));
        String change = "/api/authority/wards/" + w.code() + "/chairman-change";
        assertThat(post(change, "{\"newChairman\":\"" + w.vice() + "\"}", w.chair()).statusCode()).isEqualTo(403);
        assertThat(post(change, "{\"newChairman\":\"" + B.chair() + "\"}", ADMIN).statusCode()).isEqualTo(400);
        JsonNode waiting = ok(post(change, "{\"newChairman\":\"" + w.vice() + "\"}", ADMIN), 200);
        assertThat(waiting.size()).isEqualTo(2);
        assertThat(status(keep)).isEqualTo("AWAITING_CONFIRMATION");
        // awaiting confirmation: routes nothing; the new chairman (former vice) gets it
        assertThat(routed(receive(w, "CT-05"))).containsExactly(w.vice());

        String keepPath = "/api/authority/delegations/" + keep.get("id").asText() + "/confirmation";
        assertThat(post(keepPath, "{\"confirmed\":true}", w.chair()).statusCode()).as("the former chairman")
                .isEqualTo(403);
        JsonNode tasks = ok(get("/engine-rest/task?processInstanceId=" + drop.get("processInstanceId").asText(),
                w.vice()), 200);
        assertThat(tasks.size()).as("a task per delegation for the new chairman").isEqualTo(1);
        assertThat(ok(post(keepPath, "{\"confirmed\":true}", w.vice()), 200).get("status").asText())
                .isEqualTo("ACTIVE");
        assertThat(post("/engine-rest/task/" + tasks.get(0).get("id").asText() + "/complete",
                "{\"variables\":{\"confirmed\":{\"value\":\"false\"},\"decisionNote\":{\"value\":\"Sắp xếp lại\"}}}",
                w.vice()).statusCode()).isEqualTo(204);
        assertThat(status(drop)).isEqualTo("REVOKED");
        assertThat(routed(receive(w, "CT-05"))).containsExactly(w.clerk1());
        assertThat(routed(receive(w, "CT-02"))).containsExactly(w.vice());
    }

    @Test
    void anotherWardCannotDraftSignReceiveReadOrDecide() {
        at("2026-03-02T09:00:00");
        JsonNode d = draft(C, C.justice(), "60/QĐ-UBND", List.of(C.clerk1()), List.of("CT-01"), "2026-03-02",
                "2026-06-30");
        String id = d.get("id").asText();
        // B's officials against ward C's records: 404 (they do not exist for them)
        assertThat(draftResponse(C, B.justice(), "61/QĐ-UBND", null, List.of(C.clerk1()), List.of("CT-01"),
                "2026-03-02", "2026-03-31").statusCode()).isEqualTo(404);
        assertThat(post("/api/authority/delegations/" + id + "/decision", "{\"approved\":true}", B.chair())
                .statusCode()).isEqualTo(404);
        assertThat(get("/api/authority/delegations/" + id, B.justice()).statusCode()).isEqualTo(404);
        assertThat(get("/api/authority/delegations?unit=" + C.code(), B.chair()).statusCode()).isEqualTo(404);
        assertThat(post("/api/authority/delegations/" + id + "/revocation", "{\"reason\":\"x\"}", B.chair())
                .statusCode()).isEqualTo(404);
        // a delegate from B cannot be named in C's decision
        assertThat(draftResponse(C, C.justice(), "62/QĐ-UBND", null, List.of(B.clerk1()), List.of("CT-01"),
                "2026-03-02", "2026-03-31").statusCode()).isEqualTo(400);
        // the approval task through engine REST: invisible to B; C's chairman cannot forge its record
        String process = d.get("processInstanceId").asText();
        assertThat(ok(get("/engine-rest/task?processInstanceId=" + process, B.chair()), 200).size()).isZero();
        String taskId = ok(get("/engine-rest/task?processInstanceId=" + process, C.chair()), 200).get(0).get("id")
                .asText();
        assertThat(post("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":\"true\"}}}", B.chair()).statusCode()).isIn(403, 404);
        assertThat(post("/engine-rest/task/" + taskId + "/complete",
                "{\"variables\":{\"approved\":{\"value\":\"true\"},\"delegationId\":{\"value\":\"x\"}}}",
                C.chair()).statusCode()).isEqualTo(400);
        assertThat(status(d)).isEqualTo("DRAFT");
        sign(C, d);

        // requests: B cannot receive for C, read or sign C's
        assertThat(post("/api/authority/certification-requests", """
                {"unitCode":"%s","taskCode":"CT-01","applicantName":"X","copies":1,"pages":1,"fee":0}"""
                .formatted(C.code()), B.reception()).statusCode()).isEqualTo(404);
        JsonNode request = receive(C, "CT-01");
        assertThat(get("/api/authority/certification-requests/" + request.get("id").asText(), B.clerk1())
                .statusCode()).isEqualTo(404);
        assertThat(decide(request, B.chair(), "SIGN", null).statusCode()).isEqualTo(404);
        assertThat(get("/api/authority/certification-requests?unit=" + C.code(), B.reception()).statusCode())
                .isEqualTo(404);
        JsonNode signTask = ok(get("/engine-rest/task?processInstanceId="
                + request.get("processInstanceId").asText(), C.clerk1()), 200);
        assertThat(signTask.size()).isEqualTo(1);
        assertThat(post("/engine-rest/task/" + signTask.get(0).get("id").asText() + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"SIGN\"}}}", B.chair()).statusCode()).isIn(403, 404);
        // the routed delegate signs through Tasklist's door
        assertThat(post("/engine-rest/task/" + signTask.get(0).get("id").asText() + "/complete",
                "{\"variables\":{\"decision\":{\"value\":\"SIGN\"}}}", C.clerk1()).statusCode()).isEqualTo(204);
        JsonNode signed = ok(get("/api/authority/certification-requests/" + request.get("id").asText(), C.chair()),
                200);
        assertThat(signed.get("signatureBlock").asText()).startsWith("TUQ. CHỦ TỊCH");
        // bean validation, Vietnamese first
        HttpResponse<String> invalid = post("/api/authority/certification-requests", """
                {"unitCode":"%s","taskCode":"CT-01","applicantName":"","copies":0,"pages":1,"fee":-1}"""
                .formatted(C.code()), C.reception());
        assertThat(invalid.statusCode()).isEqualTo(400);
        assertThat(get("/v3/api-docs", ADMIN).body()).contains("/api/authority/delegations");
    }

    /** A browser: session cookie, no redirects followed, the page's CSRF token. */
    final class Browser {
        final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).cookieHandler(new java.net.CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                    + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<String> post(String path, String csrfFrom, java.util.Map<String, String> fields)
                throws Exception {
            java.util.Map<String, String> all = new java.util.LinkedHashMap<>(fields);
            java.util.regex.Matcher token = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
                    .matcher(csrfFrom);
            assertThat(token.find()).as("CSRF token in the page").isTrue();
            all.put("_csrf", token.group(1));
            String body = all.entrySet().stream().map(e -> java.net.URLEncoder.encode(e.getKey(),
                            java.nio.charset.StandardCharsets.UTF_8) + "=" + java.net.URLEncoder.encode(e.getValue(),
                            java.nio.charset.StandardCharsets.UTF_8))
                    .collect(java.util.stream.Collectors.joining("&"));
            return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port
                            + path)).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        Browser signedIn(String user) throws Exception {
            HttpResponse<String> login = post("/dang-nhap", get("/dang-nhap").body(),
                    java.util.Map.of("username", user, "password", PASSWORD));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
            return this;
        }
    }

    @Test
    void theWebPageSignsTheSameWayAndShowsOnlyTheOwnWard() throws Exception {
        at("2026-03-02T09:00:00");
        JsonNode d = draft(H, H.justice(), "70/QĐ-UBND", List.of(H.clerk1()), List.of("CT-01"), "2026-03-02",
                "2026-06-30");
        Browser chair = new Browser().signedIn(H.chair());
        HttpResponse<String> page = chair.get("/chung-thuc");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Quyết định số 70/QĐ-UBND", "Chờ Chủ tịch ký", "Ký ban hành quyết định");
        HttpResponse<String> signed = chair.post("/chung-thuc/uy-quyen/" + d.get("id").asText(), page.body(),
                java.util.Map.of("approved", "true"));
        assertThat(signed.statusCode()).isEqualTo(302);
        assertThat(status(d)).isEqualTo("ACTIVE");

        JsonNode request = receive(H, "CT-01");
        Browser outsider = new Browser().signedIn(B.chair());
        HttpResponse<String> outsiderPage = outsider.get("/chung-thuc");
        assertThat(outsiderPage.body()).doesNotContain("70/QĐ-UBND");
        outsider.post("/chung-thuc/yeu-cau/" + request.get("id").asText(), outsiderPage.body(),
                java.util.Map.of("decision", "SIGN"));
        assertThat(outsider.get("/chung-thuc").body()).contains("Không tìm thấy yêu cầu chứng thực");

        Browser delegate = new Browser().signedIn(H.clerk1());
        HttpResponse<String> delegatePage = delegate.get("/chung-thuc");
        assertThat(delegatePage.body()).contains("Phạm Thị Dân").doesNotContain("Ký ban hành quyết định");
        assertThat(delegate.post("/chung-thuc/yeu-cau/" + request.get("id").asText(), delegatePage.body(),
                java.util.Map.of("decision", "SIGN")).statusCode()).isEqualTo(302);
        assertThat(delegate.get("/chung-thuc").body()).contains("Đã ký chứng thực, số 1/2026", "TUQ. CHỦ TỊCH");
        JsonNode done = ok(get("/api/authority/certification-requests/" + request.get("id").asText(), H.chair()),
                200);
        assertThat(done.get("status").asText()).isEqualTo("SIGNED");
        assertThat(done.get("signer").asText()).isEqualTo(H.clerk1());
    }
}
