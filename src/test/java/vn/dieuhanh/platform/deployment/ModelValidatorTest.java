package vn.dieuhanh.platform.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every place a BPMN or DMN file can hold an expression, script or class, checked without an engine. */
class ModelValidatorTest {

    final ModelValidator validator = new ModelValidator(Set.of("computeDeadline", "openAssignment")::contains,
            Set.of());

    static String bpmn(String processContent) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" xmlns:activiti="http://activiti.org/bpmn"
                    xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" id="Definitions_Test"
                    targetNamespace="http://bpmn.io/schema/bpmn">
                  <bpmn:process id="test-process" isExecutable="true" camunda:historyTimeToLive="P30D">
                %s
                  </bpmn:process>
                </bpmn:definitions>
                """.formatted(processContent);
    }

    List<ModelProblem> check(String name, String xml) {
        return validator.check(name, xml.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void acceptsWhatTheProjectsModelsDo() {
        assertThat(check("ok.bpmn", bpmn("""
                <bpmn:startEvent id="StartEvent_Received" camunda:asyncBefore="true" camunda:initiator="starter"/>
                <bpmn:serviceTask id="ServiceTask_Open" camunda:delegateExpression="${openAssignment}"/>
                <bpmn:userTask id="Task_Review" camunda:assignee="${reviewer}" camunda:candidateGroups="${unitCode}"
                    camunda:dueDate="${deadline}" camunda:formRef="review" camunda:formRefBinding="latest">
                  <bpmn:documentation>Dùng ${execution.getVariable('x')} trong tài liệu thì không sao</bpmn:documentation>
                  <bpmn:extensionElements>
                    <camunda:taskListener delegateExpression="${computeDeadline}" event="create"/>
                  </bpmn:extensionElements>
                </bpmn:userTask>
                <bpmn:callActivity id="CallActivity_Lifecycle" calledElement="assignment-lifecycle">
                  <bpmn:extensionElements>
                    <camunda:in businessKey="#{assignmentId}"/>
                    <camunda:in source="assignmentId" target="assignmentId"/>
                  </bpmn:extensionElements>
                  <bpmn:multiInstanceLoopCharacteristics camunda:collection="${units}" camunda:elementVariable="unit"/>
                </bpmn:callActivity>
                <bpmn:sequenceFlow id="Flow_Accepted" sourceRef="a" targetRef="b">
                  <bpmn:conditionExpression xsi:type="bpmn:tFormalExpression">${decision == 'accept' &amp;&amp; !late}</bpmn:conditionExpression>
                </bpmn:sequenceFlow>
                <bpmn:boundaryEvent id="Timer_Deadline" attachedToRef="Task_Review" cancelActivity="false">
                  <bpmn:timerEventDefinition><bpmn:timeDate>${nextAlertAt}</bpmn:timeDate></bpmn:timerEventDefinition>
                </bpmn:boundaryEvent>
                """))).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            method call in a service task | ServiceTask_X | METHOD_CALL | <bpmn:serviceTask id="ServiceTask_X" camunda:expression="${''.getClass().forName('java.lang.Runtime').getMethod('getRuntime').invoke(null).exec('id')}"/>
            engine services through the execution | ServiceTask_X | METHOD_CALL | <bpmn:serviceTask id="ServiceTask_X" camunda:expression="${execution.getProcessEngineServices().getIdentityService().createMembership('office.clerk','camunda-admin')}"/>
            script task | ScriptTask_X | SCRIPT_TASK | <bpmn:scriptTask id="ScriptTask_X" scriptFormat="javascript"><bpmn:script>1</bpmn:script></bpmn:scriptTask>
            camunda:class | ServiceTask_X | JAVA_CLASS | <bpmn:serviceTask id="ServiceTask_X" camunda:class="com.example.Evil"/>
            activiti:class (legacy namespace) | ServiceTask_X | JAVA_CLASS | <bpmn:serviceTask id="ServiceTask_X" activiti:class="com.example.Evil"/>
            class listener | Task_X | JAVA_CLASS | <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:taskListener class="com.example.Evil" event="create"/></bpmn:extensionElements></bpmn:userTask>
            variable mapping class | CallActivity_X | JAVA_CLASS | <bpmn:callActivity id="CallActivity_X" calledElement="x" camunda:variableMappingClass="com.example.Evil"/>
            form handler class | StartEvent_X | JAVA_CLASS | <bpmn:startEvent id="StartEvent_X" camunda:formHandlerClass="com.example.Evil"/>
            connector | ServiceTask_X | CONNECTOR | <bpmn:serviceTask id="ServiceTask_X"><bpmn:extensionElements><camunda:connector><camunda:connectorId>http-connector</camunda:connectorId></camunda:connector></bpmn:extensionElements></bpmn:serviceTask>
            shell service task | ServiceTask_X | SERVICE_TYPE | <bpmn:serviceTask id="ServiceTask_X" camunda:type="shell"/>
            external task topic not on the list | ServiceTask_X | EXTERNAL_TOPIC | <bpmn:serviceTask id="ServiceTask_X" camunda:type="external" camunda:topic="anything"/>
            script condition | Flow_X | SCRIPT_LANGUAGE | <bpmn:sequenceFlow id="Flow_X" sourceRef="a" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" language="groovy">true</bpmn:conditionExpression></bpmn:sequenceFlow>
            script condition from a resource | Flow_X | SCRIPT_RESOURCE | <bpmn:sequenceFlow id="Flow_X" sourceRef="a" targetRef="b"><bpmn:conditionExpression xsi:type="bpmn:tFormalExpression" camunda:resource="deployment://x.js"/></bpmn:sequenceFlow>
            script listener | Task_X | SCRIPT | <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:executionListener event="start"><camunda:script scriptFormat="javascript">1</camunda:script></camunda:executionListener></bpmn:extensionElements></bpmn:userTask>
            script input parameter | ServiceTask_X | SCRIPT | <bpmn:serviceTask id="ServiceTask_X" camunda:delegateExpression="${openAssignment}"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="a"><camunda:script scriptFormat="groovy">1</camunda:script></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>
            input parameter list entry | ServiceTask_X | METHOD_CALL | <bpmn:serviceTask id="ServiceTask_X" camunda:delegateExpression="${openAssignment}"><bpmn:extensionElements><camunda:inputOutput><camunda:inputParameter name="a"><camunda:list><camunda:value>${x.y()}</camunda:value></camunda:list></camunda:inputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>
            output parameter map entry | ServiceTask_X | PROPERTY_ACCESS | <bpmn:serviceTask id="ServiceTask_X" camunda:delegateExpression="${openAssignment}"><bpmn:extensionElements><camunda:inputOutput><camunda:outputParameter name="a"><camunda:map><camunda:entry key="k">${x.y}</camunda:entry></camunda:map></camunda:outputParameter></camunda:inputOutput></bpmn:extensionElements></bpmn:serviceTask>
            delegate expression naming a framework bean | ServiceTask_X | NOT_A_PROJECT_BEAN | <bpmn:serviceTask id="ServiceTask_X" camunda:delegateExpression="${dataSource}"/>
            listener expression | Task_X | METHOD_CALL | <bpmn:userTask id="Task_X"><bpmn:extensionElements><camunda:taskListener expression="${x.run()}" event="create"/></bpmn:extensionElements></bpmn:userTask>
            assignee | Task_X | METHOD_CALL | <bpmn:userTask id="Task_X" camunda:assignee="${x.y()}"/>
            candidate users | Task_X | PROPERTY_ACCESS | <bpmn:userTask id="Task_X" camunda:candidateUsers="${x.y}"/>
            priority | Task_X | FUNCTION_CALL | <bpmn:userTask id="Task_X" camunda:priority="${now()}"/>
            follow-up date | Task_X | METHOD_CALL | <bpmn:userTask id="Task_X" camunda:followUpDate="${x.y()}"/>
            form key | Task_X | METHOD_CALL | <bpmn:userTask id="Task_X" camunda:formKey="${x.y()}"/>
            called element | CallActivity_X | METHOD_CALL | <bpmn:callActivity id="CallActivity_X" calledElement="${x.y()}"/>
            business key mapping | CallActivity_X | METHOD_CALL | <bpmn:callActivity id="CallActivity_X" calledElement="a"><bpmn:extensionElements><camunda:in businessKey="${x.y()}"/></bpmn:extensionElements></bpmn:callActivity>
            out mapping | CallActivity_X | ENGINE_OBJECT | <bpmn:callActivity id="CallActivity_X" calledElement="a"><bpmn:extensionElements><camunda:out sourceExpression="${execution}" target="t"/></bpmn:extensionElements></bpmn:callActivity>
            multi-instance collection | Task_X | METHOD_CALL | <bpmn:userTask id="Task_X"><bpmn:multiInstanceLoopCharacteristics camunda:collection="${x.y()}" camunda:elementVariable="e"/></bpmn:userTask>
            loop cardinality | Task_X | METHOD_CALL | <bpmn:userTask id="Task_X"><bpmn:multiInstanceLoopCharacteristics><bpmn:loopCardinality>${x.y()}</bpmn:loopCardinality></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
            completion condition | Task_X | METHOD_CALL | <bpmn:userTask id="Task_X"><bpmn:multiInstanceLoopCharacteristics><bpmn:completionCondition>${x.y()}</bpmn:completionCondition></bpmn:multiInstanceLoopCharacteristics></bpmn:userTask>
            timer | Timer_X | METHOD_CALL | <bpmn:startEvent id="Timer_X"><bpmn:timerEventDefinition><bpmn:timeDate>${x.y()}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:startEvent>
            result variable | ServiceTask_X | NOT_A_NAME | <bpmn:serviceTask id="ServiceTask_X" camunda:expression="${a}" camunda:resultVariable="${b}"/>
            message name | Message_X | METHOD_CALL | <bpmn:message id="Message_X" name="${x.y()}"/>
            error code | Error_X | METHOD_CALL | <bpmn:error id="Error_X" errorCode="${x.y()}"/>
            field injection | ServiceTask_X | METHOD_CALL | <bpmn:serviceTask id="ServiceTask_X" camunda:delegateExpression="${openAssignment}"><bpmn:extensionElements><camunda:field name="f"><camunda:expression>${x.y()}</camunda:expression></camunda:field></bpmn:extensionElements></bpmn:serviceTask>
            """)
    void refuses(String what, String elementId, Refusal reason, String element) {
        List<ModelProblem> problems = check("attack.bpmn", bpmn(element));
        assertThat(problems).as(what).isNotEmpty();
        assertThat(problems.get(0).getMainElementId()).isEqualTo(elementId);
        assertThat(problems.get(0).refusal()).as(what).isEqualTo(reason);
        assertThat(problems.get(0).getMessage()).startsWith(reason.at(elementId));
    }

    @Test
    void messagesAreVietnameseFirstAndNameTheElement() {
        List<ModelProblem> problems = check("attack.bpmn", bpmn(
                "<bpmn:serviceTask id=\"ServiceTask_X\" camunda:expression=\"${a.b()}\"/>"));
        assertThat(problems).singleElement().extracting(ModelProblem::getMessage).asString()
                .startsWith("Biểu thức không được phép tại phần tử ServiceTask_X: gọi phương thức "
                        + "(method calls are not allowed)");
    }

    static String dmn(String definitionsAttributes, String entryAttributes, String entry) {
        return """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="Definitions_Test" name="t"
                    namespace="https://dieuhanh.vn/dmn" %s>
                  <decision id="test-decision" name="t">
                    <decisionTable id="DecisionTable_Test">
                      <input id="Input_Score"><inputExpression id="InputExpression_Score" typeRef="double"><text>score</text></inputExpression></input>
                      <output id="Output_Band" name="band" typeRef="string"/>
                      <rule id="Rule_Good">
                        <inputEntry id="UnaryTests_GoodScore"><text>&gt;= 90</text></inputEntry>
                        <outputEntry id="LiteralExpression_GoodBand" %s><text>%s</text></outputEntry>
                      </rule>
                    </decisionTable>
                  </decision>
                </definitions>
                """.formatted(definitionsAttributes, entryAttributes, entry);
    }

    @Test
    void acceptsFeelAndJuelInsideTheGrammar() {
        assertThat(check("ok.dmn", dmn("", "", "\"GOOD\""))).isEmpty();
        assertThat(check("ok.dmn", dmn("", "expressionLanguage=\"feel\"", "score * 2"))).isEmpty();
        assertThat(check("ok.dmn", dmn("", "expressionLanguage=\"juel\"", "score &gt; 90 ? 'A' : 'B'"))).isEmpty();
    }

    @Test
    void refusesJuelMethodCallsAndScriptsInDmn() {
        assertThat(check("bad.dmn", dmn("", "expressionLanguage=\"juel\"", "''.getClass().forName('x')")))
                .singleElement().satisfies(problem -> {
                    assertThat(problem.getMainElementId()).isEqualTo("LiteralExpression_GoodBand");
                    assertThat(problem.refusal()).isEqualTo(Refusal.METHOD_CALL);
                });
        assertThat(check("bad.dmn", dmn("", "expressionLanguage=\"javascript\"", "1")))
                .extracting(ModelProblem::refusal).containsExactly(Refusal.SCRIPT_LANGUAGE);
        // a script language as the definitions' default applies to every entry without its own language
        assertThat(check("bad.dmn", dmn("expressionLanguage=\"groovy\"", "", "1")))
                .extracting(ModelProblem::refusal).containsOnly(Refusal.SCRIPT_LANGUAGE).hasSize(3);
    }

    @Test
    void refusesCmmnAndUnreadableFilesAndIgnoresForms() {
        assertThat(check("case.cmmn", "<definitions/>")).extracting(ModelProblem::refusal)
                .containsExactly(Refusal.CMMN);
        assertThat(check("broken.bpmn", "<bpmn:definitions")).extracting(ModelProblem::refusal)
                .containsExactly(Refusal.UNREADABLE);
        assertThat(check("xxe.bpmn", "<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                + "<d>&x;</d>")).extracting(ModelProblem::refusal).containsExactly(Refusal.UNREADABLE);
        assertThat(check("review.form", "{\"components\":[{\"key\":\"${x.y()}\"}]}")).isEmpty();
    }
}
