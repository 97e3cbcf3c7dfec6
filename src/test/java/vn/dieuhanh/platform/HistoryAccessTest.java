package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.awaitility.Awaitility;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.platform.engine.history.AuditHistoryLevel;
import vn.dieuhanh.organisation.Official;
import vn.dieuhanh.organisation.OfficialAccounts;
import vn.dieuhanh.organisation.Role;

/**
 * History is data: an assignment's history (variables, details, tasks, comments) is readable through engine REST by
 * exactly those who may read the assignment; analysts get process-level figures without business content, and
 * another ward gets nothing, not even through comments, attachments or identity links of the task.
 */
@PostgresIntegrationTest
class HistoryAccessTest {

    static final String PASSWORD = "Lich-Su-La-Du-Lieu-1!";
    static final String LEADER = "ha.chutich";
    static final String ANALYST = "ha.phantich";
    static final String OFFICER_A = "phuong-tan-hung.canbo";
    static final String OFFICER_B = "phuong-binh-tay.canbo";
    static final String TITLE = "Kiểm tra công trình xây dựng không phép";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    TaskService taskService;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ProcessEngine processEngine;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void officials() {
        http = new HttpClient(port);
        accounts.register(new Official(LEADER, "Phó Chủ tịch UBND TP", null, "ubnd-tp", null, Role.LEADER), PASSWORD);
        accounts.register(new Official(ANALYST, "Chuyên viên phân tích quy trình", null, "van-phong-ubnd-tp", null,
                Role.ANALYST), PASSWORD);
        accounts.register(new Official(OFFICER_A, "Công chức phường Tân Hưng", null, "phuong-tan-hung", null,
                Role.OFFICER), PASSWORD);
        accounts.register(new Official(OFFICER_B, "Công chức phường Bình Tây", null, "phuong-binh-tay", null,
                Role.OFFICER), PASSWORD);
    }

