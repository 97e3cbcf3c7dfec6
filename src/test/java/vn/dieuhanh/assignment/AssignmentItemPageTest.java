package vn.dieuhanh.assignment;

import vn.dieuhanh.PageSession;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
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
 * The item page {@code /viec/{id}} over HTTP with a signed-in session and its CSRF token, on PostgreSQL: every action
 * works through the page and is recorded in the trail; refusals come back in Vietnamese with their 4xx, near the form
 * (htmx); an official of another ward gets 404 on the page and on every action.
 */
@PostgresIntegrationTest
class AssignmentItemPageTest {

    static final String PASSWORD = "Trang-Viec-2026!";
    static final String UNIT = "phuong-an-khanh";
    static final String LEADER = "viec.lanh-dao";
    static final String HEAD = "phuong-an-khanh.viec-truong";
    static final String OFFICER = "phuong-an-khanh.viec-canbo";
    static final String OTHER_WARD = "phuong-thu-duc.viec-canbo";
    static final String DIVISION = "phuong-an-khanh.van-phong";
    static final String CLERK = "viec.van-thu";
    static final String LEAD_HEAD = "so-du-lich.viec-giam-doc";
    /** Wednesday 4 March 2026, 14:00. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-04T14:00:00+07:00");
    static final List<String> ACTIONS = List.of("giao-lai", "bao-cao", "xin-gia-han", "xem-xet", "gia-han",
            "nhac-viec", "trao-doi");

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @BeforeEach
    void setUp() {
        accounts.register(new Official(LEADER, "Phó Chủ tịch Lê Văn Giao", null, "ubnd-tp", null, Role.LEADER),
                PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch phường Trần Văn Trưởng", null, UNIT, null, Role.HEAD),
                PASSWORD);
        accounts.register(new Official(OFFICER, "Công chức Nguyễn Thị Cán", null, UNIT, DIVISION, Role.OFFICER),
                PASSWORD);
        accounts.register(new Official(OTHER_WARD, "Công chức phường Thủ Đức", null, "phuong-thu-duc", null,
                Role.OFFICER), PASSWORD);
        accounts.register(new Official(CLERK, "Văn thư Văn phòng UBND TP", null, "van-phong-ubnd-tp",
                "van-phong-ubnd-tp.phong-tong-hop", Role.CLERK), PASSWORD);
        accounts.register(new Official(LEAD_HEAD, "Giám đốc Sở Du lịch", null, "so-du-lich", null, Role.HEAD),
                PASSWORD);
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void headDelegatesOfficerReportsLeaderReturnsThenAcceptsAllThroughThePage() {
        String id = assign("Kiểm tra vệ sinh an toàn thực phẩm chợ An Khánh", HEAD);
        PageSession head = PageSession.login(port, HEAD, PASSWORD);

        HttpResponse<String> page = head.get("/viec/" + id);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("Kiểm tra vệ sinh an toàn thực phẩm chợ An Khánh",
                "hết ngày 09/03/2026 (thứ Hai)", "Còn 3 ngày làm việc", "status b-OPEN_WITHIN_DEADLINE", "Phường An Khánh",
                "Phó Chủ tịch Lê Văn Giao", "Giao nhiệm vụ", "Báo cáo kết quả", "Giao lại", "Xin gia hạn",
                // the picker: the unit's divisions and officials, not the head himself
                "value=\"" + DIVISION + "\"", "value=\"" + OFFICER + "\"", "Công chức Nguyễn Thị Cán (Chuyên viên)")
                .doesNotContain("value=\"" + HEAD + "\"", "Xem xét kết quả", "Nhắc việc</summary>");

        // a plain form post: back to the page
        HttpResponse<String> delegated = head.postForm("/viec/" + id + "/giao-lai",
                Map.of("to", OFFICER, "note", "Đồng chí Cán chủ trì, báo cáo trước thứ Hai"));
        assertThat(delegated.statusCode()).as(delegated.body()).isEqualTo(302);
        assertThat(delegated.headers().firstValue("Location").orElseThrow()).endsWith("/viec/" + id);
        assertThat(trail(id)).containsExactly("ASSIGNED", "DELEGATED");
        awaitTask(id, "Task_HandleAssignment", OFFICER);
        assertThat(head.get("/viec/" + id).body()).contains("Phân công, giao lại", "Công chức Nguyễn Thị Cán",
                "Đồng chí Cán chủ trì, báo cáo trước thứ Hai").doesNotContain("Gửi báo cáo");

        // the officer reports in place (htmx): the updated item comes back
        PageSession officer = PageSession.login(port, OFFICER, PASSWORD);
        assertThat(officer.get("/viec/" + id).body()).contains("Gửi báo cáo");
        HttpResponse<String> reported = officer.htmx("/viec/" + id + "/bao-cao",
                Map.of("result", "Đã kiểm tra 38 quầy hàng, nhắc nhở 3 hộ kinh doanh."));
        assertThat(reported.statusCode()).as(reported.body()).isEqualTo(200);
        assertThat(reported.body()).contains("Đã gửi báo cáo kết quả.", "id=\"viec\"",
                "Đã kiểm tra 38 quầy hàng, nhắc nhở 3 hộ kinh doanh.").doesNotContain("<html");
        awaitTask(id, "Task_ReviewResult", LEADER);

        // the reporter cannot review his own result
        HttpResponse<String> ownReview = officer.htmx("/viec/" + id + "/xem-xet", Map.of("decision", "chap-nhan"));
        assertThat(ownReview.statusCode()).isEqualTo(403);
        assertThat(ownReview.body()).contains("Không được tự xem xét nội dung do chính mình gửi");
        assertThat(ownReview.headers().firstValue("HX-Retarget")).hasValue("#loi-xem-xet");

        PageSession leader = PageSession.login(port, LEADER, PASSWORD);
        assertThat(leader.get("/viec/" + id).body()).contains("Xem xét kết quả", "Chấp nhận kết quả",
                "Đã kiểm tra 38 quầy hàng", "Nhắc việc");
        // returning needs a reason: said near the form, nothing changes
        HttpResponse<String> noReason = leader.htmx("/viec/" + id + "/xem-xet", Map.of("decision", "tra-lai"));
        assertThat(noReason.statusCode()).isEqualTo(400);
        assertThat(noReason.body()).contains("Nêu lý do trả lại").doesNotContain("Exception", "at vn.");
        assertThat(noReason.headers().firstValue("HX-Retarget")).hasValue("#loi-xem-xet");
        assertThat(trail(id)).containsExactly("ASSIGNED", "DELEGATED", "REPORTED");
        // without htmx: the page again, the message next to the review form
        HttpResponse<String> plain = leader.postForm("/viec/" + id + "/xem-xet", Map.of("decision", "tra-lai"));
        assertThat(plain.statusCode()).isEqualTo(400);
        assertThat(plain.body()).contains("<html", "id=\"loi-xem-xet\"", "Nêu lý do trả lại", "Xem xét kết quả");

        assertThat(leader.htmx("/viec/" + id + "/xem-xet",
                Map.of("decision", "tra-lai", "note", "Bổ sung danh sách hộ vi phạm")).statusCode()).isEqualTo(200);
        awaitTask(id, "Task_HandleAssignment", OFFICER);
        assertThat(officer.htmx("/viec/" + id + "/bao-cao", Map.of("result", "Bổ sung: danh sách 3 hộ kèm theo."))
                .statusCode()).isEqualTo(200);
        awaitTask(id, "Task_ReviewResult", LEADER);
        HttpResponse<String> accepted = leader.htmx("/viec/" + id + "/xem-xet", Map.of("decision", "chap-nhan"));
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(200);
        assertThat(accepted.body()).contains("Đã chấp nhận kết quả.", "Hoàn thành đúng hạn");
        assertThat(trail(id)).containsExactly("ASSIGNED", "DELEGATED", "REPORTED", "RETURNED", "REPORTED",
                "ACCEPTED");

        // finished work stays viewable, with no actions left
        HttpResponse<String> finished = officer.get("/viec/" + id);
        assertThat(finished.statusCode()).isEqualTo(200);
        assertThat(finished.body()).contains("Hoàn thành đúng hạn", "status b-COMPLETED_ON_TIME", "Hoàn thành lúc",
                "Trả lại yêu cầu làm lại", "Bổ sung danh sách hộ vi phạm", "Chấp nhận kết quả")
                .doesNotContain("Việc cần làm", "Gửi báo cáo");
    }

    @Test
    void extensionRequestedAndApprovedThroughThePageMovesTheDeadline() {
        String id = assign("Rà soát hộ nghèo quý I", HEAD);
        PageSession head = PageSession.login(port, HEAD, PASSWORD);
        HttpResponse<String> early = head.htmx("/viec/" + id + "/xin-gia-han",
                Map.of("proposedDeadline", "2026-03-06", "reason", "Thiếu nhân lực"));
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("phải sau thời hạn hiện tại");
        assertThat(early.headers().firstValue("HX-Retarget")).hasValue("#loi-xin-gia-han");
        HttpResponse<String> notADate = head.htmx("/viec/" + id + "/xin-gia-han",
                Map.of("proposedDeadline", "13/03/2026", "reason", "Thiếu nhân lực"));
        assertThat(notADate.statusCode()).isEqualTo(400);
        assertThat(notADate.body()).contains("Ngày không hợp lệ");

        assertThat(head.htmx("/viec/" + id + "/xin-gia-han",
                Map.of("proposedDeadline", "2026-03-13", "reason", "Chờ số liệu của Công an phường")).statusCode())
                .isEqualTo(200);
        awaitTask(id, "Task_ReviewExtension", LEADER);
        // the requester does not decide on his own request
        HttpResponse<String> own = head.htmx("/viec/" + id + "/gia-han", Map.of("decision", "dong-y"));
        assertThat(own.statusCode()).isEqualTo(403);
        assertThat(own.body()).contains("Không được tự xem xét");

        PageSession leader = PageSession.login(port, LEADER, PASSWORD);
        assertThat(leader.get("/viec/" + id).body()).contains("Xem xét đề nghị gia hạn",
                "Đề nghị gia hạn đến hết ngày 13/03/2026 (thứ Sáu)", "Chờ số liệu của Công an phường");
        HttpResponse<String> approved = leader.htmx("/viec/" + id + "/gia-han",
                Map.of("decision", "dong-y", "note", "Đồng ý"));
        assertThat(approved.statusCode()).as(approved.body()).isEqualTo(200);
        assertThat(approved.body()).contains("Đã đồng ý gia hạn.", "Thời hạn mới: hết ngày 13/03/2026 (thứ Sáu)");
        assertThat(trail(id)).containsExactly("ASSIGNED", "EXTENSION_REQUESTED", "EXTENSION_APPROVED");
        awaitTask(id, "Task_HandleAssignment", HEAD);
        assertThat(head.get("/viec/" + id).body()).contains("hết ngày 13/03/2026 (thứ Sáu)", "Còn 7 ngày làm việc");
    }

    @Test
    void conversationAndNudgeThroughThePage() {
        String id = assign("Tuyên truyền phòng cháy chữa cháy mùa khô", HEAD);
        PageSession head = PageSession.login(port, HEAD, PASSWORD);
        HttpResponse<String> written = head.htmx("/viec/" + id + "/trao-doi",
                Map.of("text", "Xin ý kiến: có cần phối hợp với Công an phường không?"));
        assertThat(written.statusCode()).as(written.body()).isEqualTo(200);
        assertThat(written.body()).contains("id=\"trao-doi\"", "Xin ý kiến: có cần phối hợp với Công an phường không?",
                "Chủ tịch phường Trần Văn Trưởng");
        HttpResponse<String> empty = head.htmx("/viec/" + id + "/trao-doi", Map.of("text", "  "));
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("Nhập nội dung trao đổi");
        assertThat(empty.headers().firstValue("HX-Retarget")).hasValue("#loi-trao-doi");

        // only the assigner (or a City PC leader) nudges; the head is offered no button and is refused
        assertThat(head.get("/viec/" + id).body()).doesNotContain("Nhắc việc</summary>");
        HttpResponse<String> headNudge = head.htmx("/viec/" + id + "/nhac-viec", Map.of());
        assertThat(headNudge.statusCode()).isEqualTo(403);
        assertThat(headNudge.body()).contains("Chỉ người giao việc hoặc lãnh đạo UBND Thành phố được nhắc việc");

        PageSession leader = PageSession.login(port, LEADER, PASSWORD);
        assertThat(leader.get("/viec/" + id).body()).contains("Xin ý kiến: có cần phối hợp", "Nhắc việc</summary>");
        assertThat(leader.postForm("/viec/" + id + "/trao-doi", Map.of("text", "Có, phối hợp Công an phường."))
                .statusCode()).isEqualTo(302);
        HttpResponse<String> nudged = leader.htmx("/viec/" + id + "/nhac-viec",
                Map.of("note", "Đề nghị báo cáo tiến độ trong tuần"));
        assertThat(nudged.statusCode()).as(nudged.body()).isEqualTo(200);
        assertThat(nudged.body()).contains("Đã nhắc việc.", "Lãnh đạo nhắc việc", "Đề nghị báo cáo tiến độ trong tuần");
        assertThat(trail(id)).containsExactly("ASSIGNED", "NUDGED");
        assertThat(jdbc.sql("SELECT count(*) FROM ntf_message WHERE assignment_id = ?").param(id).query(Long.class)
                .single()).isEqualTo(2);
    }

    /** The attacker: signed in, but of another ward. Nothing of the assignment is shown, nothing is done. */
    @Test
    void anOfficialOfAnotherWardGetsNotFoundOnThePageAndOnEveryAction() {
        String id = assign("Cập nhật dữ liệu dân cư khu phố 3", HEAD);
        PageSession attacker = PageSession.login(port, OTHER_WARD, PASSWORD);
        HttpResponse<String> page = attacker.get("/viec/" + id);
        assertThat(page.statusCode()).isEqualTo(404);
        assertThat(page.body()).contains("Không tìm thấy").doesNotContain("Cập nhật dữ liệu dân cư");
        // the refusal is the web app's error page, in the layout: header, navigation and badges
        assertThat(page.body()).contains("class=\"app-header\"", "id=\"unread-badge\"", "id=\"work-badge\"");
        Map<String, String> fields = Map.of("to", OTHER_WARD, "result", "x", "proposedDeadline", "2026-03-20",
                "reason", "x", "decision", "chap-nhan", "note", "x", "text", "x");
        for (String action : ACTIONS) {
            HttpResponse<String> htmx = attacker.htmx("/viec/" + id + "/" + action, fields);
            assertThat(htmx.statusCode()).as(action + " (htmx)").isEqualTo(404);
            assertThat(htmx.body()).as(action).contains("Không tìm thấy")
                    .doesNotContain("Cập nhật dữ liệu dân cư");
            HttpResponse<String> plain = attacker.postForm("/viec/" + id + "/" + action, fields);
            assertThat(plain.statusCode()).as(action).isEqualTo(404);
            assertThat(plain.body()).doesNotContain("Cập nhật dữ liệu dân cư");
        }
        assertThat(trail(id)).containsExactly("ASSIGNED");
        assertThat(jdbc.sql("SELECT count(*) FROM ntf_message WHERE assignment_id = ?").param(id).query(Long.class)
                .single()).isZero();
        assertThat(attacker.get("/viec/khong-co-viec-nay").statusCode()).isEqualTo(404);

        // without a login: to the login page; without the session's CSRF token: refused before anything runs
        assertThat(new HttpClient(port).getWithCookies("/viec/" + id, "").statusCode()).isEqualTo(302);
        PageSession head = PageSession.login(port, HEAD, PASSWORD);
        assertThat(head.postWithoutToken("/viec/" + id + "/bao-cao", Map.of("result", "x")).statusCode())
                .isEqualTo(403);
        assertThat(trail(id)).containsExactly("ASSIGNED");
    }

