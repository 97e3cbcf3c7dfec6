package vn.dieuhanh.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
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
 * The staff-list import on PostgreSQL through {@code /api/admin/officials}: refused rows apply nothing, re-applying the
 * same file changes nothing, a mover's and a leaver's open work is handed over (trail, task, one notification), a
 * leaver cannot log in through any door, a unit without a head blocks the apply until a holder is chosen, and
 * officials who are not administrators get 403 everywhere.
 */
@PostgresIntegrationTest
class OfficialImportTest {

    static final String ADMIN = "admin";
    static final String HEADER = "Họ và tên,Tên đăng nhập,Thư điện tử,Điện thoại,Mã đơn vị,Phòng ban,Chức vụ,Vai trò\n";
    static final String PASSWORD = "Can-Bo-2026!";
    static final String LEADER = "acc.chair";
    static final String WARD_OFFICIAL = "acc.ward.officer";
    /** Units no other test uses (a file covering a unit makes its other officials leavers). */
    static final String UNIT_A = "xa-binh-chanh";
    static final String UNIT_B = "xa-binh-chau";
    static final String UNIT_C = "xa-binh-gia";
    static final String UNIT_K = "xa-binh-khanh";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Chủ tịch UBND TP (thử nghiệm)", null, "ubnd-tp", null, Role.LEADER),
                PASSWORD);
        accounts.register(new Official(WARD_OFFICIAL, "Công chức xã Bình Hưng", null, "xa-binh-hung", null,
                Role.OFFICER), PASSWORD);
    }

    @Test
    void aFileWithRefusedRowsIsPreviewedWithEveryErrorAndAppliesNothing() {
        String file = HEADER
                + "Phạm Văn Đúng,acc.ok,ok@binhchanh.gov.vn,0912345678," + UNIT_A + ",van-phong,Chuyên viên,Chuyên viên\n"
                + "Không Đơn Vị,acc.nounit,,," + "xa-khong-co,,,OFFICER\n"
                + "Sai Phòng,acc.nodivision,,," + UNIT_A + ",phong-khong-co,,OFFICER\n"
                + "Trùng Tên,acc.ok,,," + UNIT_A + ",,,OFFICER\n"
                + "Sai Thư,acc.bademail,khong-phai-email,," + UNIT_A + ",,,OFFICER\n"
                + "Sai Số,acc.badphone,,12345," + UNIT_A + ",,,OFFICER\n"
                + "Sai Vai Trò,acc.badrole,,," + UNIT_A + ",,,Giám đốc\n";
        JsonNode preview = preview("refused.csv", file.getBytes(StandardCharsets.UTF_8), ADMIN, ADMIN_PASSWORD);
        assertThat(preview.get("status").asText()).isEqualTo("REFUSED");
        assertThat(preview.get("applicable").asBoolean()).isFalse();
        assertThat(preview.get("counts").get("refused").asInt()).isEqualTo(6);
        Map<Integer, String> errors = new java.util.HashMap<>();
        preview.get("refusedRows").forEach(row -> errors.put(row.get("row").asInt(), row.get("error").asText()));
        assertThat(errors).containsOnlyKeys(3, 4, 5, 6, 7, 8);
        assertThat(errors.get(3)).contains("Không có đơn vị mã 'xa-khong-co'").contains("(unknown unit)");
        assertThat(errors.get(4)).contains("không có phòng ban 'phong-khong-co'");
        assertThat(errors.get(5)).contains("trùng với dòng 2").contains("duplicate login");
        assertThat(errors.get(6)).contains("Thư điện tử 'khong-phai-email' không hợp lệ");
        assertThat(errors.get(7)).contains("Số điện thoại '12345' không hợp lệ");
        assertThat(errors.get(8)).contains("Vai trò 'Giám đốc' không có");

        HttpResponse<String> apply = apply(preview, "{}");
        assertThat(apply.statusCode()).as(apply.body()).isEqualTo(400);
        assertThat(apply.body()).contains("dòng bị từ chối, không áp dụng gì");
        // nothing applied: not even the valid row
        assertThat(identityService.createUserQuery().userId("acc.ok").count()).isZero();
        assertThat(count("SELECT COUNT(*) FROM org_official WHERE user_id = 'acc.ok'")).isZero();
        assertThat(count("SELECT COUNT(*) FROM acc_import WHERE id = '" + preview.get("id").asText()
                + "' AND status = 'REFUSED' AND applied_at IS NULL")).isOne();
    }

    @Test
    void sameFileTwiceChangesNothingAndMoverAndLeaverHandOverTheirOpenWork() {
        String file1 = HEADER
                + "Nguyễn Văn Trưởng,acc.a.head,truong@binhchanh.gov.vn,0912000001," + UNIT_A + ",,Chủ tịch UBND xã,HEAD\n"
                + "Trần Văn Chuyển,acc.a.mover,chuyen@binhchanh.gov.vn,0912000002," + UNIT_A
                + ",van-phong,Chuyên viên,Chuyên viên\n"
                + "Lê Thị Nghỉ,acc.a.leaver,,0912000003," + UNIT_A + ",,Công chức,OFFICER\n"
                + "Võ Văn Nhận,acc.a.officer,,," + UNIT_A + ",,Công chức,OFFICER\n"
                + "Đỗ Văn Bình Châu,acc.b.head,,," + UNIT_B + ",,Chủ tịch UBND xã,HEAD\n";
        JsonNode first = preview("dot-1.csv", file1.getBytes(StandardCharsets.UTF_8), ADMIN, ADMIN_PASSWORD);
        assertThat(first.get("status").asText()).as(first.toString()).isEqualTo("PREVIEWED");
        assertThat(first.get("counts").get("new").asInt()).isEqualTo(5);
        // apply must name the file the administrator saw
        HttpResponse<String> wrongHash = http.post("/api/admin/officials/import/" + first.get("id").asText()
                + "/apply", "{\"fileHash\":\"" + "0".repeat(64) + "\"}", ADMIN, ADMIN_PASSWORD);
        assertThat(wrongHash.statusCode()).isEqualTo(400);
        HttpResponse<String> applied = apply(first, "{}");
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(200);
        assertThat(memberships("acc.a.mover")).contains(UNIT_A, UNIT_A + ".van-phong", "role-officer");
        assertThat(count("SELECT COUNT(*) FROM acc_contact WHERE user_id = 'acc.a.head' AND phone = '0912000001'"
                + " AND job_title = 'Chủ tịch UBND xã'")).isOne();
        // the same preview cannot be applied twice
        assertThat(apply(first, "{}").statusCode()).isEqualTo(409);

        // the same file again: nothing to change, applying it changes nothing
        String updatedBefore = jdbc.sql("SELECT MAX(updated_at) FROM org_official WHERE unit_code IN (?, ?)")
                .params(UNIT_A, UNIT_B).query(String.class).single();
        JsonNode again = preview("dot-1.csv", file1.getBytes(StandardCharsets.UTF_8), ADMIN, ADMIN_PASSWORD);
        assertThat(again.get("counts").get("unchanged").asInt()).isEqualTo(5);
        assertThat(again.get("changes")).isEmpty();
        assertThat(apply(again, "{}").statusCode()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT MAX(updated_at) FROM org_official WHERE unit_code IN (?, ?)")
                .params(UNIT_A, UNIT_B).query(String.class).single()).isEqualTo(updatedBefore);

        // the mover and the leaver hold open work
        setPassword("acc.a.mover");
        setPassword("acc.a.leaver");
        assertThat(http.get("/api/assignments", "acc.a.leaver", PASSWORD).statusCode()).isNotEqualTo(401);
        String moverWork = assign("acc.a.mover", "Rà soát hồ sơ đất đai");
        String leaverWork = assign("acc.a.leaver", "Tổng hợp báo cáo dân số");
        awaitTaskOf(moverWork, "acc.a.mover");
        awaitTaskOf(leaverWork, "acc.a.leaver");
        // the leaver keeps the web app open in his browser (a session shared with Tasklist)
        String leaverSession = sessionCookie(webLogin("acc.a.leaver", PASSWORD));
        assertThat(getWithSession("/", leaverSession).statusCode()).isEqualTo(200);
        assertThat(count("SELECT COUNT(*) FROM org_login WHERE user_id = 'acc.a.leaver'")).isOne();

        // second list: the mover goes to unit B, the leaver is no longer in unit A's list
        String file2 = HEADER
                + "Nguyễn Văn Trưởng,acc.a.head,truong@binhchanh.gov.vn,0912000001," + UNIT_A + ",,Chủ tịch UBND xã,HEAD\n"
                + "Trần Văn Chuyển,acc.a.mover,chuyen@binhchanh.gov.vn,0912000002," + UNIT_B
                + ",van-phong,Chuyên viên,Chuyên viên\n"
                + "Võ Văn Nhận,acc.a.officer,,," + UNIT_A + ",,Công chức,OFFICER\n"
                + "Đỗ Văn Bình Châu,acc.b.head,,," + UNIT_B + ",,Chủ tịch UBND xã,HEAD\n";
        JsonNode second = preview("dot-2.xlsx", xlsx(file2), ADMIN, ADMIN_PASSWORD);
        assertThat(second.get("status").asText()).as(second.toString()).isEqualTo("PREVIEWED");
        JsonNode moved = change(second, "acc.a.mover");
        assertThat(moved.get("kind").asText()).isEqualTo("MOVED");
        assertThat(moved.get("proposedHolder").asText()).isEqualTo("acc.a.head");
        assertThat(moved.get("openAssignments").asInt()).isOne();
        assertThat(moved.get("after").asText()).contains("Đơn vị: " + UNIT_A + " → " + UNIT_B);
        JsonNode leaving = change(second, "acc.a.leaver");
        assertThat(leaving.get("kind").asText()).isEqualTo("LEAVING");
        assertThat(leaving.get("openAssignments").asInt()).isOne();

        // the administrator gives the leaver's work to a colleague instead of the head
        HttpResponse<String> done = apply(second, "{\"holders\":{\"acc.a.leaver\":\"acc.a.officer\"}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        JsonNode audit = HttpClient.json(done.body());
        assertThat(change(audit, "acc.a.mover").get("handedTo").asText()).isEqualTo("acc.a.head");
        assertThat(change(audit, "acc.a.leaver").get("handedTo").asText()).isEqualTo("acc.a.officer");

        // the mover: new unit's groups only, the work and its KPI stay in the old unit, handed to its head
        assertThat(memberships("acc.a.mover")).contains(UNIT_B, UNIT_B + ".van-phong", "role-officer")
                .doesNotContain(UNIT_A, UNIT_A + ".van-phong");
        assertThat(jdbc.sql("SELECT unit_code FROM asg_assignment WHERE id = ?").param(moverWork)
                .query(String.class).single()).isEqualTo(UNIT_A);
        assertHandedOver(moverWork, "acc.a.head");
        assertHandedOver(leaverWork, "acc.a.officer");
        // nothing left without a holder
        assertThat(count("SELECT COUNT(*) FROM asg_assignment WHERE completed_at IS NULL AND cancelled_at IS NULL"
                + " AND (holder_user IN ('acc.a.mover', 'acc.a.leaver') OR reviewer IN ('acc.a.mover', 'acc.a.leaver'))"))
                .isZero();
        assertThat(taskService.createTaskQuery().taskAssignee("acc.a.mover").count()
                + taskService.createTaskQuery().taskAssignee("acc.a.leaver").count()).isZero();
        // each new holder is told once
        assertThat(count("SELECT COUNT(*) FROM ntf_outbox WHERE kind = 'HANDOVER' AND recipient = 'acc.a.head'"
                + " AND dedup_key = 'handover:" + second.get("id").asText() + ":acc.a.mover'")).isOne();
        assertThat(count("SELECT COUNT(*) FROM ntf_outbox WHERE kind = 'HANDOVER' AND recipient = 'acc.a.officer'"))
                .isOne();
        assertThat(apply(second, "{}").statusCode()).isEqualTo(409);
        assertThat(count("SELECT COUNT(*) FROM ntf_outbox WHERE kind = 'HANDOVER' AND recipient IN ('acc.a.head',"
                + " 'acc.a.officer')")).isEqualTo(2);

        // the leaver: kept (history), deactivated, no groups, refused at every door with the right password
        assertThat(count("SELECT COUNT(*) FROM org_official WHERE user_id = 'acc.a.leaver' AND active = FALSE"
                + " AND unit_code = '" + UNIT_A + "'")).isOne();
        assertThat(memberships("acc.a.leaver")).isEmpty();
        assertThat(http.get("/api/assignments", "acc.a.leaver", PASSWORD).statusCode()).isEqualTo(401);
        assertThat(http.get("/engine-rest/task?assignee=acc.a.leaver", "acc.a.leaver", PASSWORD).statusCode())
                .isEqualTo(401);
        assertThat(identityService.checkPassword("acc.a.leaver", PASSWORD)).isFalse();
        HttpResponse<String> page = webLogin("acc.a.leaver", PASSWORD);
        assertThat(page.statusCode()).isEqualTo(401);
        assertThat(page.body()).contains("Tên đăng nhập hoặc mật khẩu không đúng");
        assertThat(webappLogin("acc.a.leaver", PASSWORD)).isEqualTo(401); // the Camunda webapps (Tasklist)
        // and the session he opened before ends at the next look at the directory (each node rechecks every 30 s)
        try {
            ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plusSeconds(31)));
            HttpResponse<String> ended = getWithSession("/", leaverSession);
            assertThat(ended.statusCode()).isEqualTo(302);
            assertThat(ended.headers().firstValue("Location").orElse("")).contains("/dang-nhap");
            assertThat(getWithSession("/camunda/api/engine/engine/default/task/count", leaverSession).statusCode())
                    .isEqualTo(401);
        } finally {
            ClockUtil.reset();
        }
        // the mover still logs in
        assertThat(webLogin("acc.a.mover", PASSWORD).statusCode()).isEqualTo(302);
        assertThat(webappLogin("acc.a.mover", PASSWORD)).isEqualTo(200);

        JsonNode report = http.getJson("/api/admin/officials/report", ADMIN, ADMIN_PASSWORD);
        assertThat(report.get("deactivated").findValuesAsText("userId")).contains("acc.a.leaver");
        assertThat(report.get("withoutUnit").findValuesAsText("userId")).contains(ADMIN);
        assertThat(report.get("unitsWithoutHead").findValuesAsText("code")).doesNotContain(UNIT_A, UNIT_B)
                .contains(UNIT_C);
        assertThat(report.get("leastRecentLogins").toString()).contains("acc.a.mover");
    }

    @Test
    void aLeaverWithOpenWorkInAUnitWithoutHeadBlocksTheApplyUntilAHolderIsChosen() {
        JsonNode first = preview("c-1.csv", (HEADER + "Phan Văn Một,acc.c.one,,," + UNIT_C + ",,,OFFICER\n")
                .getBytes(StandardCharsets.UTF_8), ADMIN, ADMIN_PASSWORD);
        assertThat(apply(first, "{}").statusCode()).isEqualTo(200);
        String work = assign("acc.c.one", "Kiểm tra an toàn thực phẩm");
        awaitTaskOf(work, "acc.c.one");

        JsonNode second = preview("c-2.csv", (HEADER + "Hồ Văn Hai,acc.c.two,,," + UNIT_C + ",,,OFFICER\n")
                .getBytes(StandardCharsets.UTF_8), ADMIN, ADMIN_PASSWORD);
        assertThat(change(second, "acc.c.one").get("kind").asText()).isEqualTo("LEAVING");
        assertThat(change(second, "acc.c.one").get("proposedHolder")).isNull();
        HttpResponse<String> refused = apply(second, "{}");
        assertThat(refused.statusCode()).as(refused.body()).isEqualTo(400);
        assertThat(refused.body()).contains("Không có người nhận bàn giao").contains("Không áp dụng gì");
        // one transaction: the new official of the same file was not created, the leaver still works
        assertThat(identityService.createUserQuery().userId("acc.c.two").count()).isZero();
        assertThat(count("SELECT COUNT(*) FROM org_official WHERE user_id = 'acc.c.one' AND active = TRUE")).isOne();
        assertThat(count("SELECT COUNT(*) FROM acc_import WHERE id = '" + second.get("id").asText()
                + "' AND status = 'PREVIEWED'")).isOne();
        // a holder who is not an active official is refused
        assertThat(apply(second, "{\"holders\":{\"acc.c.one\":\"acc.c.one\"}}").statusCode()).isEqualTo(400);

        HttpResponse<String> done = apply(second, "{\"holders\":{\"acc.c.one\":\"acc.c.two\"}}");
        assertThat(done.statusCode()).as(done.body()).isEqualTo(200);
        assertHandedOver(work, "acc.c.two");
    }

    @Test
    void aWardOfficialGetsForbiddenOnEveryAdministratorsEndpointAndPage() {
        String id = preview("c-x.csv", (HEADER + "Phan Văn Một,acc.c.one,,," + UNIT_C + ",,,OFFICER\n")
                .getBytes(StandardCharsets.UTF_8), ADMIN, ADMIN_PASSWORD).get("id").asText();
        for (String path : List.of("/api/admin/officials/report", "/api/admin/officials/import",
                "/api/admin/officials/import/" + id, "/api/admin/officials/import/template.csv")) {
            assertThat(http.get(path, WARD_OFFICIAL, PASSWORD).statusCode()).as(path).isEqualTo(403);
        }
        assertThat(previewResponse("x.csv", HEADER.getBytes(StandardCharsets.UTF_8), WARD_OFFICIAL, PASSWORD)
                .statusCode()).isEqualTo(403);
        assertThat(http.post("/api/admin/officials/import/" + id + "/apply", "{\"fileHash\":\"x\"}", WARD_OFFICIAL,
                PASSWORD).statusCode()).isEqualTo(403);
        String cookie = sessionCookie(webLogin(WARD_OFFICIAL, PASSWORD));
        for (String path : List.of("/quan-tri/can-bo", "/quan-tri/can-bo/nhap/" + id, "/quan-tri/tai-khoan")) {
            assertThat(http.getWithCookies(path, cookie).statusCode()).as(path).isEqualTo(403);
        }
        // and the administrator sees the pages
        String adminCookie = sessionCookie(webLogin(ADMIN, ADMIN_PASSWORD));
        HttpResponse<String> page = http.getWithCookies("/quan-tri/can-bo", adminCookie);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Nhập danh sách cán bộ");
        HttpResponse<String> report = http.getWithCookies("/quan-tri/tai-khoan", adminCookie);
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.body()).contains("Đơn vị chưa có thủ trưởng");
    }

    @Test
    void anAdministratorPreviewsAndAppliesThroughThePages() throws Exception {
        String cookie = sessionCookie(webLogin(ADMIN, ADMIN_PASSWORD));
        HttpResponse<String> page = http.getWithCookies("/quan-tri/can-bo", cookie);
        assertThat(page.body()).contains("Quản trị cán bộ").contains("Mẫu Excel (.xlsx)");
        Matcher token = CSRF_FIELD.matcher(page.body());
        assertThat(token.find()).isTrue();
        String csrf = token.group(1);
        String file = HEADER + "Mai Văn Trang,acc.k.head,,," + UNIT_K + ",,Chủ tịch UBND xã,Thủ trưởng đơn vị\n";
        String boundary = "----page" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf
                + "\r\n--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"k.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        HttpResponse<String> uploaded = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/quan-tri/can-bo/nhap")).header("Cookie", cookie)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertThat(uploaded.statusCode()).as(uploaded.body()).isEqualTo(302);
        String location = uploaded.headers().firstValue("Location").orElseThrow();
        assertThat(location).contains("/quan-tri/can-bo/nhap/");
        String id = location.substring(location.lastIndexOf('/') + 1);
        HttpResponse<String> preview = http.getWithCookies("/quan-tri/can-bo/nhap/" + id, cookie);
        assertThat(preview.body()).contains("Xem trước danh sách cán bộ").contains("acc.k.head")
                .contains("Áp dụng đúng các thay đổi trên");
        String hash = jdbc.sql("SELECT file_hash FROM acc_import WHERE id = ?").param(id).query(String.class).single();
        HttpResponse<String> applied = http.postForm("/quan-tri/can-bo/nhap/" + id + "/ap-dung", "fileHash=" + hash
                + "&_csrf=" + URLEncoder.encode(csrf, StandardCharsets.UTF_8), cookie, null);
        assertThat(applied.statusCode()).as(applied.body()).isEqualTo(302);
        assertThat(http.getWithCookies("/quan-tri/can-bo/nhap/" + id, cookie).body()).contains("Đã áp dụng");
        assertThat(memberships("acc.k.head")).contains(UNIT_K, "role-head");
    }

    // --- helpers

    static final String ADMIN_PASSWORD = PostgresIntegrationTest.ADMIN_PASSWORD;

    private JsonNode preview(String fileName, byte[] content, String user, String password) {
        HttpResponse<String> response = previewResponse(fileName, content, user, password);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return HttpClient.json(response.body());
    }

    private HttpResponse<String> previewResponse(String fileName, byte[] content, String user, String password) {
        String boundary = "----staff" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return http.send("POST", "/api/admin/officials/import/preview", "multipart/form-data; boundary=" + boundary,
                body.toByteArray(), user, password, Map.of());
    }

    private HttpResponse<String> apply(JsonNode preview, String json) {
        String body = json.replaceFirst("^\\{", "{\"fileHash\":\"" + preview.get("fileHash").asText() + "\""
                + (json.equals("{}") ? "" : ","));
        return http.post("/api/admin/officials/import/" + preview.get("id").asText() + "/apply", body, ADMIN,
                ADMIN_PASSWORD);
    }

    private static JsonNode change(JsonNode view, String userId) {
        for (JsonNode change : view.get("changes")) {
            if (change.get("userId").asText().equals(userId)) {
                return change;
            }
        }
        throw new AssertionError("no change for " + userId + " in " + view);
    }

    private List<String> memberships(String userId) {
        return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
    }

    private void setPassword(String userId) {
        User user = identityService.createUserQuery().userId(userId).singleResult();
        user.setPassword(PASSWORD);
        identityService.saveUser(user);
    }

    private String assign(String assignee, String title) {
        String unit = jdbc.sql("SELECT unit_code FROM org_official WHERE user_id = ?").param(assignee)
                .query(String.class).single();
        HttpResponse<String> response = http.post("/api/assignments", "{\"unitCode\":\"" + unit + "\",\"assignee\":\""
                + assignee + "\",\"title\":\"" + title + "\",\"deadlineWorkingDays\":5}", LEADER, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpClient.json(response.body()).get("assignmentId").asText();
    }

    private void awaitTaskOf(String assignmentId, String assignee) {
        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> taskService.createTaskQuery()
                .processVariableValueEquals("assignmentId", assignmentId).taskAssignee(assignee).count() > 0
                || jdbc.sql("SELECT COUNT(*) FROM asg_assignment a WHERE a.id = ? AND EXISTS (SELECT 1 FROM ACT_RU_TASK t"
                        + " WHERE t.PROC_INST_ID_ = a.process_instance_id AND t.ASSIGNEE_ = ?)")
                .params(assignmentId, assignee).query(Long.class).single() > 0);
    }

    private void assertHandedOver(String assignmentId, String holder) {
        assertThat(jdbc.sql("SELECT holder_user FROM asg_assignment WHERE id = ?").param(assignmentId)
                .query(String.class).single()).isEqualTo(holder);
        assertThat(count("SELECT COUNT(*) FROM asg_assignment a JOIN ACT_RU_TASK t ON t.PROC_INST_ID_ ="
                + " a.process_instance_id WHERE a.id = '" + assignmentId + "' AND t.ASSIGNEE_ = '" + holder + "'"))
                .isOne();
        JsonNode trail = http.getJson("/api/assignments/" + assignmentId, LEADER, PASSWORD).get("trail");
        JsonNode last = trail.get(trail.size() - 1);
        assertThat(last.get("kind").asText()).isEqualTo("DELEGATED");
        assertThat(last.get("actor").asText()).isEqualTo(ADMIN);
        assertThat(last.get("target").asText()).isEqualTo(holder);
        assertThat(last.get("note").asText()).startsWith("Bàn giao công việc của ");
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static byte[] xlsx(String csv) {
        try (org.apache.poi.xssf.usermodel.XSSFWorkbook workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook()) {
            var sheet = workbook.createSheet("Cán bộ");
            String[] lines = csv.split("\n");
            for (int r = 0; r < lines.length; r++) {
                var row = sheet.createRow(r);
                String[] fields = lines[r].split(",", -1);
                for (int c = 0; c < fields.length; c++) {
                    if (fields[c].matches("0[0-9]{9}")) {
                        row.createCell(c).setCellValue(Double.parseDouble(fields[c])); // as Excel keeps a typed phone
                    } else {
                        row.createCell(c).setCellValue(fields[c]);
                    }
                }
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");

    /** The web app's login form: GET for the session and token, then POST (no redirect followed). */
    private HttpResponse<String> webLogin(String user, String password) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> form = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/dang-nhap")).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String cookie = sessionCookie(form);
            Matcher token = CSRF_FIELD.matcher(form.body());
            assertThat(token.find()).as(form.body()).isTrue();
            String body = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8);
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/dang-nhap"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The Camunda webapps' login as Tasklist does it: the CSRF cookie from the app page, then the form; the status. */
    private int webappLogin(String user, String password) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        try {
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/camunda/app/tasklist/default/")).GET().build(), HttpResponse.BodyHandlers.ofString());
            List<String> pairs = page.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0]).toList();
            String xsrf = pairs.stream().filter(p -> p.startsWith("XSRF-TOKEN=")).map(p -> p.substring(11))
                    .findFirst().orElseThrow(() -> new AssertionError("no XSRF cookie: " + page.headers()));
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8);
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                                    + "/camunda/api/admin/auth/user/default/login/tasklist"))
                            .header("Cookie", String.join("; ", pairs)).header("X-XSRF-TOKEN", xsrf)
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A GET in an existing web session (no redirect followed). */
    private HttpResponse<String> getWithSession(String path, String cookie) {
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build();
        try {
            return client.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Cookie", cookie).GET().build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().map(c -> c.split(";", 2)[0])
                .filter(c -> c.startsWith("JSESSIONID")).findFirst()
                .orElseThrow(() -> new AssertionError("no session cookie: " + response.headers()));
    }
}