    @Test
    void anAssignmentsHistoryIsReadByThoseWhoMayReadTheAssignment() {
        HttpResponse<String> assigned = http.post("/api/assignments", "{\"unitCode\":\"phuong-tan-hung\",\"assignee\":\""
                + OFFICER_A + "\",\"title\":\"" + TITLE + "\",\"deadlineWorkingDays\":5}", LEADER, PASSWORD);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        String id = HttpClient.json(assigned.body()).get("assignmentId").asText();
        Task task = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            String instance = jdbc.sql("SELECT process_instance_id FROM asg_assignment WHERE id = ?").param(id)
                    .query(String.class).optional().orElse(null);
            return instance == null ? null : taskService.createTaskQuery().processInstanceId(instance).singleResult();
        }, t -> t != null);
        String instance = task.getProcessInstanceId();
        assertThat(http.post("/engine-rest/task/" + task.getId() + "/comment/create", "{\"message\":\"Đang xác minh\"}",
                OFFICER_A, PASSWORD).statusCode()).isEqualTo(200);

        String variables = "/engine-rest/history/variable-instance?processInstanceId=" + instance;
        String details = "/engine-rest/history/detail?processInstanceId=" + instance;
        String instances = "/engine-rest/history/process-instance?processInstanceId=" + instance;
        String tasks = "/engine-rest/history/task?processInstanceId=" + instance;
        String activities = "/engine-rest/history/activity-instance?processInstanceId=" + instance;

        // the ward's official and the assigning leader read it
        assertThat(values(variables, OFFICER_A)).contains(TITLE);
        assertThat(values(variables, LEADER)).contains(TITLE);
        assertThat(http.getJson(instances, OFFICER_A, PASSWORD).size()).isEqualTo(1);
        // on the application's history level (docs/history.md): the ward's task and its activity are kept and read
        // by the ward, the gateways passed and variable-update details are not written
        assertThat(((ProcessEngineConfigurationImpl) processEngine.getProcessEngineConfiguration()).getHistoryLevel()
                .getName()).isEqualTo(AuditHistoryLevel.NAME);
        assertThat(http.getJson(tasks, OFFICER_A, PASSWORD).size()).isEqualTo(1);
        assertThat(values(activities, OFFICER_A)).contains("Task_HandleAssignment").doesNotContain("Gateway_");
        assertThat(http.getJson(details, OFFICER_A, PASSWORD).size()).isZero();

        // the analyst and another ward read nothing of it, through any history resource (rules unchanged by the level)
        for (String user : new String[] {ANALYST, OFFICER_B}) {
            for (String path : new String[] {variables, details, instances, tasks, activities}) {
                HttpResponse<String> response = http.get(path, user, PASSWORD);
                assertThat(response.statusCode()).as(user + " " + path).isIn(200, 403);
                if (response.statusCode() == 200) {
                    assertThat(HttpClient.json(response.body()).size()).as(user + " " + path).isZero();
                }
            }
        }
        String taskPath = "/engine-rest/task/" + task.getId();
        for (String path : new String[] {taskPath + "/comment", taskPath + "/identity-links", taskPath + "/attachment",
                "/engine-rest/process-instance/" + instance + "/comment"}) {
            HttpResponse<String> response = http.get(path, OFFICER_B, PASSWORD);
            assertThat(response.statusCode()).as(path).isIn(403, 404);
        }
        HttpResponse<String> comment = http.post(taskPath + "/comment/create", "{\"message\":\"x\"}", OFFICER_B,
                PASSWORD);
        assertThat(comment.statusCode()).as(comment.body()).isIn(400, 403, 404);
        assertThat(taskService.getTaskComments(task.getId())).extracting(c -> c.getUserId())
                .containsExactly(OFFICER_A);

        // the analyst sees how the process runs, not what it is about
        HttpResponse<String> figures = http.get("/api/process-statistics", ANALYST, PASSWORD);
        assertThat(figures.statusCode()).as(figures.body()).isEqualTo(200);
        JsonNode lifecycle = null;
        for (JsonNode process : HttpClient.json(figures.body())) {
            if (process.get("processKey").asText().equals("assignment-lifecycle")) {
                lifecycle = process;
            }
        }
        assertThat(lifecycle).isNotNull();
        assertThat(lifecycle.get("running").asLong()).isPositive();
        assertThat(figures.body()).doesNotContain(TITLE);
        assertThat(http.get("/api/process-statistics", OFFICER_B, PASSWORD).statusCode()).isEqualTo(403);
    }

    /**
     * What Cockpit shows each role (issue 14: "Open Human Tasks 0", "the analyst sees no instances"). Cockpit asks the
     * engine with the user's authorizations, the same queries as here: a City PC leader sees every running instance
     * (READ_INSTANCE) but counts only the tasks he may read himself, and the per-group task report needs READ on every
     * task (403); an analyst sees the models and, through {@code /api/process-statistics}, how many run, but no
     * instance and no task; a ward's official counts his own task; another ward nothing. docs/webapps.md explains
     * why no role gets more.
     */
    @Test
    void cockpitShowsEachRoleOnlyWhatItMayRead() {
        HttpResponse<String> assigned = http.post("/api/assignments", "{\"unitCode\":\"phuong-tan-hung\",\"assignee\":\""
                + OFFICER_A + "\",\"title\":\"Rà soát hộ nghèo\",\"deadlineWorkingDays\":5}", LEADER, PASSWORD);
        assertThat(assigned.statusCode()).as(assigned.body()).isEqualTo(201);
        String id = HttpClient.json(assigned.body()).get("assignmentId").asText();
        Task task = Awaitility.await().atMost(Duration.ofSeconds(60)).until(() -> {
            String instance = jdbc.sql("SELECT process_instance_id FROM asg_assignment WHERE id = ?").param(id)
                    .query(String.class).optional().orElse(null);
            return instance == null ? null : taskService.createTaskQuery().processInstanceId(instance).singleResult();
        }, t -> t != null);
        String instances = "/engine-rest/process-instance/count?processInstanceIds=" + task.getProcessInstanceId();
        String tasks = "/engine-rest/task/count?processInstanceId=" + task.getProcessInstanceId();

        assertThat(count(instances, LEADER)).isEqualTo(1);
        assertThat(count(tasks, LEADER)).isZero();
        assertThat(http.get("/engine-rest/task/report/candidate-group-count", LEADER, PASSWORD).statusCode())
                .isEqualTo(403);

        assertThat(count("/engine-rest/process-definition/count?key=assignment-lifecycle", ANALYST)).isPositive();
        assertThat(count(instances, ANALYST)).isZero();
        assertThat(count(tasks, ANALYST)).isZero();
        assertThat(http.get("/engine-rest/task/report/candidate-group-count", ANALYST, PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(http.get("/api/process-statistics", ANALYST, PASSWORD).statusCode()).isEqualTo(200);

        assertThat(count(tasks, OFFICER_A)).isEqualTo(1);
        assertThat(count(instances, OFFICER_B)).isZero();
        assertThat(count(tasks, OFFICER_B)).isZero();
    }

    private long count(String path, String user) {
        return HttpClient.json(values(path, user)).get("count").asLong();
    }

    private String values(String path, String user) {
        HttpResponse<String> response = http.get(path, user, PASSWORD);
        assertThat(response.statusCode()).as(user + " " + path + " " + response.body()).isEqualTo(200);
        return response.body();
    }
}