    /** A forged picker value (an official of another ward, an unknown code) is refused by the service's rule. */
    @Test
    void aForgedDelegateTargetIsRefused() {
        String id = assign("Kiểm tra công trình xây dựng không phép", HEAD);
        PageSession head = PageSession.login(port, HEAD, PASSWORD);
        HttpResponse<String> otherWard = head.htmx("/viec/" + id + "/giao-lai", Map.of("to", OTHER_WARD));
        assertThat(otherWard.statusCode()).isEqualTo(400);
        assertThat(otherWard.body()).contains("không thuộc đơn vị " + UNIT);
        assertThat(otherWard.headers().firstValue("HX-Retarget")).hasValue("#loi-giao-lai");
        HttpResponse<String> unknown = head.htmx("/viec/" + id + "/giao-lai", Map.of("to", "phuong-thu-duc.van-phong"));
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(unknown.body()).contains("không phải phòng ban hay cán bộ của đơn vị");
        HttpResponse<String> none = head.htmx("/viec/" + id + "/giao-lai", Map.of("to", ""));
        assertThat(none.statusCode()).isEqualTo(400);
        assertThat(none.body()).contains("Chọn phòng ban hoặc cán bộ");
        HttpResponse<String> badChoice = head.htmx("/viec/" + id + "/xem-xet", Map.of("decision", "yes"));
        assertThat(badChoice.statusCode()).isEqualTo(400);
        assertThat(badChoice.body()).contains("Chọn chấp nhận hoặc trả lại");
        // the officer holds no step: reporting is refused, with the step's holder named
        PageSession officer = PageSession.login(port, OFFICER, PASSWORD);
        HttpResponse<String> notHis = officer.htmx("/viec/" + id + "/bao-cao", Map.of("result", "x"));
        assertThat(notHis.statusCode()).isEqualTo(403);
        assertThat(notHis.body()).contains("Bước này do người khác xử lý");
        assertThat(trail(id)).containsExactly("ASSIGNED");
        // a division is a valid target: the unit's members of it see the step
        assertThat(head.htmx("/viec/" + id + "/giao-lai", Map.of("to", DIVISION)).statusCode()).isEqualTo(200);
        assertThat(trail(id)).containsExactly("ASSIGNED", "DELEGATED");
    }

