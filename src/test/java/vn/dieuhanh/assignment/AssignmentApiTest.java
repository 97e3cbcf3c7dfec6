package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Date;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.HistoryService;
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

/** Instant assignments, extensions, cancellation and refused input through the REST API, on PostgreSQL. */
@PostgresIntegrationTest
class AssignmentApiTest {

    static final String PASSWORD = "Giao-Viec-2026!";
    static final String LEADER = "ld.chair";
    static final String HEAD = "phuong-ban-co.chutich";
    static final String OFFICER = "phuong-ban-co.canbo";
    static final String OTHER_WARD_OFFICER = "phuong-xuan-hoa.canbo";
    /** Wednesday 4 March 2026, 14:00. */
    static final OffsetDateTime NOW = OffsetDateTime.parse("2026-03-04T14:00:00+07:00");

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Chủ tịch UBND TP", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(HEAD, "Chủ tịch UBND phường Bàn Cờ", null, "phuong-ban-co", null, Role.HEAD),
                PASSWORD);
        accounts.register(new Official(OFFICER, "Công chức phường Bàn Cờ", null, "phuong-ban-co",
                "phuong-ban-co.van-phong", Role.OFFICER), PASSWORD);
        accounts.register(new Official(OTHER_WARD_OFFICER, "Công chức phường Xuân Hòa", null, "phuong-xuan-hoa",
                null, Role.OFFICER), PASSWORD);
        ClockUtil.setCurrentTime(Date.from(NOW.toInstant()));
    }

    @AfterEach
    void realTime() {
        ClockUtil.reset();
    }

    @Test
    void leaderAssignsInstantlyAndApprovesAnExtensionThatMovesTheDeadline() {
        String id = assign("{\"unitCode\":\"phuong-ban-co\",\"title\":\"Kiểm tra trật tự đô thị\","
                + "\"deadlineWorkingDays\":3}");
        // from Wednesday 4 March: Thursday, Friday, Monday 9 March
        assertThat(deadlineOf(id)).isEqualTo("2026-03-09T23:59:59+07:00");
        String handleTask = awaitOpenTask(id, "Task_HandleAssignment", HEAD);
        assertThat(taskService.createTaskQuery().taskId(handleTask).singleResult().getDueDate())
                .isEqualTo(Date.from(OffsetDateTime.parse("2026-03-09T23:59:59+07:00").toInstant()));

        // An extension to a date before the current deadline is refused with a clear message; nothing changes.
        HttpResponse<String> early = post("/api/assignments/" + id + "/extension-requests",
                "{\"proposedDeadline\":\"2026-03-06\",\"reason\":\"Thiếu nhân lực\"}", HEAD);
        assertThat(early.statusCode()).isEqualTo(400);
        assertThat(early.body()).contains("phải sau thời hạn hiện tại");
        assertThat(awaitOpenTask(id, "Task_HandleAssignment", HEAD)).isEqualTo(handleTask);

        assertThat(post("/api/assignments/" + id + "/extension-requests",
                "{\"proposedDeadline\":\"2026-03-13\",\"reason\":\"Chờ ý kiến của Sở Xây dựng\"}", HEAD).statusCode())
                .isEqualTo(204);
        awaitOpenTask(id, "Task_ReviewExtension", LEADER);
        assertThat(post("/api/assignments/" + id + "/extension-decision",
                "{\"accepted\":true,\"note\":\"Đồng ý\"}", LEADER).statusCode()).isEqualTo(204);

        assertThat(deadlineOf(id)).isEqualTo("2026-03-13T23:59:59+07:00");
        String newHandleTask = awaitOpenTask(id, "Task_HandleAssignment", HEAD);
        assertThat(taskService.createTaskQuery().taskId(newHandleTask).singleResult().getDueDate())
                .isEqualTo(Date.from(OffsetDateTime.parse("2026-03-13T23:59:59+07:00").toInstant()));
        JsonNode trail = get("/api/assignments/" + id, LEADER).get("trail");
        assertThat(trail.findValuesAsText("kind"))
                .containsExactly("ASSIGNED", "EXTENSION_REQUESTED", "EXTENSION_APPROVED");
        assertThat(trail.get(2).get("deadlineBefore").asText()).isEqualTo("2026-03-09T23:59:59+07:00");
        assertThat(trail.get(2).get("deadlineAfter").asText()).isEqualTo("2026-03-13T23:59:59+07:00");
    }

    @Test
    void refusedExtensionKeepsTheDeadline() {
        String id = assign("{\"unitCode\":\"phuong-ban-co\",\"assignee\":\"" + OFFICER + "\","
                + "\"title\":\"Tổng hợp số liệu dân cư\",\"deadlineDate\":\"2026-03-10\"}");
        awaitOpenTask(id, "Task_HandleAssignment", OFFICER);
        post("/api/assignments/" + id + "/extension-requests",
                "{\"proposedDeadline\":\"2026-03-20\",\"reason\":\"Số liệu chưa đủ\"}", OFFICER);
        awaitOpenTask(id, "Task_ReviewExtension", LEADER);
        assertThat(post("/api/assignments/" + id + "/extension-decision",
                "{\"accepted\":false,\"note\":\"Giữ nguyên thời hạn\"}", LEADER).statusCode()).isEqualTo(204);
        assertThat(deadlineOf(id)).isEqualTo("2026-03-10T23:59:59+07:00");
        assertThat(get("/api/assignments/" + id, LEADER).get("trail").findValuesAsText("kind"))
                .containsExactly("ASSIGNED", "EXTENSION_REQUESTED", "EXTENSION_REFUSED");
        // it went straight to the chosen official, not via the unit head
        assertThat(awaitOpenTask(id, "Task_HandleAssignment", OFFICER)).isNotNull();
    }

    /**
     * Issue 14: the second review of a returned result starts with an empty note. Tasklist loads the form's variables
     * and submits every field back, so a return reason left in {@code reviewNote} was stored as the note of ACCEPTED.
     */
    @Test
    void acceptingAfterAReturnDoesNotStoreTheReturnReasonAsTheNote() {
        String id = assign("{\"unitCode\":\"phuong-ban-co\",\"assignee\":\"" + OFFICER + "\","
                + "\"title\":\"Báo cáo công tác dân vận\",\"deadlineWorkingDays\":5}");
        awaitOpenTask(id, "Task_HandleAssignment", OFFICER);
        assertThat(post("/api/assignments/" + id + "/report", "{\"result\":\"Bản báo cáo lần 1\"}", OFFICER)
                .statusCode()).isEqualTo(204);
        awaitOpenTask(id, "Task_ReviewResult", LEADER);
        assertThat(post("/api/assignments/" + id + "/review",
                "{\"accepted\":false,\"note\":\"Bổ sung số liệu tháng 2\"}", LEADER).statusCode()).isEqualTo(204);
        awaitOpenTask(id, "Task_HandleAssignment", OFFICER);
        assertThat(post("/api/assignments/" + id + "/report", "{\"result\":\"Bản báo cáo lần 2\"}", OFFICER)
                .statusCode()).isEqualTo(204);
        String review = awaitOpenTask(id, "Task_ReviewResult", LEADER);

        // as Tasklist does: load the form's fields, choose "accept", leave the note as it was shown, submit
        JsonNode shown = get("/engine-rest/task/" + review + "/form-variables?variableNames=reviewNote", LEADER);
        String note = shown.path("reviewNote").path("value").asText(null);
        assertThat(note).as("the note the second review form shows").isNull();
        HttpResponse<String> submitted = post("/engine-rest/task/" + review + "/submit-form",
                "{\"variables\":{\"resultAccepted\":{\"value\":\"true\"},\"reviewNote\":{\"value\":"
                        + (note == null ? "null" : "\"" + note + "\"") + "}}}", LEADER);
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);

        JsonNode trail = get("/api/assignments/" + id, LEADER).get("trail");
        assertThat(trail.findValuesAsText("kind")).containsExactly("ASSIGNED", "REPORTED", "RETURNED", "REPORTED",
                "ACCEPTED");
        assertThat(trail.get(2).get("note").asText()).isEqualTo("Bổ sung số liệu tháng 2");
        assertThat(trail.get(4).path("note").asText(null)).as("the note of ACCEPTED").isNullOrEmpty();
    }

    /** Issue 14: Tasklist names each task after its assignment; Cockpit finds the instances by the assignment id. */
    @Test
    void tasksAreNamedAfterTheAssignmentAndInstancesCarryItsId() {
        String id = assign("{\"unitCode\":\"phuong-ban-co\",\"title\":\"Kiểm tra an toàn thực phẩm\","
                + "\"urgency\":\"URGENT\",\"deadlineWorkingDays\":3}");
        String handle = awaitOpenTask(id, "Task_HandleAssignment", HEAD);
        org.camunda.bpm.engine.task.Task task = taskService.createTaskQuery().taskId(handle).singleResult();
        assertThat(task.getName()).isEqualTo("Xử lý: Kiểm tra an toàn thực phẩm");
        assertThat(task.getDescription()).contains("Đơn vị: Phường Bàn Cờ", "Nguồn: Giao việc trực tiếp",
                "Độ khẩn: Khẩn", "Hạn xử lý: hết ngày 09/03/2026 (thứ Hai)");
        // the static label stays in the model for analysts
        assertThat(historyService.createHistoricActivityInstanceQuery().activityId("Task_HandleAssignment")
                .processInstanceId(task.getProcessInstanceId()).singleResult().getActivityName())
                .isEqualTo("Xử lý nhiệm vụ");

        assertThat(post("/api/assignments/" + id + "/report", "{\"result\":\"Đã kiểm tra 12 cơ sở\"}", HEAD)
                .statusCode()).isEqualTo(204);
        String review = awaitOpenTask(id, "Task_ReviewResult", LEADER);
        assertThat(taskService.createTaskQuery().taskId(review).singleResult().getName())
                .isEqualTo("Xem xét kết quả: Kiểm tra an toàn thực phẩm");

        org.camunda.bpm.engine.history.HistoricProcessInstance lifecycle = historyService
                .createHistoricProcessInstanceQuery().processInstanceId(task.getProcessInstanceId()).singleResult();
        assertThat(lifecycle.getBusinessKey()).isEqualTo(id);
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(lifecycle.getSuperProcessInstanceId()).singleResult().getBusinessKey())
                .isEqualTo(id);
    }

    @Test
    void onlyTheAssignerCancels() {
        String id = assign("{\"unitCode\":\"phuong-ban-co\",\"title\":\"Tuyên truyền phòng cháy\","
                + "\"deadlineWorkingDays\":5}");
        awaitOpenTask(id, "Task_HandleAssignment", HEAD);
        assertThat(post("/api/assignments/" + id + "/cancel", "{\"reason\":\"x\"}", HEAD).statusCode())
                .isEqualTo(403);
        assertThat(post("/api/assignments/" + id + "/cancel", "{}", LEADER).statusCode()).isEqualTo(400);
        assertThat(post("/api/assignments/" + id + "/cancel", "{\"reason\":\"Đã giao cho đơn vị khác\"}", LEADER)
                .statusCode()).isEqualTo(204);
        JsonNode detail = get("/api/assignments/" + id, LEADER);
        assertThat(detail.get("assignment").get("bucket").asText()).isEqualTo("CANCELLED");
        assertThat(detail.get("openTasks").size()).isZero();
        assertThat(detail.get("trail").findValuesAsText("kind")).containsExactly("ASSIGNED", "CANCELLED");
        assertThat(post("/api/assignments/" + id + "/report", "{\"result\":\"x\"}", HEAD).statusCode())
                .isEqualTo(409);
    }

    @Test
    void delegatingOutsideTheUnitIsRefused() {
        String id = assign("{\"unitCode\":\"phuong-ban-co\",\"title\":\"Rà soát hộ nghèo\",\"deadlineWorkingDays\":5}");
        awaitOpenTask(id, "Task_HandleAssignment", HEAD);
        HttpResponse<String> outside = post("/api/assignments/" + id + "/delegate",
                "{\"to\":\"" + OTHER_WARD_OFFICER + "\"}", HEAD);
        assertThat(outside.statusCode()).isEqualTo(400);
        assertThat(outside.body()).contains("không thuộc đơn vị phuong-ban-co");
        assertThat(post("/api/assignments/" + id + "/delegate", "{\"to\":\"phuong-ban-co.khong-co\"}", HEAD)
                .statusCode()).isEqualTo(400);
        // another ward's official cannot act on it, nor see it
        assertThat(post("/api/assignments/" + id + "/report", "{\"result\":\"x\"}", OTHER_WARD_OFFICER).statusCode())
                .isEqualTo(404);
        assertThat(get("/api/assignments/" + id, LEADER).get("trail").findValuesAsText("kind"))
                .containsExactly("ASSIGNED");
    }

    @Test
    void badInputIsA400AndCreatesNothing() {
        long assignments = count("asg_assignment");
        long directives = count("asg_directive");
        long instances = historyService.createHistoricProcessInstanceQuery().count();

        assertBadRequest("/api/assignments", "{\"unitCode\":\"quan-1\",\"title\":\"x\",\"deadlineWorkingDays\":3}",
                "Không có đơn vị 'quan-1'");
        assertBadRequest("/api/assignments", "{\"unitCode\":\"phuong-ban-co\",\"title\":\"x\","
                + "\"deadlineDate\":\"2026-03-02\"}", "in the past");
        assertBadRequest("/api/assignments", "{\"unitCode\":\"phuong-ban-co\",\"title\":\"x\","
                + "\"deadlineWorkingDays\":3,\"deadlineDate\":\"2026-03-20\"}", "not both");
        assertBadRequest("/api/assignments", "{\"unitCode\":\"phuong-ban-co\",\"deadlineWorkingDays\":3}", "title");
        assertBadRequest("/api/assignments", "{\"unitCode\":\"phuong-ban-co\",\"title\":\"x\","
                + "\"deadlineDate\":\"ngày mai\"}", "");
        String directive = "{\"source\":\"CENTRAL\",\"documentNumber\":\"45/CT-TTg\",\"issuedOn\":\"2026-03-01\","
                + "\"summary\":\"Chỉ thị về cải cách hành chính\",\"assignment\":%s}";
        assertBadRequest("/api/directives", directive.formatted("{\"leadUnit\":\"so-noi-vu\",\"deadlineWorkingDays\":10,"
                + "\"coordinating\":[{\"unitCode\":\"so-noi-vu\",\"workingDays\":5}]}"), "both lead and coordinating");
        assertBadRequest("/api/directives", directive.formatted("{\"leadUnit\":\"so-noi-vu\",\"deadlineWorkingDays\":10,"
                + "\"coordinating\":[{\"unitCode\":\"so-tu-phap\",\"workingDays\":10}]}"), "earlier than the lead");
        assertBadRequest("/api/directives", directive.formatted("{\"leadUnit\":\"so-khong-co\","
                + "\"deadlineWorkingDays\":10}"), "Không có đơn vị 'so-khong-co'");
        assertBadRequest("/api/directives", directive.formatted("{\"leadUnit\":\"so-noi-vu\"}"), "deadline");
        assertBadRequest("/api/directives", "{\"source\":\"CENTRAL\",\"documentNumber\":\"45/CT-TTg\","
                + "\"issuedOn\":\"2026-03-01\"}", "summary");
        assertBadRequest("/api/directives", "{\"source\":\"NOWHERE\",\"documentNumber\":\"1\",\"issuedOn\":"
                + "\"2026-03-01\",\"summary\":\"x\"}", "Unknown source");
        assertBadRequest("/api/assignments?bucket=SOMETIME", null, "Unknown bucket");

        assertThat(count("asg_assignment")).isEqualTo(assignments);
        assertThat(count("asg_directive")).isEqualTo(directives);
        assertThat(historyService.createHistoricProcessInstanceQuery().count()).isEqualTo(instances);
    }

    @Test
    void onlyLeadersAndHeadsAssignInstantly() {
        HttpResponse<String> response = post("/api/assignments", "{\"unitCode\":\"phuong-ban-co\",\"title\":\"x\","
                + "\"deadlineWorkingDays\":3}", OFFICER);
        assertThat(response.statusCode()).isEqualTo(403);
    }

    private String assign(String body) {
        HttpResponse<String> response = post("/api/assignments", body, LEADER);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpClient.json(response.body()).get("assignmentId").asText();
    }

    private String deadlineOf(String id) {
        return get("/api/assignments/" + id, LEADER).get("assignment").get("deadline").asText();
    }

    /** Waits for the job executor to reach the step, then returns its task id, checking who holds it. */
    private String awaitOpenTask(String assignmentId, String taskKey, String expectedAssignee) {
        JsonNode task = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (JsonNode open : get("/api/assignments/" + assignmentId, LEADER).get("openTasks")) {
                if (open.get("taskDefinitionKey").asText().equals(taskKey)) {
                    return open;
                }
            }
            return null;
        }, found -> found != null);
        assertThat(task.get("assignee").asText()).isEqualTo(expectedAssignee);
        return task.get("taskId").asText();
    }

    private void assertBadRequest(String path, String body, String message) {
        HttpResponse<String> response = body == null ? http.get(path, LEADER, PASSWORD) : post(path, body, LEADER);
        assertThat(response.statusCode()).as(path + " " + body + " -> " + response.body()).isEqualTo(400);
        assertThat(response.body()).contains(message);
    }

    private long count(String table) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single();
    }

    private HttpResponse<String> post(String path, String body, String user) {
        return http.post(path, body, user, PASSWORD);
    }

    private JsonNode get(String path, String user) {
        return http.getJson(path, user, PASSWORD);
    }

}
