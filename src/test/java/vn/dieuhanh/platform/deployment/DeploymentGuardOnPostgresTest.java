package vn.dieuhanh.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.UUID;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.repository.Deployment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import vn.dieuhanh.HttpClient;
import vn.dieuhanh.PostgresIntegrationTest;

/**
 * The two attacks of issue 12 through every layer, on the production profile: an analyst cannot deploy at all
 * (deployment by release); where analysts may deploy (as in the demo, simulated here by a grant to one user) the
 * models are refused with a 400 naming the element and nothing is stored; and an attack smuggled into the database
 * behind the check's back fails when it runs, without running {@code exec} or creating the membership.
 */
@PostgresIntegrationTest
class DeploymentGuardOnPostgresTest {

    static final String ANALYST = "guard-test.analyst";
    static final String PASSWORD = "Phan-Tich-2026!x";
    static final String CLERK = "guard-test.clerk";
    static final Path MARKER = Path.of(System.getProperty("java.io.tmpdir"), "dieuhanh-guard-" + UUID.randomUUID());
    static final String EXEC = "${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null)"
            + ".exec('touch " + MARKER + "')}";
    static final String MEMBERSHIP = "${execution.getProcessEngineServices().getIdentityService()"
            + ".createMembership('" + CLERK + "','camunda-admin')}";

    @Autowired
    ProcessEngine engine;
    @Autowired
    RepositoryService repositoryService;
    @Autowired
    RuntimeService runtimeService;
    @Autowired
    IdentityService identityService;
    @Autowired
    AuthorizationService authorizationService;
    @Autowired
    JdbcClient jdbc;
    @LocalServerPort
    int port;

    @BeforeEach
    void analystAndClerk() {
        for (String id : new String[] {ANALYST, CLERK}) {
            User user = identityService.newUser(id);
            user.setPassword(PASSWORD);
            identityService.saveUser(user);
        }
        identityService.createMembership(ANALYST, "role-analyst");
    }

    @AfterEach
    void cleanUp() throws Exception {
        authorizationService.createAuthorizationQuery().userIdIn(ANALYST).list()
                .forEach(authorization -> authorizationService.deleteAuthorization(authorization.getId()));
        identityService.deleteUser(ANALYST);
        identityService.deleteUser(CLERK);
        Files.deleteIfExists(MARKER);
    }

