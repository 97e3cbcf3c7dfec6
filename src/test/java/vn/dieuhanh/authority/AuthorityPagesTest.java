package vn.dieuhanh.authority;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.dossier.CertificationSigners;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * The delegation pages of the web app (issue 17) and the dossier's signer, on PostgreSQL: the justice officer drafts,
 * the chairman signs and revokes, the new chairman confirms after a change recorded by an administrator, a civil
 * servant sees what he may sign today, the Department of Justice reads and exports the city-wide report; and what
 * outsiders get (403/404, the rules' messages). Each test works in wards of its own, used by no other test class.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorityPagesTest {

    static final String PASSWORD = "Uy-Quyen-Trang-2026!";
    static final String ADMIN = "admin";

    record Ward(String code, String chair, String vice, String justice, String clerk1, String clerk2) {
        static Ward of(String code, String tag) {
            return new Ward(code, "uqt-" + tag + ".chair", "uqt-" + tag + ".vice", "uqt-" + tag + ".justice",
                    "uqt-" + tag + ".clerk1", "uqt-" + tag + ".clerk2");
        }
    }

    static final Ward P = Ward.of("phuong-duc-nhuan", "duc-nhuan");
    static final Ward Q = Ward.of("phuong-vinh-tan", "vinh-tan");
    static final Ward R = Ward.of("xa-binh-chanh", "binh-chanh");
    static final Ward S = Ward.of("phuong-long-truong", "long-truong");
    static final Ward T = Ward.of("xa-bau-lam", "bau-lam");
    static final String DOJ = "uqt-stp.officer";
    static final String RECEIVER = "uqt-banco.receiver"; // an official of reception point to-dia-ban-02's host ward

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CertificationSigners signers;
    @Autowired
    TaskService taskService;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeAll
    void officials() {
        http = new HttpClient(port);
        for (Ward w : List.of(P, Q, R, S, T)) {
            register(w.chair(), "Chủ tịch " + w.code(), w.code(), Role.HEAD);
            register(w.vice(), "Phó Chủ tịch " + w.code(), w.code(), Role.DEPUTY);
            register(w.justice(), "Tư pháp " + w.code(), w.code(), Role.JUSTICE);
            register(w.clerk1(), "Đỗ Văn Một " + w.code(), w.code(), Role.OFFICER);
            register(w.clerk2(), "Vũ Thị Hai " + w.code(), w.code(), Role.OFFICER);
        }
        register(DOJ, "Chuyên viên Sở Tư pháp (trang)", "so-tu-phap", Role.OFFICER);
        register(RECEIVER, "Cán bộ tiếp nhận Bàn Cờ (trang)", "phuong-ban-co", Role.OFFICER);
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

    static String password(String user) {
        return user.equals(ADMIN) ? PostgresIntegrationTest.ADMIN_PASSWORD : PASSWORD;
    }

    HttpResponse<String> apiPost(String path, String body, String user) {
        return http.post(path, body, user, password(user));
    }

    JsonNode ok(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return HttpClient.json(response.body());
    }

    JsonNode draftByApi(Ward w, String number, List<String> delegates, List<String> scope, String from, String to) {
        return ok(apiPost("/api/authority/delegations", """
                {"unitCode":"%s","decisionNumber":"%s","decisionDate":"%s","delegates":%s,"scope":%s,
                 "validFrom":"%s","validTo":"%s"}""".formatted(w.code(), number, from, list(delegates), list(scope),
                from, to), w.justice()), 201);
    }

    JsonNode signByApi(Ward w, JsonNode delegation) {
        return ok(apiPost("/api/authority/delegations/" + delegation.get("id").asText() + "/decision",
                "{\"approved\":true}", w.chair()), 200);
    }

    JsonNode receive(Ward w, String taskCode) {
        return ok(apiPost("/api/authority/certification-requests", """
                {"unitCode":"%s","taskCode":"%s","applicantName":"Hồ Thị Dân","copies":1,"pages":2,"fee":4000}"""
                .formatted(w.code(), taskCode), w.clerk2()), 201);
    }

    static String list(List<String> values) {
        return values.stream().map(v -> "\"" + v + "\"").toList().toString();
    }

    String status(String delegationId) {
        return jdbc.sql("SELECT status FROM auth_delegation WHERE id = ?").param(delegationId).query(String.class)
                .single();
    }

    String idOf(Ward w, String decisionNumber) {
        return jdbc.sql("SELECT id FROM auth_delegation WHERE unit_code = ? AND decision_number = ?")
                .params(w.code(), decisionNumber).query(String.class).single();
    }

    /** A browser: session cookie, no redirects followed, the page's CSRF token; repeated fields allowed. */
    final class Browser {
        final java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1).cookieHandler(new CookieManager())
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();

        HttpResponse<String> get(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        HttpResponse<byte[]> bytes(String path) throws Exception {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        }

        HttpResponse<String> post(String path, String csrfFrom, List<Map.Entry<String, String>> fields)
                throws Exception {
            List<Map.Entry<String, String>> all = new ArrayList<>(fields);
            Matcher token = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(csrfFrom);
            assertThat(token.find()).as("CSRF token in the page").isTrue();
            all.add(Map.entry("_csrf", token.group(1)));
            String body = all.stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                    + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
        }

        /** Posts a form of the page at {@code pagePath} (its CSRF token). */
        HttpResponse<String> submit(String pagePath, String action, List<Map.Entry<String, String>> fields)
                throws Exception {
            return post(action, get(pagePath).body(), fields);
        }

        Browser signedIn(String user) throws Exception {
            HttpResponse<String> login = post("/dang-nhap", get("/dang-nhap").body(),
                    List.of(Map.entry("username", user), Map.entry("password", password(user))));
            assertThat(login.statusCode()).as(login.body()).isEqualTo(302);
            return this;
        }
    }

    static List<Map.Entry<String, String>> draftFields(String number, String from, String to, List<String> delegates,
                                                       List<String> scope) {
        List<Map.Entry<String, String>> fields = new ArrayList<>(List.of(Map.entry("decisionNumber", number),
                Map.entry("decisionDate", from), Map.entry("validFrom", from), Map.entry("validTo", to)));
        delegates.forEach(d -> fields.add(Map.entry("delegates", d)));
        scope.forEach(c -> fields.add(Map.entry("scope", c)));
        return fields;
    }

    // ------------------------------------------------------------------------------------------------------------

    @Test
    void theJusticeOfficerDraftsTheChairmanSignsAndRevokesAndTheDelegateSeesWhatHeMaySignToday() throws Exception {
        at("2026-03-02T09:00:00");
        Browser justice = new Browser().signedIn(P.justice());
        HttpResponse<String> form = justice.get("/chung-thuc/uy-quyen/moi");
        assertThat(form.statusCode()).isEqualTo(200);
        // the ward's civil servants are offered, not its leaders; contract items are off while with notaries
        assertThat(form.body()).contains("Đỗ Văn Một " + P.code(), "CT-01 Chứng thực bản sao", "CT-07 Chứng thực di chúc")
                .doesNotContain("value=\"" + P.chair() + "\"", "value=\"" + P.vice() + "\"");
        assertThat(form.body()).containsPattern("value=\"CT-07\"[^>]*disabled");

        // a broken rule comes back on the form as the service's message
        HttpResponse<String> refused = justice.post("/chung-thuc/uy-quyen", form.body(),
                draftFields("20/QĐ-UBND", "2026-03-02", "2026-03-31", List.of(), List.of("CT-01")));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith("/chung-thuc/uy-quyen/moi");
        assertThat(justice.get("/chung-thuc/uy-quyen/moi").body())
                .contains("Cần ít nhất một công chức được ủy quyền");
        HttpResponse<String> contract = justice.submit("/chung-thuc/uy-quyen/moi", "/chung-thuc/uy-quyen",
                draftFields("20/QĐ-UBND", "2026-03-02", "2026-03-31", List.of(P.clerk1()), List.of("CT-07")));
        assertThat(contract.statusCode()).isEqualTo(302);
        assertThat(justice.get("/chung-thuc/uy-quyen/moi").body()).contains("tổ chức hành nghề công chứng");

        HttpResponse<String> drafted = justice.submit("/chung-thuc/uy-quyen/moi", "/chung-thuc/uy-quyen",
                draftFields("20/QĐ-UBND", "2026-03-02", "2026-03-31", List.of(P.clerk1()), List.of("CT-01", "CT-04")));
        assertThat(drafted.statusCode()).isEqualTo(302);
        assertThat(drafted.headers().firstValue("Location").orElseThrow()).endsWith("/chung-thuc");
        String id = idOf(P, "20/QĐ-UBND");
        assertThat(status(id)).isEqualTo("DRAFT");
        assertThat(justice.get("/chung-thuc").body()).contains("Đã lập dự thảo quyết định số 20/QĐ-UBND");

        Browser delegate = new Browser().signedIn(P.clerk1());
        assertThat(delegate.get("/chung-thuc").body()).as("a draft gives no authority")
                .contains("không có quyết định ủy quyền ký chứng thực đang có hiệu lực hôm nay");

        Browser chair = new Browser().signedIn(P.chair());
        assertThat(chair.submit("/chung-thuc", "/chung-thuc/uy-quyen/" + id, List.of(Map.entry("approved", "true")))
                .statusCode()).isEqualTo(302);
        assertThat(status(id)).isEqualTo("ACTIVE");
        String today = delegate.get("/chung-thuc").body();
        assertThat(today).contains("TUQ. CHỦ TỊCH theo quyết định số 20/QĐ-UBND", "Đến hết ngày 31/03/2026",
                "CT-01 Chứng thực bản sao", "CT-04 Chứng thực chữ ký");
        assertThat(chair.get("/chung-thuc").body()).contains("Thu hồi quyết định ủy quyền",
                "ký các yêu cầu chứng thực với tư cách Chủ tịch");

        // the delegate signs a request on the page; the chairman sees it among what was signed on his behalf
        assertThat(chair.get("/chung-thuc").body()).contains("Trong tháng chưa có yêu cầu nào được ký theo ủy quyền");
        JsonNode signedOne = receive(P, "CT-04");
        assertThat(delegate.submit("/chung-thuc", "/chung-thuc/yeu-cau/" + signedOne.get("id").asText(),
                List.of(Map.entry("decision", "SIGN"))).statusCode()).isEqualTo(302);
        assertThat(delegate.get("/chung-thuc").body()).contains("Đã ký chứng thực, số 1/2026 sổ CHU_KY");
        assertThat(chair.get("/chung-thuc").body()).contains("Đã ký thay Chủ tịch trong tháng", "1/2026 CHU_KY",
                "Số 20/QĐ-UBND");

        // revocation: a reason is required (message on the page), then the delegate may no longer sign
        assertThat(chair.submit("/chung-thuc", "/chung-thuc/uy-quyen/" + id + "/thu-hoi", List.of()).statusCode())
                .isEqualTo(302);
        assertThat(chair.get("/chung-thuc").body()).contains("Cần nhập lý do thu hồi");
        assertThat(status(id)).isEqualTo("ACTIVE");
        JsonNode request = receive(P, "CT-01");
        assertThat(chair.submit("/chung-thuc", "/chung-thuc/uy-quyen/" + id + "/thu-hoi",
                List.of(Map.entry("reason", "Điều động công tác khác"))).statusCode()).isEqualTo(302);
        assertThat(chair.get("/chung-thuc").body()).contains("Đã thu hồi quyết định số 20/QĐ-UBND");
        assertThat(status(id)).isEqualTo("REVOKED");
        String after = delegate.get("/chung-thuc").body();
        assertThat(after).contains("không có quyết định ủy quyền ký chứng thực đang có hiệu lực hôm nay");
        delegate.post("/chung-thuc/yeu-cau/" + request.get("id").asText(), after, List.of(Map.entry("decision", "SIGN")));
        assertThat(delegate.get("/chung-thuc").body()).as("a revoked delegation cannot sign")
                .contains("không có quyết định ủy quyền đang có hiệu lực để ký CT-01");
        assertThat(jdbc.sql("SELECT status FROM auth_certification_request WHERE id = ?")
                .param(request.get("id").asText()).query(String.class).single()).isEqualTo("OPEN");
        assertThat(chair.submit("/chung-thuc", "/chung-thuc/uy-quyen/" + id + "/thu-hoi",
                List.of(Map.entry("reason", "lần hai"))).statusCode()).isEqualTo(302);
        assertThat(chair.get("/chung-thuc").body()).as("only a delegation in force is revoked").contains(
                "Chỉ thu hồi được quyết định ủy quyền đang có hiệu lực");
    }

    @Test
    void outsidersGet403Or404AndNobodyDelegatesForAnotherWardOrToHimself() throws Exception {
        at("2026-03-02T09:00:00");
        JsonNode d = signByApi(Q, draftByApi(Q, "30/QĐ-UBND", List.of(Q.clerk1()), List.of("CT-01"), "2026-03-02",
                "2026-06-30"));
        String id = d.get("id").asText();

        // another ward's chairman: the decision does not exist for him
        Browser otherChair = new Browser().signedIn(R.chair());
        String otherPage = otherChair.get("/chung-thuc").body();
        assertThat(otherPage).doesNotContain("30/QĐ-UBND");
        assertThat(otherChair.post("/chung-thuc/uy-quyen/" + id + "/thu-hoi", otherPage,
                List.of(Map.entry("reason", "x"))).statusCode()).isEqualTo(404);
        assertThat(otherChair.post("/chung-thuc/uy-quyen/" + id + "/xac-nhan", otherPage,
                List.of(Map.entry("confirmed", "false"), Map.entry("note", "x"))).statusCode()).isEqualTo(404);
        assertThat(otherChair.post("/chung-thuc/uy-quyen/" + id, otherPage,
                List.of(Map.entry("approved", "true"))).statusCode()).isEqualTo(302);
        assertThat(otherChair.get("/chung-thuc").body()).contains("Không tìm thấy quyết định ủy quyền");
        assertThat(status(id)).isEqualTo("ACTIVE");
        // another ward's justice officer drafts only for his own ward, and cannot name Q's civil servants
        Browser otherJustice = new Browser().signedIn(R.justice());
        assertThat(otherJustice.get("/chung-thuc/uy-quyen/moi").body()).doesNotContain(Q.clerk1());
        otherJustice.submit("/chung-thuc/uy-quyen/moi", "/chung-thuc/uy-quyen",
                draftFields("31/QĐ-UBND", "2026-03-02", "2026-03-31", List.of(Q.clerk1()), List.of("CT-01")));
        assertThat(otherJustice.get("/chung-thuc/uy-quyen/moi").body()).contains("không phải công chức của UBND");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM auth_delegation WHERE decision_number = '31/QĐ-UBND' "
                + "AND unit_code IN (?, ?)").params(Q.code(), R.code()).query(Integer.class).single()).isZero();

        // Q's own civil servant (a delegate): no drafting form, no drafting, no revoking, no signing a draft
        Browser delegate = new Browser().signedIn(Q.clerk1());
        String page = delegate.get("/chung-thuc").body();
        assertThat(page).doesNotContain("Lập dự thảo quyết định ủy quyền", "Thu hồi quyết định ủy quyền");
        HttpResponse<String> formRefused = delegate.get("/chung-thuc/uy-quyen/moi");
        assertThat(formRefused.statusCode()).isEqualTo(403);
        assertThat(formRefused.body()).contains("Chỉ công chức Tư pháp - Hộ tịch");
        assertThat(delegate.post("/chung-thuc/uy-quyen", page, draftFields("32/QĐ-UBND", "2026-03-02", "2026-03-31",
                List.of(Q.clerk1()), List.of("CT-01"))).statusCode()).as("self-delegation").isEqualTo(403);
        assertThat(delegate.post("/chung-thuc/uy-quyen/" + id + "/thu-hoi", page,
                List.of(Map.entry("reason", "x"))).statusCode()).isEqualTo(403);
        JsonNode draft = draftByApi(Q, "33/QĐ-UBND", List.of(Q.clerk2()), List.of("CT-04"), "2026-03-02",
                "2026-03-31");
        delegate.post("/chung-thuc/uy-quyen/" + draft.get("id").asText(), page, List.of(Map.entry("approved", "true")));
        assertThat(delegate.get("/chung-thuc").body()).as("a delegate never delegates further")
                .contains("Người được ủy quyền không được ủy quyền lại");
        assertThat(status(draft.get("id").asText())).isEqualTo("DRAFT");
        // through /api: a delegate as grantor, the chairman naming himself
        assertThat(apiPost("/api/authority/delegations", """
                {"unitCode":"%s","decisionNumber":"34/QĐ-UBND","decisionDate":"2026-03-02","grantor":"%s",
                 "delegates":["%s"],"scope":["CT-01"],"validFrom":"2026-03-02","validTo":"2026-03-31"}"""
                .formatted(Q.code(), Q.clerk1(), Q.clerk1()), Q.justice()).statusCode()).isEqualTo(400);
        assertThat(apiPost("/api/authority/delegations", """
                {"unitCode":"%s","decisionNumber":"35/QĐ-UBND","decisionDate":"2026-03-02",
                 "delegates":["%s"],"scope":["CT-01"],"validFrom":"2026-03-02","validTo":"2026-03-31"}"""
                .formatted(Q.code(), Q.chair()), Q.justice()).statusCode()).isEqualTo(400);

        // the city-wide report and its workbook: not for a ward's officials; the change of chairman: administrators
        for (String user : List.of(Q.chair(), Q.justice(), R.chair())) {
            Browser b = new Browser().signedIn(user);
            assertThat(b.get("/chung-thuc/bao-cao").statusCode()).as(user).isEqualTo(403);
            assertThat(b.bytes("/chung-thuc/bao-cao.xlsx").statusCode()).as(user).isEqualTo(403);
        }
        Browser doj = new Browser().signedIn(DOJ);
        String report = doj.get("/chung-thuc/bao-cao").body();
        assertThat(report).doesNotContain("Ghi nhận thay đổi Chủ tịch");
        assertThat(doj.post("/chung-thuc/chu-tich", report, List.of(Map.entry("phuong", Q.code()),
                Map.entry("newChairman", Q.vice()))).statusCode()).isEqualTo(403);
        assertThat(otherChair.post("/chung-thuc/chu-tich", otherPage, List.of(Map.entry("phuong", Q.code()),
                Map.entry("newChairman", R.chair()))).statusCode()).isEqualTo(403);
        assertThat(doj.get("/chung-thuc/bao-cao?trang-thai=NOPE").statusCode()).isEqualTo(400);
        assertThat(doj.get("/chung-thuc/bao-cao?phuong=so-tu-phap").statusCode()).isEqualTo(404);
        assertThat(status(id)).isEqualTo("ACTIVE");
        // anonymous: the login page
        assertThat(new Browser().get("/chung-thuc/bao-cao").statusCode()).isEqualTo(302);
    }

    @Test
    void theDepartmentOfJusticeFiltersAndExportsEveryWardsDecisions() throws Exception {
        at("2026-03-02T09:00:00");
        JsonNode active = signByApi(S, draftByApi(S, "40/QĐ-UBND", List.of(S.clerk1(), S.clerk2()),
                List.of("CT-01", "CT-04", "CT-05"), "2026-03-02", "2026-05-31"));
        JsonNode later = signByApi(S, draftByApi(S, "41/QĐ-UBND", List.of(S.clerk2()), List.of("CT-02"),
                "2026-04-01", "2026-04-30"));
        JsonNode draft = draftByApi(S, "42/QĐ-UBND", List.of(S.clerk1()), List.of("CT-13"), "2026-03-02",
                "2026-03-31");
        assertThat(active.get("inForceToday").asBoolean()).isTrue();
        assertThat(later.get("inForceToday").asBoolean()).isFalse();

        Browser doj = new Browser().signedIn(DOJ);
        String all = doj.get("/chung-thuc/bao-cao?phuong=" + S.code()).body();
        assertThat(all).contains("Số 40/QĐ-UBND ngày 02/03/2026", "Số 41/QĐ-UBND", "Số 42/QĐ-UBND",
                "Chờ Chủ tịch ký", "3</span> quyết định", "1</span> đang có hiệu lực");
        String inForce = doj.get("/chung-thuc/bao-cao?phuong=" + S.code() + "&trang-thai=IN_FORCE").body();
        assertThat(inForce).contains("Số 40/QĐ-UBND").doesNotContain("Số 41/QĐ-UBND", "Số 42/QĐ-UBND");
        String drafts = doj.get("/chung-thuc/bao-cao?phuong=" + S.code() + "&trang-thai=DRAFT").body();
        assertThat(drafts).contains("Số 42/QĐ-UBND").doesNotContain("Số 40/QĐ-UBND");
        // the Department of Justice (a city-wide reader) is sent there from /chung-thuc
        assertThat(doj.get("/chung-thuc").body()).contains("Báo cáo ủy quyền ký chứng thực toàn Thành phố");

        HttpResponse<byte[]> xlsx = doj.bytes("/chung-thuc/bao-cao.xlsx?phuong=" + S.code());
        assertThat(xlsx.statusCode()).isEqualTo(200);
        assertThat(xlsx.headers().firstValue("Content-Type").orElseThrow()).startsWith(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx.body()))) {
            Sheet sheet = workbook.getSheetAt(0);
            assertThat(sheet.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Số quyết định");
            assertThat(sheet.getLastRowNum()).isEqualTo(4); // title, header, 3 decisions
            List<String> numbers = new ArrayList<>();
            for (int r = 2; r <= 4; r++) {
                numbers.add(sheet.getRow(r).getCell(2).getStringCellValue());
                assertThat(sheet.getRow(r).getCell(0).getStringCellValue()).isEqualTo(S.code());
            }
            assertThat(numbers).containsExactlyInAnyOrder("40/QĐ-UBND", "41/QĐ-UBND", "42/QĐ-UBND");
            int row40 = 2 + numbers.indexOf("40/QĐ-UBND");
            assertThat(sheet.getRow(row40).getCell(6).getStringCellValue()).isEqualTo("CT-01, CT-04, CT-05");
            assertThat(sheet.getRow(row40).getCell(9).getStringCellValue()).isEqualTo("Đã ký, đang áp dụng");
            assertThat(sheet.getRow(row40).getCell(10).getStringCellValue()).isEqualTo("Có");
            assertThat(sheet.getRow(row40).getCell(5).getStringCellValue()).contains(S.clerk1(), S.clerk2());
        }
        HttpResponse<byte[]> filtered = doj.bytes("/chung-thuc/bao-cao.xlsx?phuong=" + S.code()
                + "&trang-thai=DRAFT");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(filtered.body()))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(2);
            assertThat(workbook.getSheetAt(0).getRow(2).getCell(2).getStringCellValue()).isEqualTo("42/QĐ-UBND");
        }
        assertThat(draft.get("status").asText()).isEqualTo("DRAFT");
    }

    @Test
    void aChangeOfChairmanRecordedOnThePageHandsEveryDecisionToTheNewChairman() throws Exception {
        at("2026-03-02T09:00:00");
        JsonNode keep = signByApi(T, draftByApi(T, "50/QĐ-UBND", List.of(T.clerk1()), List.of("CT-01"),
                "2026-03-02", "2026-06-30"));
        JsonNode drop = signByApi(T, draftByApi(T, "51/QĐ-UBND", List.of(T.clerk2()), List.of("CT-04"),
                "2026-03-02", "2026-06-30"));
        JsonNode pending = draftByApi(T, "52/QĐ-UBND", List.of(T.clerk2()), List.of("CT-05"), "2026-03-02",
                "2026-06-30");

        Browser admin = new Browser().signedIn(ADMIN);
        String report = admin.get("/chung-thuc/bao-cao").body();
        assertThat(report).contains("Ghi nhận thay đổi Chủ tịch");
        admin.post("/chung-thuc/chu-tich", report, List.of(Map.entry("phuong", T.code()),
                Map.entry("newChairman", R.chair())));
        assertThat(admin.get("/chung-thuc/bao-cao").body()).as("the new chairman must be an official of the ward")
                .contains("không thuộc UBND");
        HttpResponse<String> changed = admin.post("/chung-thuc/chu-tich", report,
                List.of(Map.entry("phuong", T.code()), Map.entry("newChairman", T.vice())));
        assertThat(changed.statusCode()).isEqualTo(302);
        assertThat(admin.get("/chung-thuc/bao-cao").body()).contains(
                "Đã ghi nhận Chủ tịch mới; 2 quyết định ủy quyền chờ Chủ tịch mới xác nhận");
        assertThat(status(keep.get("id").asText())).isEqualTo("AWAITING_CONFIRMATION");
        assertThat(status(drop.get("id").asText())).isEqualTo("AWAITING_CONFIRMATION");
        admin.post("/chung-thuc/chu-tich", admin.get("/chung-thuc/bao-cao").body(),
                List.of(Map.entry("phuong", T.code()), Map.entry("newChairman", T.vice())));
        assertThat(admin.get("/chung-thuc/bao-cao").body()).contains("đã là Chủ tịch");

        // awaiting confirmation: the delegate signs nothing; the former chairman decides nothing
        Browser delegate = new Browser().signedIn(T.clerk1());
        assertThat(delegate.get("/chung-thuc").body()).contains("không có quyết định ủy quyền ký chứng thực đang có");
        assertThat(signers.signerFor("CT-01", true, T.code())).contains(T.vice());
        Browser former = new Browser().signedIn(T.chair());
        String formerPage = former.get("/chung-thuc").body();
        assertThat(formerPage).doesNotContain("Tiếp tục ủy quyền", "Thu hồi quyết định ủy quyền");
        assertThat(former.post("/chung-thuc/uy-quyen/" + keep.get("id").asText() + "/xac-nhan", formerPage,
                List.of(Map.entry("confirmed", "true"))).statusCode()).isEqualTo(403);

        Browser chair = new Browser().signedIn(T.vice());
        String page = chair.get("/chung-thuc").body();
        assertThat(page).contains("Chờ Chủ tịch mới xác nhận", "Tiếp tục ủy quyền", "Ký ban hành quyết định");
        chair.post("/chung-thuc/uy-quyen/" + keep.get("id").asText() + "/xac-nhan", page,
                List.of(Map.entry("confirmed", "true")));
        assertThat(status(keep.get("id").asText())).isEqualTo("ACTIVE");
        chair.submit("/chung-thuc", "/chung-thuc/uy-quyen/" + drop.get("id").asText() + "/xac-nhan",
                List.of(Map.entry("confirmed", "false")));
        assertThat(chair.get("/chung-thuc").body()).contains("Cần ghi lý do thu hồi");
        chair.submit("/chung-thuc", "/chung-thuc/uy-quyen/" + drop.get("id").asText() + "/xac-nhan",
                List.of(Map.entry("confirmed", "false"), Map.entry("note", "Sắp xếp lại nhân sự")));
        assertThat(status(drop.get("id").asText())).isEqualTo("REVOKED");
        // the draft that awaited the former chairman is now the new chairman's to sign
        chair.submit("/chung-thuc", "/chung-thuc/uy-quyen/" + pending.get("id").asText(),
                List.of(Map.entry("approved", "true")));
        assertThat(status(pending.get("id").asText())).isEqualTo("ACTIVE");
        assertThat(jdbc.sql("SELECT grantor FROM auth_delegation WHERE id = ?").param(pending.get("id").asText())
                .query(String.class).single()).isEqualTo(T.vice());
        assertThat(signers.signerFor("CT-01", true, T.code())).contains(T.clerk1());
        assertThat(signers.signerFor("CT-02", true, T.code())).as("CT-04 was revoked").contains(T.vice());
        assertThat(delegate.get("/chung-thuc").body()).contains("TUQ. CHỦ TỊCH theo quyết định số 50/QĐ-UBND");
    }

    @Test
    void aCertificationDossierIsSignedByTheDelegateInForceElseByTheChairman() {
        at("2026-03-02T09:00:00");
        assertThat(signers.getClass().getSimpleName()).isEqualTo("DelegatedCertificationSigners");
        // no delegation: the chairman, for certification and any other procedure
        assertThat(signers.signerFor("CT-02", true, P.code())).contains(P.chair());
        JsonNode signatures = signByApi(P, draftByApi(P, "60/QĐ-UBND", List.of(P.clerk2()), List.of("CT-04"),
                "2026-03-02", "2026-03-31"));
        JsonNode april = signByApi(P, draftByApi(P, "61/QĐ-UBND", List.of(P.clerk1()), List.of("CT-01"),
                "2026-04-01", "2026-04-30"));
        // the dossier catalogue's CT-02 (signatures) is task CT-04
        assertThat(signers.signerFor("CT-02", true, P.code())).contains(P.clerk2());
        assertThat(signers.signerFor("CT-02", true, Q.code())).as("another ward").contains(Q.chair());
        assertThat(signers.signerFor("CT-01", true, P.code())).as("not yet valid").contains(P.chair());
        assertThat(signers.signerFor("CT-02", false, P.code())).as("not a certification").contains(P.chair());
        assertThat(signers.signerFor("HT-01", true, P.code())).as("unknown to the 13 tasks").contains(P.chair());
        at("2026-04-01T08:00:00");
        assertThat(signers.signerFor("CT-02", true, P.code())).as("expired").contains(P.chair());
        assertThat(signers.signerFor("CT-01", true, P.code())).as("now valid").contains(P.clerk1());
        ok(apiPost("/api/authority/delegations/" + april.get("id").asText() + "/revocation",
                "{\"reason\":\"Thu hồi\"}", P.chair()), 200);
        assertThat(signers.signerFor("CT-01", true, P.code())).as("revoked").contains(P.chair());

        // contracts (dossier CT-04..06 = task CT-06) only while the ward's contract certification is not with notaries
        ok(apiPost("/api/authority/delegations", """
                {"unitCode":"%s","decisionNumber":"62/QĐ-UBND","decisionDate":"2026-04-01",
                 "delegates":["%s"],"scope":["CT-06"],"validFrom":"2026-04-01","validTo":"2026-04-30"}"""
                .formatted(P.code(), P.clerk1()), P.justice()), 400);
        ok(http.put("/api/authority/wards/" + P.code(), "{\"contractsMovedToNotary\":false}", DOJ, PASSWORD), 200);
        JsonNode contracts = signByApi(P, draftByApi(P, "62/QĐ-UBND", List.of(P.clerk1()), List.of("CT-06"),
                "2026-04-01", "2026-04-30"));
        assertThat(signers.signerFor("CT-05", true, P.code())).contains(P.clerk1());
        ok(http.put("/api/authority/wards/" + P.code(), "{\"contractsMovedToNotary\":true}", DOJ, PASSWORD), 200);
        assertThat(signers.signerFor("CT-05", true, P.code())).as("moved to notaries").contains(P.chair());
        assertThat(signers.signerFor("so-tu-phap-x", true, "so-tu-phap")).as("not a ward: the unit head")
                .isEqualTo(signers.signerFor("x", false, "so-tu-phap"));
        assertThat(signatures.get("status").asText()).isEqualTo("ACTIVE");
        assertThat(contracts.get("status").asText()).isEqualTo("ACTIVE");
    }

    /** A certification dossier (signatures, the dossier catalogue's CT-02) of ward R, brought to its signing step. */
    String dossierAwaitingSignature() {
        JsonNode receipt = ok(http.post("/api/dossiers", "{\"receptionPoint\":\"to-dia-ban-02\",\"procedureCode\":"
                + "\"CT-02\",\"unitCode\":\"" + R.code() + "\",\"papersPresented\":[\"Căn cước, hộ chiếu còn giá trị "
                + "sử dụng\",\"Giấy tờ, văn bản sẽ ký\"],\"applicantName\":\"Lâm Văn Ký\",\"applicantContact\":"
                + "\"0909 111 222\"}", RECEIVER, PASSWORD), 201).get("receipt");
        String code = receipt.get("code").asText();
        awaitTask(code, "Task_ProcessDossier");
        ok(http.post("/api/dossiers/" + code + "/processing", "{\"decision\":\"result\"}", R.clerk2(), PASSWORD), 200);
        awaitTask(code, "Task_ApproveDossier");
        ok(http.post("/api/dossiers/" + code + "/approval", "{\"decision\":\"approve\"}", R.chair(), PASSWORD), 200);
        return code;
    }

    Task awaitTask(String code, String key) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processInstanceBusinessKey(code).taskDefinitionKey(key).singleResult(), t -> t != null);
    }

    String dossierStatus(String code) {
        return jdbc.sql("SELECT status FROM dos_dossier WHERE code = ?").param(code).query(String.class).single();
    }

    @Test
    void theDossierJourneySignsACertificationUnderTheDelegationUntilItIsRevoked() {
        at("2026-05-05T09:00:00"); // Tuesday
        JsonNode delegation = signByApi(R, draftByApi(R, "80/QĐ-UBND", List.of(R.clerk1()), List.of("CT-04"),
                "2026-05-05", "2026-05-31"));
        String first = dossierAwaitingSignature();
        Task sign = awaitTask(first, "Task_SignDossierResult");
        assertThat(sign.getAssignee()).as("the delegate in force signs").isEqualTo(R.clerk1());
        assertThat(http.post("/api/dossiers/" + first + "/signature", "", R.clerk2(), PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(http.post("/api/dossiers/" + first + "/signature", "", Q.clerk1(), PASSWORD).statusCode())
                .as("another ward").isEqualTo(403);
        ok(http.post("/api/dossiers/" + first + "/signature", "", R.clerk1(), PASSWORD), 200);
        assertThat(dossierStatus(first)).isEqualTo("RESULT_READY");

        // revoked between the transfer and the signature: the delegate no longer signs, the chairman does
        String second = dossierAwaitingSignature();
        assertThat(awaitTask(second, "Task_SignDossierResult").getAssignee()).isEqualTo(R.clerk1());
        ok(apiPost("/api/authority/delegations/" + delegation.get("id").asText() + "/revocation",
                "{\"reason\":\"Thu hồi\"}", R.chair()), 200);
        assertThat(http.post("/api/dossiers/" + second + "/signature", "", R.clerk1(), PASSWORD).statusCode())
                .as("a revoked delegation cannot sign").isEqualTo(403);
        assertThat(dossierStatus(second)).isEqualTo("IN_PROGRESS");
        ok(http.post("/api/dossiers/" + second + "/signature", "", R.chair(), PASSWORD), 200);
        assertThat(dossierStatus(second)).isEqualTo("RESULT_READY");
    }
}
