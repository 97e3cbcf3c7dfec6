package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * A directive from registration to acceptance on a real PostgreSQL with the job executor on, driven the way officials
 * drive it (Tasklist's engine REST for forms, the application REST for the rest), with time moved by the engine clock.
 *
 * <p>Monday 2 March 2026 09:00: the lead unit (Department of Construction) gets 10 working days (deadline Monday 16
 * March 23:59:59), two wards coordinate with 5 working days (Monday 9 March 23:59:59), the Department of Finance is
 * informed. The lead delegates down twice (head -> division -> official); the official reports, the leader returns
 * it once, time passes the deadline, the official reports again and the leader accepts: completed late.
 */
@PostgresIntegrationTest
class DirectiveJourneyTest {

    static final String PASSWORD = "Nhiem-Vu-2026!";
    static final String LEADER = "ld.vicechair";
    static final String OTHER_LEADER = "ld.vicechair2";
    static final String CLERK = "vp.clerk";
    static final String LEAD_HEAD = "so-xay-dung.giamdoc";
    static final String DIVISION = "so-xay-dung.phong-chuyen-mon";
    static final String DIVISION_CHIEF = "so-xay-dung.truongphong";
    static final String OFFICIAL = "so-xay-dung.chuyenvien";
    static final String WARD_1 = "phuong-cau-ong-lanh";
    static final String WARD_2 = "phuong-tan-dinh";
    static final String WARD_1_HEAD = "phuong-cau-ong-lanh.chutich";
    static final String WARD_2_HEAD = "phuong-tan-dinh.chutich";
    static final String OUTSIDER = "phuong-an-lac.canbo";
    static final String FINANCE_OFFICER = "so-tai-chinh.chuyenvien";
    static final OffsetDateTime MONDAY_MORNING = OffsetDateTime.parse("2026-03-02T09:00:00+07:00");

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    HistoryService historyService;
    @Autowired
    ManagementService managementService;
    @Autowired
    org.camunda.bpm.engine.TaskService taskService;
    @Autowired
    RuntimeService runtimeService;

    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void officialsAndClock() {
        http = new HttpClient(port);
        register(LEADER, "Phó Chủ tịch UBND TP", "ubnd-tp", null, Role.LEADER);
        register(CLERK, "Văn thư Văn phòng", "van-phong-ubnd-tp", "van-phong-ubnd-tp.phong-tong-hop", Role.CLERK);
        register(LEAD_HEAD, "Giám đốc Sở Xây dựng", "so-xay-dung", null, Role.HEAD);
        register(DIVISION_CHIEF, "Trưởng phòng Chuyên môn", "so-xay-dung", DIVISION, Role.DEPUTY);
        register(OFFICIAL, "Chuyên viên Sở Xây dựng", "so-xay-dung", DIVISION, Role.OFFICER);
        register(WARD_1_HEAD, "Chủ tịch UBND phường Cầu Ông Lãnh", WARD_1, null, Role.HEAD);
        register(WARD_2_HEAD, "Chủ tịch UBND phường Tân Định", WARD_2, null, Role.HEAD);
        register(OUTSIDER, "Cán bộ phường An Lạc", "phuong-an-lac", null, Role.OFFICER);
        register(FINANCE_OFFICER, "Chuyên viên Sở Tài chính", "so-tai-chinh", null, Role.OFFICER);
        ClockUtil.setCurrentTime(Date.from(MONDAY_MORNING.toInstant()));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void directiveFromRegistrationToLateAcceptance() throws Exception {
        // The Office registers the directive (no assignment yet).
        HttpResponse<String> registered = http.post("/api/directives", """
                {"source":"CITY_PEOPLES_COMMITTEE","documentNumber":"512/UBND-ĐT","issuedOn":"2026-02-27",
                 "summary":"Về chỉnh trang vỉa hè các tuyến đường trung tâm","urgency":"URGENT"}""", CLERK, PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String directiveId = HttpClient.json(registered.body()).get("directiveId").asText();
        JsonNode directive = get("/api/directives/" + directiveId, CLERK);
        assertThat(directive.get("registeredSameDay").asBoolean()).isTrue();

        // A City PC leader assigns it in Tasklist (the form's variables, through the engine REST API).
        String assignTask = singleTaskId(LEADER, "directive-handling", "Task_AssignDirective");
        // Tasklist names the task after the directive (issue 14); the model keeps its label for analysts
        Task assignment = taskService.createTaskQuery().taskId(assignTask).singleResult();
        assertThat(assignment.getName())
                .isEqualTo("Phân công: Về chỉnh trang vỉa hè các tuyến đường trung tâm (512/UBND-ĐT)");
        assertThat(assignment.getDescription()).contains("Số, ký hiệu: 512/UBND-ĐT", "Nguồn: UBND Thành phố",
                "Ban hành ngày: 27/02/2026", "Độ khẩn: Khẩn");
        HttpResponse<String> assigned = http.post("/engine-rest/task/" + assignTask + "/complete", """
                {"variables":{
                  "leadUnit":{"value":"so-xay-dung","type":"String"},
                  "deadlineWorkingDays":{"value":10,"type":"Long"},
                  "coordinatingUnits":{"value":"[\\"phuong-cau-ong-lanh\\",\\"phuong-tan-dinh\\"]","type":"Json"},
                  "coordinatingWorkingDays":{"value":5,"type":"Long"},
                  "coordinatingDeadlineList":{"value":"[{\\"unit\\":\\"phuong-tan-dinh\\",\\"workingDays\\":3}]","type":"Json"},
                  "informedUnits":{"value":"[\\"so-tai-chinh\\"]","type":"Json"},
                  "assignmentNote":{"value":"Báo cáo kết quả trước ngày 16/3","type":"String"}}}""", LEADER, PASSWORD);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(204);

        // Nothing is assigned yet: the same leader first sees every unit's deadline computed in working days
        // (Monday 2 March + 10 = Monday 16 March; the common 5 = Monday 9 March; Tân Định's own 3 = Thursday 5 March).
        String confirmTask = singleTaskId(LEADER, "directive-handling", "Task_ConfirmAssignment");
        assertThat(get("/api/assignments?directive=" + directiveId, LEADER).size()).isZero();
        assertThat(taskService.createTaskQuery().taskId(confirmTask).singleResult().getAssignee()).isEqualTo(LEADER);
        assertThat(taskService.getVariable(confirmTask, "deadlinePreview")).isEqualTo("""
                Đơn vị chủ trì: Sở Xây dựng — hạn hết ngày 16/03/2026 (thứ Hai) (10 ngày làm việc)
                Đơn vị phối hợp: Phường Cầu Ông Lãnh — hạn hết ngày 09/03/2026 (thứ Hai) (5 ngày làm việc)
                Đơn vị phối hợp: Phường Tân Định — hạn hết ngày 05/03/2026 (thứ Năm) (3 ngày làm việc)
                Đơn vị để biết: Sở Tài chính
                Ý kiến chỉ đạo: Báo cáo kết quả trước ngày 16/3""");
        // another City PC leader cannot confirm someone else's plan
        register(OTHER_LEADER, "Phó Chủ tịch UBND TP (khác)", "ubnd-tp", null, Role.LEADER);
        HttpResponse<String> foreign = http.post("/engine-rest/task/" + confirmTask + "/complete",
                "{\"variables\":{\"assignmentConfirmation\":{\"value\":\"confirm\"}}}", OTHER_LEADER, PASSWORD);
        assertThat(foreign.statusCode()).as(foreign.body()).isIn(403, 404);
        // the confirmation form carries only the choice; a changed plan is refused
        HttpResponse<String> tampered = http.post("/engine-rest/task/" + confirmTask + "/complete", """
                {"variables":{"assignmentConfirmation":{"value":"confirm"},
                  "leadUnit":{"value":"so-tai-chinh","type":"String"}}}""", LEADER, PASSWORD);
        assertThat(tampered.statusCode()).as(tampered.body()).isEqualTo(400);
        HttpResponse<String> confirmed = http.post("/engine-rest/task/" + confirmTask + "/complete",
                "{\"variables\":{\"assignmentConfirmation\":{\"value\":\"confirm\"}}}", LEADER, PASSWORD);
        assertThat(confirmed.statusCode()).as(confirmed.body()).isEqualTo(204);

        // Three assignments run in parallel, each waiting at its unit's head.
        JsonNode list = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/assignments?directive=" + directiveId, LEADER),
                node -> node.size() == 3 && openTaskCount(node) == 3);
        String leadId = idOf(list, "so-xay-dung");
        String ward1Id = idOf(list, WARD_1);
        String ward2Id = idOf(list, WARD_2);
        assertThat(get("/api/assignments/" + leadId, LEADER).get("assignment").get("deadline").asText())
                .isEqualTo("2026-03-16T23:59:59+07:00");
        assertThat(get("/api/assignments/" + ward1Id, LEADER).get("assignment").get("deadline").asText())
                .isEqualTo("2026-03-09T23:59:59+07:00");
        assertThat(get("/api/assignments/" + ward2Id, LEADER).get("assignment").get("deadline").asText())
                .isEqualTo("2026-03-05T23:59:59+07:00");
        assertThat(buckets(directiveId)).containsEntry("OPEN_WITHIN_DEADLINE", 3L).containsEntry("OPEN_OVERDUE", 0L);

        // Every running instance of the directive has a business key Cockpit can search by (issue 14): the
        // directive and its acknowledgements by the document number, each assignment's lifecycle by its id.
        String directiveInstance = HttpClient.json(registered.body()).get("processInstanceId").asText();
        List<ProcessInstance> called = await().atMost(Duration.ofSeconds(30)).until(() -> runtimeService
                .createProcessInstanceQuery().superProcessInstanceId(directiveInstance).list(), l -> l.size() == 4);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(directiveInstance).singleResult()
                .getBusinessKey()).isEqualTo("512/UBND-ĐT");
        assertThat(called).extracting(ProcessInstance::getBusinessKey)
                .containsExactlyInAnyOrder(leadId, ward1Id, ward2Id, "512/UBND-ĐT");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("512/UBND-ĐT").count())
                .isEqualTo(2);

        // Each unit's task says what it is about, for which unit, by when.
        Task leadTask = taskService.createTaskQuery().processInstanceBusinessKey(leadId).singleResult();
        assertThat(leadTask.getName())
                .isEqualTo("Xử lý: Về chỉnh trang vỉa hè các tuyến đường trung tâm (512/UBND-ĐT)");
        assertThat(leadTask.getDescription()).contains("Đơn vị: Sở Xây dựng (chủ trì)", "Văn bản: 512/UBND-ĐT",
                "Hạn xử lý: hết ngày 16/03/2026 (thứ Hai)", "Nội dung: Báo cáo kết quả trước ngày 16/3");
        assertThat(taskService.createTaskQuery().processInstanceBusinessKey(ward1Id).singleResult().getDescription())
                .contains("Đơn vị: Phường Cầu Ông Lãnh (phối hợp)", "Hạn xử lý: hết ngày 09/03/2026 (thứ Hai)");

        // Other wards see nothing of it.
        assertThat(http.get("/api/assignments/" + leadId, OUTSIDER, PASSWORD).statusCode()).isEqualTo(404);
        assertThat(get("/api/assignments?directive=" + directiveId, OUTSIDER).size()).isZero();

        // The wards report on time; the lead unit's head accepts their contributions.
        act(ward1Id, "report", "{\"result\":\"Đã rà soát 12 tuyến đường\"}", WARD_1_HEAD);
        act(ward2Id, "report", "{\"result\":\"Đã rà soát 8 tuyến đường\"}", WARD_2_HEAD);
        act(ward1Id, "review", "{\"accepted\":true}", LEAD_HEAD);
        act(ward2Id, "review", "{\"accepted\":true}", LEAD_HEAD);
        JsonNode leadView = get("/api/assignments/" + leadId, LEAD_HEAD);
        assertThat(leadView.get("contributions").findValuesAsText("bucket"))
                .containsExactly("COMPLETED_ON_TIME", "COMPLETED_ON_TIME");

        // Delegated down twice in the lead unit: head -> division -> official.
        act(leadId, "delegate", "{\"to\":\"" + DIVISION + "\",\"note\":\"Phòng Chuyên môn chủ trì\"}", LEAD_HEAD);
        act(leadId, "delegate", "{\"to\":\"" + OFFICIAL + "\",\"note\":\"Giao đồng chí xử lý\"}", DIVISION_CHIEF);
        assertThat(get("/api/assignments?official=" + OFFICIAL, OFFICIAL).findValuesAsText("id")).contains(leadId);
        act(leadId, "report", "{\"result\":\"Dự thảo kế hoạch chỉnh trang\"}", OFFICIAL);
        act(leadId, "review", "{\"accepted\":false,\"note\":\"Bổ sung kinh phí dự kiến\"}", LEADER);
        assertThat(get("/api/assignments/" + leadId, OFFICIAL).get("openTasks").findValuesAsText("assignee"))
                .containsExactly(OFFICIAL);

        // Time passes the lead deadline (Tuesday 17 March): the lead assignment is open and overdue.
        ClockUtil.setCurrentTime(Date.from(OffsetDateTime.parse("2026-03-17T10:00:00+07:00").toInstant()));
        // the deadline watcher catches up first (overdue alert; the reminders it overtook are not sent), so the
        // official's next steps do not race its timer job; its next alert is tomorrow morning
        await().atMost(Duration.ofSeconds(30)).until(() -> managementService.createJobQuery().timers()
                .duedateLowerThan(ClockUtil.getCurrentTime()).count() == 0);
        assertThat(buckets(directiveId)).containsEntry("OPEN_OVERDUE", 1L).containsEntry("COMPLETED_ON_TIME", 2L);
        // the overdue alert reaches the official who holds it and the unit head, through the outbox and relay
        for (String user : List.of(OFFICIAL, LEAD_HEAD)) {
            JsonNode overdue = await().atMost(Duration.ofSeconds(30)).until(() -> inboxItem(user, leadId, "OVERDUE"),
                    item -> item != null);
            assertThat(overdue.get("subject").asText()).startsWith("[Quá hạn]").contains("512/UBND-ĐT");
            assertThat(overdue.get("body").asText()).contains("hết ngày 16/03/2026 (thứ Hai)");
        }
        assertThat(get("/api/assignments?bucket=OPEN_OVERDUE&directive=" + directiveId, LEADER)
                .findValuesAsText("id")).containsExactly(leadId);

        act(leadId, "report", "{\"result\":\"Kế hoạch chỉnh trang, kèm dự toán kinh phí\"}", OFFICIAL);
        act(leadId, "review", "{\"accepted\":true,\"note\":\"Đồng ý\"}", LEADER);

        assertThat(buckets(directiveId)).containsEntry("COMPLETED_LATE", 1L).containsEntry("COMPLETED_ON_TIME", 2L)
                .containsEntry("OPEN_OVERDUE", 0L).containsEntry("OPEN_WITHIN_DEADLINE", 0L);
        JsonNode lead = get("/api/assignments/" + leadId, LEADER);
        assertThat(lead.get("trail").findValuesAsText("kind")).containsExactly("ASSIGNED", "DELEGATED", "DELEGATED",
                "REPORTED", "RETURNED", "REPORTED", "ACCEPTED");
        assertThat(lead.get("trail").findValuesAsText("actor")).containsExactly(LEADER, LEAD_HEAD, DIVISION_CHIEF,
                OFFICIAL, LEADER, OFFICIAL, LEADER);
        assertThat(lead.get("trail").get(1).get("target").asText()).isEqualTo(DIVISION);
        assertThat(lead.get("trail").get(2).get("target").asText()).isEqualTo(OFFICIAL);
        assertThat(lead.get("trail").get(4).get("note").asText()).isEqualTo("Bổ sung kinh phí dự kiến");

        // The informed unit has not confirmed yet: nothing is cancelled silently, the leader who assigned the
        // directive sees what is open and decides to wait.
        String decision = singleTaskId(LEADER, "directive-handling", "Task_DecideOnOpenWork");
        assertThat(taskService.createTaskQuery().taskId(decision).singleResult().getName())
                .isEqualTo("Kết thúc chỉ đạo: Về chỉnh trang vỉa hè các tuyến đường trung tâm (512/UBND-ĐT)");
        assertThat(taskService.getVariable(decision, "openWork")).asString()
                .contains("Đơn vị nhận để biết chưa xác nhận").contains("Sở Tài chính");
        HttpResponse<String> waited = http.post("/engine-rest/task/" + decision + "/complete",
                "{\"variables\":{\"closeDecision\":{\"value\":\"wait\"}}}", LEADER, PASSWORD);
        assertThat(waited.statusCode()).as(waited.body()).isEqualTo(204);
        assertThat(get("/api/directives/" + directiveId, CLERK).hasNonNull("closedAt")).isFalse();
        assertThat(get("/api/directives/" + directiveId, CLERK).get("closeDecision").asText()).isEqualTo("WAIT");

        // The informed unit confirms; now every piece of work is done and the directive closes.
        String acknowledgement = singleTaskId(FINANCE_OFFICER, "document-acknowledgement", "Task_AcknowledgeDocument");
        Task acknowledgementTask = taskService.createTaskQuery().taskId(acknowledgement).singleResult();
        assertThat(acknowledgementTask.getName())
                .isEqualTo("Xác nhận đã nhận: Về chỉnh trang vỉa hè các tuyến đường trung tâm (512/UBND-ĐT)");
        assertThat(acknowledgementTask.getDescription()).contains("Đơn vị nhận để biết: Sở Tài chính");
        assertThat(http.post("/engine-rest/task/" + acknowledgement + "/claim",
                "{\"userId\":\"" + FINANCE_OFFICER + "\"}", FINANCE_OFFICER, PASSWORD).statusCode()).isEqualTo(204);
        assertThat(http.post("/engine-rest/task/" + acknowledgement + "/complete",
                "{\"variables\":{\"acknowledgementNote\":{\"value\":\"Đã nhận\"}}}", FINANCE_OFFICER, PASSWORD)
                .statusCode()).isEqualTo(204);
        JsonNode closed = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/api/directives/" + directiveId, CLERK), d -> d.hasNonNull("closedAt"));
        assertThat(closed.get("assignedBy").asText()).isEqualTo(LEADER);
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(directiveInstance)
                .singleResult().getEndActivityId()).isEqualTo("EndEvent_DirectiveCompleted");

        JsonNode bySource = get("/api/assignments/summary?by=source&directive=" + directiveId, LEADER);
        assertThat(bySource.get("groups").get(0).get("key").asText()).isEqualTo("CITY_PEOPLES_COMMITTEE");
        JsonNode byLeader = get("/api/assignments/summary?by=leader&directive=" + directiveId, LEADER);
        assertThat(byLeader.get("groups").get(0).get("key").asText()).isEqualTo(LEADER);
        assertThat(byLeader.get("groups").get(0).get("counts").get("COMPLETED_LATE").asLong()).isEqualTo(1);
    }

    private JsonNode inboxItem(String user, String assignmentId, String kind) {
        for (JsonNode item : get("/api/inbox", user)) {
            if (assignmentId.equals(item.path("assignmentId").asText()) && kind.equals(item.path("kind").asText())) {
                return item;
            }
        }
        return null;
    }

    private void register(String user, String name, String unit, String division, Role role) {
        accounts.register(new Official(user, name, null, unit, division, role), PASSWORD);
    }

    private JsonNode get(String path, String user) {
        return http.getJson(path, user, PASSWORD);
    }

    private void act(String assignmentId, String action, String body, String user) {
        HttpResponse<String> response = http.post("/api/assignments/" + assignmentId + "/" + action, body, user,
                PASSWORD);
        assertThat(response.statusCode()).as(action + " by " + user + ": " + response.body()).isEqualTo(204);
    }

    private String singleTaskId(String user, String processKey, String taskKey) {
        JsonNode tasks = await().atMost(Duration.ofSeconds(30)).until(
                () -> get("/engine-rest/task?processDefinitionKey=" + processKey + "&taskDefinitionKey=" + taskKey,
                        user), node -> node.size() == 1);
        return tasks.get(0).get("id").asText();
    }

    private long openTaskCount(JsonNode assignments) {
        long count = 0;
        for (JsonNode assignment : assignments) {
            count += get("/api/assignments/" + assignment.get("id").asText(), LEADER).get("openTasks").size();
        }
        return count;
    }

    private static String idOf(JsonNode assignments, String unitCode) {
        List<String> ids = new ArrayList<>();
        assignments.forEach(a -> {
            if (a.get("unitCode").asText().equals(unitCode)) {
                ids.add(a.get("id").asText());
            }
        });
        assertThat(ids).hasSize(1);
        return ids.get(0);
    }

    private java.util.Map<String, Long> buckets(String directiveId) {
        JsonNode total = get("/api/assignments/summary?directive=" + directiveId, LEADER).get("total");
        java.util.Map<String, Long> result = new java.util.LinkedHashMap<>();
        total.fields().forEachRemaining(e -> result.put(e.getKey(), e.getValue().asLong()));
        return result;
    }
}