    /** A directive with a coordinating ward: the lead unit's page shows the ward's status and reported result. */
    @Test
    void leadUnitSeesItsCoordinatingUnitWithStatusAndResult() {
        HttpClient http = new HttpClient(port);
        HttpResponse<String> registered = http.post("/api/directives", """
                {"source":"CITY_PEOPLES_COMMITTEE","documentNumber":"77/UBND-VX","issuedOn":"2026-03-02",
                 "summary":"Về tổ chức Lễ hội Áo dài năm 2026"}""", CLERK, PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String directiveId = HttpClient.json(registered.body()).get("directiveId").asText();
        String directiveInstance = HttpClient.json(registered.body()).get("processInstanceId").asText();
        String assignTask = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceId(directiveInstance).taskDefinitionKey("Task_AssignDirective").list(),
                l -> l.size() == 1).get(0).getId();
        HttpResponse<String> assigned = http.post("/engine-rest/task/" + assignTask + "/complete", """
                {"variables":{
                  "leadUnit":{"value":"so-du-lich","type":"String"},
                  "deadlineWorkingDays":{"value":10,"type":"Long"},
                  "coordinatingUnits":{"value":"[\\"phuong-an-khanh\\"]","type":"Json"},
                  "coordinatingWorkingDays":{"value":5,"type":"Long"},
                  "informedUnits":{"value":"[]","type":"Json"},
                  "assignmentNote":{"value":"Phối hợp bảo đảm an ninh trật tự","type":"String"}}}""", LEADER, PASSWORD);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);
        // the leader confirms the deadlines computed in working days before anything is assigned
        String confirmTask = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> taskService
                .createTaskQuery().processInstanceId(directiveInstance).taskDefinitionKey("Task_ConfirmAssignment")
                .list(), l -> l.size() == 1).get(0).getId();
        HttpResponse<String> confirmed = http.post("/engine-rest/task/" + confirmTask + "/complete",
                "{\"variables\":{\"assignmentConfirmation\":{\"value\":\"confirm\"}}}", LEADER, PASSWORD);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);
        List<String[]> rows = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT id, unit_code FROM asg_assignment WHERE directive_id = ?").param(directiveId)
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2)}).list(), l -> l.size() == 2);
        String leadId = rows.stream().filter(r -> r[1].equals("so-du-lich")).findFirst().orElseThrow()[0];
        String wardId = rows.stream().filter(r -> r[1].equals(UNIT)).findFirst().orElseThrow()[0];
        awaitTask(wardId, "Task_HandleAssignment", HEAD);

        PageSession ward = PageSession.login(port, HEAD, PASSWORD);
        HttpResponse<String> wardPage = ward.get("/viec/" + wardId);
        assertThat(wardPage.statusCode()).isEqualTo(200);
        assertThat(wardPage.body()).contains("Về tổ chức Lễ hội Áo dài năm 2026", "77/UBND-VX", "(Phối hợp)",
                "Phối hợp cho", "Sở Du lịch chủ trì", "UBND Thành phố");
        assertThat(ward.htmx("/viec/" + wardId + "/bao-cao",
                Map.of("result", "Đã bố trí 20 dân quân tự vệ trong 3 ngày lễ hội.")).statusCode()).isEqualTo(200);

        awaitTask(leadId, "Task_HandleAssignment", LEAD_HEAD);
        PageSession lead = PageSession.login(port, LEAD_HEAD, PASSWORD);
        HttpResponse<String> leadPage = lead.get("/viec/" + leadId);
        assertThat(leadPage.statusCode()).isEqualTo(200);
        assertThat(leadPage.body()).contains("Đơn vị phối hợp", "Phường An Khánh", "(Chủ trì)",
                "Đã bố trí 20 dân quân tự vệ trong 3 ngày lễ hội.", "hết ngày 11/03/2026 (thứ Tư)",
                "href=\"/viec/" + wardId + "\"");
        // the lead unit sees the ward's page too (its contribution), but is not offered the ward's steps
        assertThat(lead.get("/viec/" + wardId).body()).contains("Đã bố trí 20 dân quân").doesNotContain("Gửi báo cáo");
    }

    private String assign(String title, String assignee) {
        HttpResponse<String> created = new HttpClient(port).post("/api/assignments", "{\"unitCode\":\"" + UNIT
                + "\",\"assignee\":\"" + assignee + "\",\"title\":\"" + title + "\",\"deadlineWorkingDays\":3}",
                LEADER, PASSWORD);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        String id = HttpClient.json(created.body()).get("assignmentId").asText();
        awaitTask(id, "Task_HandleAssignment", assignee);
        return id;
    }

    private void awaitTask(String assignmentId, String taskKey, String assignee) {
        String instance = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                        "SELECT process_instance_id FROM asg_assignment WHERE id = ?").param(assignmentId)
                .query(String.class).optional().orElse(null), java.util.Objects::nonNull);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceId(instance).taskDefinitionKey(taskKey).taskAssignee(assignee).count() == 1);
    }

    private List<String> trail(String assignmentId) {
        return jdbc.sql("SELECT kind FROM asg_trail_event WHERE assignment_id = ? ORDER BY id").param(assignmentId)
                .query(String.class).list();
    }
}
