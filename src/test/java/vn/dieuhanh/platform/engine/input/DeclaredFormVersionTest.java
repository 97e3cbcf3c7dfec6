package vn.dieuhanh.platform.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
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
 * The guard keeps what it learnt of deployed forms (issue 15) but never a stale allowlist: a new version of a task's
 * form ({@code formRefBinding="latest"}) is in force for the very next command, and someone who may not see a task
 * learns nothing of its form (403/404, never the form's 400), whatever is cached.
 */
@PostgresIntegrationTest
class DeclaredFormVersionTest {

    static final String PASSWORD = "Phien-Ban-Bieu-Mau-1!";
    final String tag = UUID.randomUUID().toString().substring(0, 8);
    final String process = "probe-form-version-" + tag;
    final String form = "probe-form-" + tag;
    final String holder = "phuong-tan-dinh.probe-" + tag;
    final String otherWard = "phuong-xuan-hoa.probe-" + tag;
    final List<String> deployments = new ArrayList<>();

    @Autowired
    OfficialAccounts accounts;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    TaskService taskService;
    @LocalServerPort
    int port;
    HttpClient http;

    @BeforeEach
    void setUp() {
        http = new HttpClient(port);
        accounts.register(new Official(holder, "Công chức phường Tân Định", null, "phuong-tan-dinh", null, Role.OFFICER),
                PASSWORD);
        accounts.register(new Official(otherWard, "Công chức phường Xuân Hòa", null, "phuong-xuan-hoa", null,
                Role.OFFICER), PASSWORD);
        deployments.add(repositoryService.createDeployment().name(process)
                .addString(process + ".bpmn", bpmn())
                .addString(form + ".form", form("answer"))
                .deploy().getId());
    }

    @AfterEach
    void removeDeployments() {
        deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
    }

    @Test
    void aNewFormVersionIsInForceForTheNextCommand() {
        // the first command learns (and keeps) the process's form reference and version 1's fields
        Task first = start();
        assertThat(complete(first, "answer", holder).statusCode()).isEqualTo(204);

        Task second = start();
        deployments.add(repositoryService.createDeployment().name(form)
                .addString(form + ".form", form("reply")).deploy().getId());

        HttpResponse<String> old = complete(second, "answer", holder);
        assertThat(old.statusCode()).as(old.body()).isEqualTo(400);
        assertThat(old.body()).contains("Biểu mẫu không có trường answer");
        assertThat(taskService.createTaskQuery().taskId(second.getId()).count()).isOne();
        assertThat(complete(second, "reply", holder).statusCode()).isEqualTo(204);
    }

    @Test
    void whoMayNotSeeTheTaskLearnsNothingOfItsForm() {
        Task task = start();
        assertThat(complete(task, "answer", holder).statusCode()).isEqualTo(204); // the form is known (cached)
        Task next = start();

        // declared or not, another ward's official is refused as by the engine: no 400 telling the form's fields
        assertThat(complete(next, "answer", otherWard).statusCode()).isIn(403, 404);
        assertThat(complete(next, "reviewer", otherWard).statusCode()).isIn(403, 404);
        assertThat(http.post("/engine-rest/task/" + next.getId() + "/submit-form",
                "{\"variables\":{\"reviewer\":{\"value\":\"x\"}}}", otherWard, PASSWORD).statusCode())
                .isIn(403, 404);
        assertThat(http.get("/engine-rest/task/" + next.getId(), otherWard, PASSWORD).statusCode()).isIn(403, 404);
        assertThat(http.get("/engine-rest/task/" + next.getId() + "/form-variables", otherWard, PASSWORD)
                .statusCode()).isIn(403, 404);
        assertThat(taskService.createTaskQuery().taskId(next.getId()).count()).isOne();
        assertThat(runtimeService.getVariables(next.getProcessInstanceId())).doesNotContainKeys("answer", "reviewer");

        // the holder still gets the form's answer for an undeclared field
        HttpResponse<String> undeclared = complete(next, "reviewer", holder);
        assertThat(undeclared.statusCode()).isEqualTo(400);
        assertThat(undeclared.body()).contains("Biểu mẫu không có trường reviewer");
    }

    private Task start() {
        String instance = runtimeService.startProcessInstanceByKey(process).getId();
        return taskService.createTaskQuery().processInstanceId(instance).singleResult();
    }

    private HttpResponse<String> complete(Task task, String variable, String user) {
        return http.post("/engine-rest/task/" + task.getId() + "/complete",
                "{\"variables\":{\"" + variable + "\":{\"value\":\"Đã xong\"}}}", user, PASSWORD);
    }

    private String bpmn() {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="Definitions_Probe"
                    targetNamespace="http://dieuhanh.vn/test">
                  <bpmn:process id="%s" name="Thử phiên bản biểu mẫu" isExecutable="true"
                      camunda:historyTimeToLive="1">
                    <bpmn:startEvent id="StartEvent_Probe" name="Bắt đầu" />
                    <bpmn:sequenceFlow id="Flow_ToTask" sourceRef="StartEvent_Probe" targetRef="Task_Answer" />
                    <bpmn:userTask id="Task_Answer" name="Trả lời" camunda:assignee="%s"
                        camunda:formRef="%s" camunda:formRefBinding="latest" />
                    <bpmn:sequenceFlow id="Flow_ToEnd" sourceRef="Task_Answer" targetRef="EndEvent_Probe" />
                    <bpmn:endEvent id="EndEvent_Probe" name="Kết thúc" />
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(process, holder, form);
    }

    private String form(String field) {
        return """
                {"id": "%s", "type": "default", "schemaVersion": 16, "components": [
                  {"id": "Field_Text", "type": "text", "text": "#### Trả lời"},
                  {"id": "Field_%s", "type": "textfield", "key": "%s", "label": "Trả lời"}
                ]}
                """.formatted(form, field, field);
    }
}
