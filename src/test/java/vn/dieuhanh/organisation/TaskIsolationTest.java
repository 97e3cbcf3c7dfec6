package vn.dieuhanh.organisation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;
import vn.dieuhanh.directive.DocumentAcknowledgementProcess;
import vn.dieuhanh.platform.WebappLogin;

/** A ward official sees and acts only on what is assigned to their own unit, through REST and in Tasklist. */
@PostgresIntegrationTest
class TaskIsolationTest {

    static final String BEN_THANH_OFFICER = "phuong-ben-thanh.officer";
    static final String SAI_GON_OFFICER = "phuong-sai-gon.officer";
    static final String PASSWORD = "Can-Bo-Phuong-2026!";

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @LocalServerPort
    int port;
    HttpClient http;
    final ObjectMapper json = new ObjectMapper();

    @BeforeEach
    void officials() {
        http = new HttpClient(port);
        accounts.register(new Official(BEN_THANH_OFFICER, "Lê Văn Cường", null, "phuong-ben-thanh", null,
                Role.OFFICER), PASSWORD);
        accounts.register(new Official(SAI_GON_OFFICER, "Phạm Thị Dung", null, "phuong-sai-gon", null,
                Role.OFFICER), PASSWORD);
    }

    @Test
    void onlyTheAssignedWardSeesAndWorksItsTask() throws Exception {
        ProcessInstance instance = runtimeService.startProcessInstanceByKey(DocumentAcknowledgementProcess.KEY,
                Map.of(DocumentAcknowledgementProcess.VAR_RECIPIENT_UNIT, "phuong-sai-gon",
                        DocumentAcknowledgementProcess.VAR_DOCUMENT_NUMBER, "125/UBND-VX",
                        DocumentAcknowledgementProcess.VAR_DOCUMENT_SUMMARY, "Về tổ chức Tết Nguyên đán 2027"));
        // The start event is a save point (asyncBefore): the job executor creates the task.
        Task task = await().atMost(Duration.ofSeconds(30)).until(() -> taskService.createTaskQuery()
                .processInstanceId(instance.getId()).singleResult(), t -> t != null);
        String taskPath = "/engine-rest/task/" + task.getId();

        // Bến Thành cannot list, read, claim or complete Sài Gòn's task.
        assertThat(taskIds(http.get("/engine-rest/task", BEN_THANH_OFFICER, PASSWORD))).doesNotContain(task.getId());
        assertThat(http.get(taskPath, BEN_THANH_OFFICER, PASSWORD).statusCode()).isIn(403, 404);
        assertThat(http.get(taskPath + "/variables", BEN_THANH_OFFICER, PASSWORD).statusCode()).isIn(403, 404);
        assertThat(http.get(taskPath + "/form-variables", BEN_THANH_OFFICER, PASSWORD).statusCode())
                .isIn(403, 404);
        assertThat(http.post(taskPath + "/claim", "{\"userId\":\"" + BEN_THANH_OFFICER + "\"}", BEN_THANH_OFFICER,
                PASSWORD).statusCode()).isEqualTo(403);
        assertThat(http.post(taskPath + "/complete", "{}", BEN_THANH_OFFICER, PASSWORD).statusCode())
                .isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isNull();

        // Nor through Tasklist's own API after logging in to Tasklist.
        HttpResponse<String> login = WebappLogin.login(http, "tasklist", BEN_THANH_OFFICER, PASSWORD);
        assertThat(login.statusCode()).isEqualTo(200);
        assertThat(login.body()).contains("\"tasklist\"").doesNotContain("cockpit");
        String session = login.headers().allValues("Set-Cookie").stream()
                .map(cookie -> cookie.substring(0, cookie.indexOf(';'))).reduce((a, b) -> a + "; " + b).orElseThrow();
        HttpResponse<String> tasklistTasks = http.getWithCookies("/camunda/api/engine/engine/default/task", session);
        assertThat(taskIds(tasklistTasks)).doesNotContain(task.getId());

        // Sài Gòn can.
        assertThat(taskIds(http.get("/engine-rest/task", SAI_GON_OFFICER, PASSWORD))).contains(task.getId());
        HttpResponse<String> variables = http.get(taskPath + "/variables", SAI_GON_OFFICER, PASSWORD);
        assertThat(variables.statusCode()).isEqualTo(200);
        assertThat(json.readTree(variables.body()).get("documentNumber").get("value").asText())
                .isEqualTo("125/UBND-VX");
        assertThat(http.post(taskPath + "/claim", "{\"userId\":\"" + SAI_GON_OFFICER + "\"}", SAI_GON_OFFICER,
                PASSWORD).statusCode()).isEqualTo(204);
        assertThat(http.post(taskPath + "/complete",
                "{\"variables\":{\"acknowledgementNote\":{\"value\":\"Đã nhận\",\"type\":\"String\"}}}",
                SAI_GON_OFFICER, PASSWORD).statusCode()).isEqualTo(204);

        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance.getId())
                .singleResult().getEndTime()).isNotNull();
        assertThat(historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
                .getAssignee()).isEqualTo(SAI_GON_OFFICER);
    }

    @Test
    void officialsGetTasklistButNotCockpitOrAdmin() {
        assertThat(WebappLogin.login(http, "tasklist", SAI_GON_OFFICER, PASSWORD).statusCode()).isEqualTo(200);
        assertThat(WebappLogin.login(http, "cockpit", SAI_GON_OFFICER, PASSWORD).statusCode()).isEqualTo(403);
        assertThat(WebappLogin.login(http, "admin", SAI_GON_OFFICER, PASSWORD).statusCode()).isEqualTo(403);
    }

    private java.util.List<String> taskIds(HttpResponse<String> response) throws Exception {
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode tasks = json.readTree(response.body());
        return tasks.findValuesAsText("id");
    }
}
