package vn.dieuhanh.assignment;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
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
import vn.dieuhanh.platform.WebappLogin;

/**
 * The attacks of an official who knows the engine's API (issue "Trust boundary I"), each through the door an attacker
 * would use: engine REST, Tasklist's own API and the application's API. Every one is refused and changes nothing; the
 * honest path through the same doors keeps working.
 */
@PostgresIntegrationTest
class AssignmentTamperingTest {

    static final String PASSWORD = "Ranh-Gioi-Tin-Cay-1!";
    static final String LEADER = "tb.chutich";
    static final String HEAD_A = "phuong-cho-quan.chutich";
    static final String OFFICER_A = "phuong-cho-quan.canbo";
    static final String HEAD_B = "phuong-go-vap.chutich";
    static final String OFFICER_B = "phuong-go-vap.canbo";
    static final String WARD_A = "phuong-cho-quan";
    static final String WARD_B = "phuong-go-vap";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    TaskService taskService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void officials() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Chủ tịch UBND TP", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(HEAD_A, "Chủ tịch phường Chợ Quán", null, WARD_A, null, Role.HEAD), PASSWORD);
        accounts.register(new Official(OFFICER_A, "Công chức phường Chợ Quán", null, WARD_A, null, Role.OFFICER),
                PASSWORD);
        accounts.register(new Official(HEAD_B, "Chủ tịch phường Gò Vấp", null, WARD_B, null, Role.HEAD), PASSWORD);
        accounts.register(new Official(OFFICER_B, "Công chức phường Gò Vấp", null, WARD_B, null, Role.OFFICER),
                PASSWORD);
    }

    @Test
    void anOfficialCannotPointHisTaskAtAnotherWardsAssignmentOrChooseHisReviewer() {
        String mine = assign(LEADER, WARD_A, OFFICER_A, "Kiểm tra vệ sinh an toàn thực phẩm");
        String theirs = assign(LEADER, WARD_B, OFFICER_B, "Rà soát hộ kinh doanh");
        Task myTask = awaitTask(mine, AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        List<String> theirTrail = trailKinds(theirs);

        // the form declares handlingDecision and resultSummary, not assignmentId or reviewer
        HttpResponse<String> forged = http.post("/engine-rest/task/" + myTask.getId() + "/complete",
                "{\"variables\":{\"handlingDecision\":{\"value\":\"report\"},\"resultSummary\":{\"value\":\"Xong\"},"
                        + "\"assignmentId\":{\"value\":\"" + theirs + "\"}}}", OFFICER_A, PASSWORD);
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(forged.body()).contains("Biểu mẫu không có trường assignmentId");
        HttpResponse<String> reviewer = http.post("/engine-rest/task/" + myTask.getId() + "/complete",
                "{\"variables\":{\"handlingDecision\":{\"value\":\"report\"},\"resultSummary\":{\"value\":\"Xong\"},"
                        + "\"reviewer\":{\"value\":\"" + OFFICER_A + "\"}}}", OFFICER_A, PASSWORD);
        assertThat(reviewer.statusCode()).as(reviewer.body()).isEqualTo(400);
        // a read-only field may come back unchanged (form-js submits it) but not changed
        HttpResponse<String> retitled = http.post("/engine-rest/task/" + myTask.getId() + "/submit-form",
                "{\"variables\":{\"handlingDecision\":{\"value\":\"report\"},\"resultSummary\":{\"value\":\"Xong\"},"
                        + "\"title\":{\"value\":\"Tiêu đề khác\"}}}", OFFICER_A, PASSWORD);
        assertThat(retitled.statusCode()).as(retitled.body()).isEqualTo(400);
        assertThat(retitled.body()).contains("chỉ đọc");

        // nothing changed: both trails as before, the task still open
        assertThat(trailKinds(theirs)).isEqualTo(theirTrail);
        assertThat(trailKinds(mine)).containsExactly("ASSIGNED");
        assertThat(taskService.createTaskQuery().taskId(myTask.getId()).count()).isEqualTo(1);

        // the honest submission, echoing the read-only title as form-js does, goes to the assigner for review
        HttpResponse<String> honest = http.post("/engine-rest/task/" + myTask.getId() + "/submit-form",
                "{\"variables\":{\"handlingDecision\":{\"value\":\"report\"},\"resultSummary\":{\"value\":\"Đã kiểm tra 12 cơ sở\"},"
                        + "\"title\":{\"value\":\"Kiểm tra vệ sinh an toàn thực phẩm\"}}}", OFFICER_A, PASSWORD);
        assertThat(honest.statusCode()).as(honest.body()).isEqualTo(204);
        Task review = awaitTask(mine, AssignmentLifecycleProcess.TASK_REVIEW_RESULT);
        assertThat(review.getAssignee()).isEqualTo(LEADER);
        assertThat(trailKinds(theirs)).isEqualTo(theirTrail);
        assertThat(trailKinds(mine)).containsExactly("ASSIGNED", "REPORTED");
    }

    @Test
    void directWritesAndLifecycleBypassesAreRefusedForOfficials() {
        String id = assign(LEADER, WARD_A, OFFICER_A, "Thống kê nhà trọ");
        Task task = awaitTask(id, AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        String taskPath = "/engine-rest/task/" + task.getId();
        String instancePath = "/engine-rest/process-instance/" + task.getProcessInstanceId();
        String value = "{\"value\":\"" + OFFICER_A + "\",\"type\":\"String\"}";

        assertThat(http.put(taskPath + "/variables/reviewer", value, OFFICER_A, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.post(taskPath + "/variables", "{\"modifications\":{\"reviewer\":" + value + "}}", OFFICER_A,
                PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.put(taskPath + "/localVariables/reviewer", value, OFFICER_A, PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(http.post(instancePath + "/variables", "{\"modifications\":{\"reviewer\":" + value + "}}",
                OFFICER_A, PASSWORD).statusCode()).isIn(403, 404);
        assertThat(http.put("/engine-rest/execution/" + task.getExecutionId() + "/localVariables/reviewer", value,
                OFFICER_A, PASSWORD).statusCode()).isIn(403, 404);
        assertThat(http.post(instancePath + "/modification", "{\"instructions\":[{\"type\":\"startBeforeActivity\","
                + "\"activityId\":\"Task_ReviewResult\"}]}", OFFICER_A, PASSWORD).statusCode()).isIn(403, 404);
        assertThat(http.post("/engine-rest/message", "{\"messageName\":\""
                + AssignmentLifecycleProcess.MESSAGE_CANCEL + "\",\"processInstanceId\":\""
                + task.getProcessInstanceId() + "\"}", OFFICER_A, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.post("/engine-rest/signal", "{\"name\":\"x\"}", OFFICER_A, PASSWORD).statusCode())
                .isEqualTo(403);
        // Tasklist's "delegate", "resolve", "set due date", "add group", assigning to someone else: all bypass the
        // lifecycle, where delegation stays inside the unit and is recorded
        assertThat(http.post(taskPath + "/delegate", "{\"userId\":\"" + OFFICER_B + "\"}", OFFICER_A, PASSWORD)
                .statusCode()).isEqualTo(403);
        assertThat(http.post(taskPath + "/resolve", "{}", OFFICER_A, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.post(taskPath + "/assignee", "{\"userId\":\"" + OFFICER_B + "\"}", OFFICER_A, PASSWORD)
                .statusCode()).isEqualTo(403);
        assertThat(http.post(taskPath + "/identity-links", "{\"groupId\":\"" + WARD_B + "\",\"type\":\"candidate\"}",
                OFFICER_A, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.put(taskPath, "{\"name\":\"x\",\"due\":\"2030-01-01T00:00:00.000+0700\"}", OFFICER_A,
                PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.post("/engine-rest/task/create", "{\"name\":\"Việc ngoài quy trình\"}", OFFICER_A, PASSWORD)
                .statusCode()).isEqualTo(403);

        Task after = taskService.createTaskQuery().taskId(task.getId()).singleResult();
        assertThat(after.getAssignee()).isEqualTo(OFFICER_A);
        assertThat(after.getDelegationState()).isNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId())).noneMatch(link ->
                WARD_B.equals(link.getGroupId()) && IdentityLinkType.CANDIDATE.equals(link.getType()));
        assertThat(runtimeService.getVariable(task.getProcessInstanceId(), "reviewer")).isEqualTo(LEADER);
        assertThat(trailKinds(id)).containsExactly("ASSIGNED");

        // giving the task back and claiming it for oneself stay possible
        assertThat(http.post(taskPath + "/unclaim", "{}", OFFICER_A, PASSWORD).statusCode()).isEqualTo(204);
        assertThat(http.post(taskPath + "/claim", "{\"userId\":\"" + OFFICER_B + "\"}", OFFICER_A, PASSWORD)
                .statusCode()).isEqualTo(403);
        assertThat(http.post(taskPath + "/claim", "{\"userId\":\"" + OFFICER_A + "\"}", OFFICER_A, PASSWORD)
                .statusCode()).isEqualTo(204);
    }

    @Test
    void tasklistsOwnApiHoldsTheSameLine() throws Exception {
        String id = assign(LEADER, WARD_A, OFFICER_A, "Cập nhật bản đồ số");
        Task task = awaitTask(id, AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        WebappLogin.Session session = WebappLogin.session(http, "tasklist", OFFICER_A, PASSWORD);
        String path = "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form";
        HttpResponse<String> forged = session.postJson(http, path,
                "{\"variables\":{\"handlingDecision\":{\"value\":\"report\"},\"resultSummary\":{\"value\":\"x\"},"
                        + "\"lastActor\":{\"value\":\"" + LEADER + "\"}}}");
        assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
        assertThat(trailKinds(id)).containsExactly("ASSIGNED");
        HttpResponse<String> honest = session.postJson(http, path,
                "{\"variables\":{\"handlingDecision\":{\"value\":\"report\"},\"resultSummary\":{\"value\":\"Đã cập nhật\"}}}");
        assertThat(honest.statusCode()).as(honest.body()).isEqualTo(204);
        JsonNode trail = get("/api/assignments/" + id, LEADER).get("trail");
        assertThat(trail.findValuesAsText("kind")).containsExactly("ASSIGNED", "REPORTED");
        assertThat(trail.get(1).get("actor").asText()).isEqualTo(OFFICER_A);
    }

    @Test
    void theAssignerIsWhoeverStartsAndAHeadAssignsOnlyWithinHisWard() {
        // the form has no assignedBy: naming the Chair is refused before anything exists
        long before = count();
        HttpResponse<String> asChair = http.post("/engine-rest/process-definition/key/instant-assignment/start",
                "{\"variables\":{\"unitCode\":{\"value\":\"" + WARD_A + "\"},\"title\":{\"value\":\"Việc mạo danh\"},"
                        + "\"deadlineWorkingDays\":{\"value\":3,\"type\":\"Integer\"},"
                        + "\"assignedBy\":{\"value\":\"" + LEADER + "\"}}}", HEAD_A, PASSWORD);
        assertThat(asChair.statusCode()).as(asChair.body()).isEqualTo(400);
        // another ward's work is not the head's to give, through any door
        HttpResponse<String> otherWard = http.post("/engine-rest/process-definition/key/instant-assignment/start",
                "{\"variables\":{\"unitCode\":{\"value\":\"" + WARD_B + "\"},\"title\":{\"value\":\"Việc phường khác\"},"
                        + "\"deadlineWorkingDays\":{\"value\":3,\"type\":\"Integer\"}}}", HEAD_A, PASSWORD);
        assertThat(otherWard.statusCode()).as(otherWard.body()).isEqualTo(403);
        HttpResponse<String> otherWardApi = http.post("/api/assignments", "{\"unitCode\":\"" + WARD_B + "\","
                + "\"title\":\"Việc phường khác\",\"deadlineWorkingDays\":3}", HEAD_A, PASSWORD);
        assertThat(otherWardApi.statusCode()).as(otherWardApi.body()).isEqualTo(403);
        assertThat(count()).isEqualTo(before);

        // within his own ward the head assigns, and is recorded as the assigner and reviewer
        HttpResponse<String> own = http.post("/engine-rest/process-definition/key/instant-assignment/start",
                "{\"variables\":{\"unitCode\":{\"value\":\"" + WARD_A + "\"},\"title\":{\"value\":\"Việc của phường\"},"
                        + "\"assignee\":{\"value\":\"" + OFFICER_A + "\"},"
                        + "\"deadlineWorkingDays\":{\"value\":3,\"type\":\"Integer\"}}}", HEAD_A, PASSWORD);
        assertThat(own.statusCode()).as(own.body()).isEqualTo(200);
        String id = jdbc.sql("SELECT id FROM asg_assignment WHERE title = 'Việc của phường' AND unit_code = ?")
                .param(WARD_A).query(String.class).single();
        JsonNode assignment = get("/api/assignments/" + id, HEAD_A).get("assignment");
        assertThat(assignment.get("assignedBy").asText()).isEqualTo(HEAD_A);
        assertThat(assignment.get("reviewer").asText()).isEqualTo(HEAD_A);
        // a process without a start form is the application's to start (by key the head does not even see it; by id
        // the input guard refuses it)
        awaitTask(id, AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        assertThat(http.post("/engine-rest/process-definition/key/assignment-lifecycle/start",
                "{\"businessKey\":\"" + id + "\"}", HEAD_A, PASSWORD).statusCode()).isIn(403, 404);
        String definitionId = runtimeService.createProcessInstanceQuery().processDefinitionKey("assignment-lifecycle")
                .list().get(0).getProcessDefinitionId();
        HttpResponse<String> byId = http.post("/engine-rest/process-definition/" + definitionId + "/start",
                "{\"businessKey\":\"" + id + "\"}", HEAD_A, PASSWORD);
        assertThat(byId.statusCode()).as(byId.body()).isIn(403, 404);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("assignment-lifecycle")
                .processInstanceBusinessKey(id).count()).isEqualTo(1);
    }

    @Test
    void nobodyReviewsTheirOwnResultTheDecisionGoesOneLevelUp() {
        // the head gives the work to himself, then reports it: he must not be the one to accept it
        String id = assign(HEAD_A, WARD_A, HEAD_A, "Báo cáo công tác dân vận");
        awaitTask(id, AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        assertThat(http.post("/api/assignments/" + id + "/report", "{\"result\":\"Đã tổ chức 3 buổi\"}", HEAD_A,
                PASSWORD).statusCode()).isEqualTo(204);
        Task review = awaitTask(id, AssignmentLifecycleProcess.TASK_REVIEW_RESULT);
        assertThat(review.getAssignee()).isNotEqualTo(HEAD_A).isNotNull();
        // the ward has no deputy: the City People's Committee decides
        assertThat(jdbc.sql("SELECT unit_code FROM org_official WHERE user_id = ?").param(review.getAssignee())
                .query(String.class).single()).isEqualTo("ubnd-tp");

        HttpResponse<String> selfAccept = http.post("/api/assignments/" + id + "/review",
                "{\"accepted\":true,\"note\":\"Tốt\"}", HEAD_A, PASSWORD);
        assertThat(selfAccept.statusCode()).as(selfAccept.body()).isIn(403, 404, 409);
        HttpResponse<String> selfAcceptRest = http.post("/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\":{\"resultAccepted\":{\"value\":true}}}", HEAD_A, PASSWORD);
        assertThat(selfAcceptRest.statusCode()).isIn(403, 404);
        assertThat(trailKinds(id)).containsExactly("ASSIGNED", "REPORTED");
        assertThat(get("/api/assignments/" + id, HEAD_A).get("assignment").get("bucket").asText())
                .startsWith("OPEN");
    }

    @Test
    void anExtensionTheAssignerRequestsHimselfIsDecidedAboveHim() {
        String id = assign(HEAD_A, WARD_A, HEAD_A, "Chuẩn bị hội nghị tiếp xúc cử tri");
        awaitTask(id, AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        HttpResponse<String> requested = http.post("/api/assignments/" + id + "/extension-requests",
                "{\"proposedDeadline\":\"2099-12-31\",\"reason\":\"Chờ lịch của đại biểu\"}", HEAD_A, PASSWORD);
        assertThat(requested.statusCode()).as(requested.body()).isEqualTo(204);
        Task review = awaitTask(id, AssignmentLifecycleProcess.TASK_REVIEW_EXTENSION);
        assertThat(review.getAssignee()).isNotEqualTo(HEAD_A).isNotNull();
        assertThat(http.post("/api/assignments/" + id + "/extension-decision", "{\"accepted\":true,\"note\":\"Đồng ý\"}",
                HEAD_A, PASSWORD).statusCode()).isIn(403, 404, 409);
        assertThat(http.post("/engine-rest/task/" + review.getId() + "/complete",
                "{\"variables\":{\"extensionApproved\":{\"value\":true}}}", HEAD_A, PASSWORD).statusCode())
                .isIn(403, 404);
        assertThat(trailKinds(id)).containsExactly("ASSIGNED", "EXTENSION_REQUESTED");
    }

    @Test
    void directivesCoordinatingWorkAndAcknowledgementsAcceptOnlyTheirForms() {
        String clerk = "tb.vanthu";
        accounts.register(new Official(clerk, "Văn thư Văn phòng UBND TP", null, "van-phong-ubnd-tp", null, Role.CLERK),
                PASSWORD);
        // the registration form has no plan: the Office cannot assign a directive by adding the leader's fields
        long directives = jdbc.sql("SELECT COUNT(*) FROM asg_directive").query(Long.class).single();
        HttpResponse<String> planned = http.post("/engine-rest/process-definition/key/directive-handling/submit-form",
                "{\"variables\":{\"source\":{\"value\":\"CITY_PEOPLES_COMMITTEE\"},\"documentNumber\":{\"value\":\"77/UBND\"},"
                        + "\"issuedOn\":{\"value\":\"2026-11-20\"},\"summary\":{\"value\":\"Về chống ngập\"},"
                        + "\"urgency\":{\"value\":\"NORMAL\"},\"assignmentPlanned\":{\"value\":true},"
                        + "\"leadUnit\":{\"value\":\"" + WARD_A + "\"},\"assignedBy\":{\"value\":\"" + LEADER + "\"}}}",
                clerk, PASSWORD);
        assertThat(planned.statusCode()).as(planned.body()).isEqualTo(400);
        assertThat(jdbc.sql("SELECT COUNT(*) FROM asg_directive").query(Long.class).single()).isEqualTo(directives);

        // a leader registers and assigns: ward B coordinates, ward A is informed
        HttpResponse<String> registered = http.post("/api/directives", """
                {"source":"CITY_PEOPLES_COMMITTEE","documentNumber":"78/UBND-ĐT","issuedOn":"2026-11-20",
                 "summary":"Về nạo vét kênh rạch","urgency":"NORMAL",
                 "assignment":{"leadUnit":"so-xay-dung","deadlineWorkingDays":20,
                   "coordinating":[{"unitCode":"%s","workingDays":10}],"informedUnits":["%s"]}}""".formatted(WARD_B, WARD_A),
                LEADER, PASSWORD);
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(201);
        String directiveId = HttpClient.json(registered.body()).get("directiveId").asText();
        String coordinating = jdbc.sql("SELECT id FROM asg_assignment WHERE directive_id = ? AND unit_code = ?")
                .params(directiveId, WARD_B).query(String.class).single();
        Task coordinatingTask = awaitTask(coordinating, AssignmentLifecycleProcess.TASK_HANDLE_ASSIGNMENT);
        HttpResponse<String> redirected = http.post("/engine-rest/task/" + coordinatingTask.getId() + "/complete",
                "{\"variables\":{\"handlingDecision\":{\"value\":\"report\"},\"resultSummary\":{\"value\":\"Xong\"},"
                        + "\"reviewer\":{\"value\":\"" + HEAD_B + "\"}}}", HEAD_B, PASSWORD);
        assertThat(redirected.statusCode()).as(redirected.body()).isEqualTo(400);
        assertThat(trailKinds(coordinating)).containsExactly("ASSIGNED");

        String acknowledgement = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> taskService
                .createTaskQuery().taskCandidateGroup(WARD_A).processDefinitionKey("document-acknowledgement")
                .list().stream().map(Task::getId).findFirst().orElse(null), task -> task != null);
        assertThat(http.post("/engine-rest/task/" + acknowledgement + "/claim", "{\"userId\":\"" + OFFICER_A + "\"}",
                OFFICER_A, PASSWORD).statusCode()).isEqualTo(204);
        HttpResponse<String> elsewhere = http.post("/engine-rest/task/" + acknowledgement + "/complete",
                "{\"variables\":{\"acknowledgementNote\":{\"value\":\"Đã nhận\"},\"recipientUnit\":{\"value\":\""
                        + WARD_B + "\"}}}", OFFICER_A, PASSWORD);
        assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(400);
        assertThat(http.post("/engine-rest/task/" + acknowledgement + "/complete",
                "{\"variables\":{\"acknowledgementNote\":{\"value\":\"Đã nhận\"}}}", OFFICER_A, PASSWORD).statusCode())
                .isEqualTo(204);
        // another ward cannot even see it
        assertThat(taskService.createTaskQuery().taskId(acknowledgement).count()).isZero();
    }

    private String assign(String assigner, String unit, String assignee, String title) {
        HttpResponse<String> response = http.post("/api/assignments", "{\"unitCode\":\"" + unit + "\",\"assignee\":\""
                + assignee + "\",\"title\":\"" + title + "\",\"deadlineWorkingDays\":5}", assigner, PASSWORD);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        return HttpClient.json(response.body()).get("assignmentId").asText();
    }

    private Task awaitTask(String assignmentId, String taskKey) {
        return Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            String instance = jdbc.sql("SELECT process_instance_id FROM asg_assignment WHERE id = ?")
                    .param(assignmentId).query(String.class).optional().orElse(null);
            return instance == null ? null : taskService.createTaskQuery().processInstanceId(instance)
                    .taskDefinitionKey(taskKey).singleResult();
        }, task -> task != null);
    }

    private List<String> trailKinds(String assignmentId) {
        return jdbc.sql("SELECT kind FROM asg_trail_event WHERE assignment_id = ? ORDER BY id").param(assignmentId)
                .query(String.class).list();
    }

    private long count() {
        return jdbc.sql("SELECT COUNT(*) FROM asg_assignment").query(Long.class).single();
    }

    private JsonNode get(String path, String user) {
        return http.getJson(path, user, PASSWORD);
    }
}