    @Test
    void outsideTheDemoAnalystsReadButDoNotDeploy() {
        assertThat(authorizationService.isUserAuthorized(ANALYST, java.util.List.of("role-analyst"),
                Permissions.READ, Resources.DEPLOYMENT)).isTrue();
        long before = repositoryService.createDeploymentQuery().count();
        HttpResponse<String> response = deploy("harmless.bpmn", runnable("guard-harmless", "${1 + 1}"));
        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            Runtime.exec from a timer started in the past | ServiceTask_Exec | gọi phương thức (method calls are not allowed)
            a clerk made administrator | ServiceTask_Membership | gọi phương thức (method calls are not allowed)
            script task | ScriptTask_Run | tác vụ kịch bản (script tasks are not allowed)
            camunda:class | ServiceTask_Class | lớp Java (camunda:class) (Java classes are not allowed)
            connector | ServiceTask_Connector | connector (connectors are not allowed)
            script condition | Flow_Script | ngôn ngữ kịch bản (script languages are not allowed)
            JUEL method call in a DMN | LiteralExpression_Evil | gọi phương thức (method calls are not allowed)
            """)
    void whereAnalystsMayDeployTheModelIsRefusedWithA400AndNothingIsStored(String attack, String elementId,
                                                                           String reason) {
        analystMayDeploy();
        long before = repositoryService.createDeploymentQuery().count();

        HttpResponse<String> response = deploy(resourceName(elementId), model(elementId));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        JsonNode body = HttpClient.json(response.body());
        assertThat(body.path("type").asText()).isEqualTo("ParseException");
        assertThat(body.path("message").asText()).contains("tại phần tử " + elementId + ": " + reason);
        JsonNode errors = body.path("details").path(resourceName(elementId)).path("errors");
        assertThat(errors.get(0).path("mainElementId").asText()).isEqualTo(elementId);
        assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
        assertThat(Files.exists(MARKER)).isFalse();
    }

    @Test
    void whereAnalystsMayDeployAModelInsideTheRulesIsDeployed() {
        analystMayDeploy();
        HttpResponse<String> response = deploy("harmless.bpmn", runnable("guard-harmless", "${1 + 1}"));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        repositoryService.deleteDeployment(HttpClient.json(response.body()).path("id").asText(), true);
    }

    /**
     * The check only looks at new deployments; suppose an attack reached the database anyway (a restored dump, an
     * engine without the check): a harmless model is deployed, its stored XML is replaced, and the engine's cache is
     * emptied so that the engine parses the stored attack. Running it fails in the expression language.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"exec", "membership"})
    void anAttackSmuggledIntoTheDatabaseFailsWhenItRuns(String which) {
        String processId = "guard-smuggled-" + which;
        Deployment deployment = repositoryService.createDeployment().name("guard-smuggled")
                .addString(processId + ".bpmn", runnable(processId, "${1 + 1}"))
                .deploy();
        try {
            String attack = runnable(processId, "exec".equals(which) ? EXEC : MEMBERSHIP);
            int updated = jdbc.sql("UPDATE act_ge_bytearray SET bytes_ = ? WHERE deployment_id_ = ? AND name_ = ?")
                    .params(attack.getBytes(StandardCharsets.UTF_8), deployment.getId(), processId + ".bpmn")
                    .update();
            assertThat(updated).isEqualTo(1);
            ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getDeploymentCache()
                    .discardProcessDefinitionCache();

            assertThatThrownBy(() -> runtimeService.startProcessInstanceByKey(processId))
                    .isInstanceOf(ProcessEngineException.class)
                    .hasMessageContaining("gọi phương thức (method calls are not allowed)");

            assertThat(Files.exists(MARKER)).as("exec ran").isFalse();
            assertThat(identityService.createUserQuery().memberOfGroup("camunda-admin").userId(CLERK).count())
                    .as("membership created").isZero();
            assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(processId).count()).isZero();
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
    }

    private void analystMayDeploy() {
        Authorization grant = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
        grant.setUserId(ANALYST);
        grant.setResource(Resources.DEPLOYMENT);
        grant.setResourceId("*");
        grant.addPermission(Permissions.CREATE);
        grant.addPermission(Permissions.DELETE);
        authorizationService.saveAuthorization(grant);
    }

    static String resourceName(String elementId) {
        return elementId.startsWith("LiteralExpression") ? "guard-attack.dmn" : "guard-attack.bpmn";
    }

    static String model(String elementId) {
        return switch (elementId) {
            case "ServiceTask_Exec" -> """
                    <bpmn:startEvent id="StartEvent_Past">
                      <bpmn:timerEventDefinition><bpmn:timeDate>2020-01-01T00:00:00Z</bpmn:timeDate></bpmn:timerEventDefinition>
                    </bpmn:startEvent>
                    <bpmn:serviceTask id="ServiceTask_Exec" camunda:expression="%s"/>
                    <bpmn:sequenceFlow id="Flow_Run" sourceRef="StartEvent_Past" targetRef="ServiceTask_Exec"/>
                    """.formatted(xml(EXEC)).transform(content -> bpmn("guard-attack", content));
            case "ServiceTask_Membership" -> bpmn("guard-attack",
                    "<bpmn:serviceTask id=\"ServiceTask_Membership\" camunda:expression=\"" + xml(MEMBERSHIP) + "\"/>");
            case "ScriptTask_Run" -> bpmn("guard-attack", "<bpmn:scriptTask id=\"ScriptTask_Run\" "
                    + "scriptFormat=\"javascript\"><bpmn:script>java.lang.Runtime.getRuntime()</bpmn:script>"
                    + "</bpmn:scriptTask>");
            case "ServiceTask_Class" -> bpmn("guard-attack",
                    "<bpmn:serviceTask id=\"ServiceTask_Class\" camunda:class=\"java.lang.Object\"/>");
            case "ServiceTask_Connector" -> bpmn("guard-attack", "<bpmn:serviceTask id=\"ServiceTask_Connector\">"
                    + "<bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector"
                    + "</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>");
            case "Flow_Script" -> bpmn("guard-attack", """
                    <bpmn:startEvent id="StartEvent_Go"/>
                    <bpmn:endEvent id="EndEvent_Done"/>
                    <bpmn:sequenceFlow id="Flow_Script" sourceRef="StartEvent_Go" targetRef="EndEvent_Done">
                      <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="javascript">true</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                    """);
            case "LiteralExpression_Evil" -> """
                    <?xml version="1.0" encoding="UTF-8"?>
                    <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Attack"
                        name="attack" namespace="https://dieuhanh.vn/dmn">
                      <decision id="guard-attack" name="attack">
                        <decisionTable id="DecisionTable_Attack">
                          <input id="Input_Score"><inputExpression id="InputExpression_Score" typeRef="double"><text>score</text></inputExpression></input>
                          <output id="Output_Band" name="band" typeRef="string"/>
                          <rule id="Rule_Any">
                            <inputEntry id="UnaryTests_Any"><text></text></inputEntry>
                            <outputEntry id="LiteralExpression_Evil" expressionLanguage="juel"><text>%s</text></outputEntry>
                          </rule>
                        </decisionTable>
                      </decision>
                    </definitions>
                    """.formatted(xml(EXEC));
            default -> throw new IllegalArgumentException(elementId);
        };
    }

    /** Start, one service task evaluating the expression, end. */
    static String runnable(String processId, String expression) {
        return bpmn(processId, """
                <bpmn:startEvent id="StartEvent_Go"/>
                <bpmn:serviceTask id="ServiceTask_Run" camunda:expression="%s"/>
                <bpmn:endEvent id="EndEvent_Done"/>
                <bpmn:sequenceFlow id="Flow_Run" sourceRef="StartEvent_Go" targetRef="ServiceTask_Run"/>
                <bpmn:sequenceFlow id="Flow_Done" sourceRef="ServiceTask_Run" targetRef="EndEvent_Done"/>
                """.formatted(xml(expression)));
    }

    static String bpmn(String processId, String content) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Guard"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="%s" isExecutable="true" camunda:historyTimeToLive="P1D">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processId, content);
    }

    static String xml(String text) {
        return text.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;");
    }

    /** {@code POST /engine-rest/deployment/create} as Camunda Modeler sends it (multipart), as the analyst. */
    HttpResponse<String> deploy(String fileName, String content) {
        String boundary = "----guard" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        StringBuilder text = new StringBuilder()
                .append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"deployment-name\"\r\n\r\nguard-test\r\n")
                .append("--").append(boundary).append("\r\n")
                .append("Content-Disposition: form-data; name=\"data\"; filename=\"").append(fileName).append("\"\r\n")
                .append("Content-Type: application/octet-stream\r\n\r\n")
                .append(content).append("\r\n")
                .append("--").append(boundary).append("--\r\n");
        body.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
        String token = Base64.getEncoder().encodeToString((ANALYST + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/engine-rest/deployment/create"))
                .header("Authorization", "Basic " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build();
        try {
            return java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_1_1).build()
                    .send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
