package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ScriptTask;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.TimerEventDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.xml.instance.DomElement;
import org.camunda.spin.Spin;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;

/**
 * Conventions every model in the analysts' {@code processes/} folder follows: meaningful, type-prefixed ids; a
 * history time to live; the file named after its process; labels; no Java classes or scripts; delegate expressions
 * that name beans of the application; form references that name a deployed form.
 * <p>
 * Same {@code @SpringBootTest} as {@link DemoProfileOnH2Test}, so the cached application context is shared.
 */
@SpringBootTest(properties = "spring.datasource.url=jdbc:h2:mem:demo-profile-test;DB_CLOSE_DELAY=-1")
class ModelConventionsTest {

    static final Path PROCESSES = Path.of("processes");
    static final String CAMUNDA = BpmnModelConstants.CAMUNDA_NS;

    /** Ids Camunda Modeler generates: {@code Activity_0abc123}, {@code Flow_1x2y3z4}, {@code StartEvent_1}, ... */
    static final Pattern GENERATED = Pattern.compile("^[A-Za-z]+_[0-9][0-9a-z]{5,}$|_[0-9]+$");
    /** After the type prefix: words in PascalCase. */
    static final String WORDS = "_[A-Z][a-z]+[A-Za-z0-9]*";
    static final Pattern PROCESS_ID = Pattern.compile("^[a-z]+(-[a-z]+)*$");
    static final Pattern BEAN_REFERENCE = Pattern.compile("^\\$\\{([A-Za-z_][A-Za-z0-9_]*)}$");

    static final Map<Path, BpmnModelInstance> MODELS = new LinkedHashMap<>();

    @Autowired
    ApplicationContext application;
    @Autowired
    RepositoryService repositoryService;

    @BeforeAll
    static void readEveryModel() throws IOException {
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                MODELS.put(file, Bpmn.readModelFromFile(file.toFile()));
            }
        }
        assertThat(MODELS.keySet()).as("models under " + PROCESSES.toAbsolutePath())
                .contains(PROCESSES.resolve("assignment/assignment-lifecycle.bpmn"),
                        PROCESSES.resolve("directive/directive-handling.bpmn"));
    }

    @Test
    void idsAreMeaningfulAndPrefixedWithTheElementType() {
        List<String> violations = new ArrayList<>();
        forEachModel((file, model) -> {
            for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
                String id = element.getId();
                if (id != null && GENERATED.matcher(id).find()) {
                    violations.add(file + ": generated id " + id);
                }
            }
            for (Process process : model.getModelElementsByType(Process.class)) {
                if (!PROCESS_ID.matcher(process.getId()).matches()) {
                    violations.add(file + ": process id " + process.getId() + " is not lower-case-words");
                }
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                String prefixes = prefixesOf(node);
                if (!node.getId().matches("^(" + prefixes + ")" + WORDS + "$")) {
                    violations.add(file + ": " + node.getElementType().getTypeName() + " " + node.getId()
                            + " should be " + prefixes + "_<Words>");
                }
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (!flow.getId().matches("^Flow" + WORDS + "$")) {
                    violations.add(file + ": sequence flow " + flow.getId() + " should be Flow_<Words>");
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    /** The id prefixes allowed for a kind of flow node. */
    static String prefixesOf(FlowNode node) {
        if (node instanceof UserTask) {
            return "Task";
        }
        if (node instanceof ServiceTask) {
            return "ServiceTask";
        }
        if (node instanceof CallActivity) {
            return "CallActivity";
        }
        if (node instanceof SubProcess) {
            return "SubProcess";
        }
        if (node instanceof Activity) {
            return "Task";
        }
        if (node instanceof Gateway) {
            return "Gateway";
        }
        if (node instanceof StartEvent) {
            return "StartEvent";
        }
        if (node instanceof EndEvent) {
            return "EndEvent";
        }
        if (node instanceof BoundaryEvent boundary) {
            return boundary.getEventDefinitions().stream().anyMatch(TimerEventDefinition.class::isInstance)
                    ? "Timer|BoundaryEvent" : "BoundaryEvent";
        }
        if (node instanceof Event event) {
            return event.getChildElementsByType(TimerEventDefinition.class).isEmpty() ? "Event" : "Timer|Event";
        }
        return node.getElementType().getTypeName();
    }

    @Test
    void everyFileHoldsOneExecutableProcessNamedLikeTheFileWithAHistoryTimeToLive() {
        List<String> violations = new ArrayList<>();
        forEachModel((file, model) -> {
            Collection<Process> processes = model.getModelElementsByType(Process.class);
            String name = file.getFileName().toString().replaceFirst("\\.bpmn$", "");
            if (processes.size() != 1 || !processes.iterator().next().getId().equals(name)) {
                violations.add(file + ": expected one process with id " + name + ", found "
                        + processes.stream().map(Process::getId).toList());
            }
            for (Process process : processes) {
                if (!process.isExecutable()) {
                    violations.add(file + ": process " + process.getId() + " is not executable");
                } else if (process.getCamundaHistoryTimeToLiveString() == null
                        || process.getCamundaHistoryTimeToLiveString().isBlank()) {
                    violations.add(file + ": process " + process.getId() + " has no camunda:historyTimeToLive");
                }
                if (repositoryService.createProcessDefinitionQuery().processDefinitionKey(process.getId())
                        .count() == 0) {
                    violations.add(file + ": process " + process.getId() + " is not deployed by the application");
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void everyDecisionFileHoldsADecisionNamedLikeTheFileWithLabelsAndAHistoryTimeToLive() throws IOException {
        List<String> violations = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> walk = Files.walk(PROCESSES)) {
            files = walk.filter(f -> f.toString().endsWith(".dmn")).sorted().toList();
        }
        assertThat(files).contains(PROCESSES.resolve("deadline/reminder-policy.dmn"));
        for (Path file : files) {
            DmnModelInstance model = Dmn.readModelFromFile(file.toFile());
            String name = file.getFileName().toString().replaceFirst("\\.dmn$", "");
            Collection<Decision> decisions = model.getModelElementsByType(Decision.class);
            if (decisions.stream().noneMatch(d -> d.getId().equals(name))) {
                violations.add(file + ": no decision with id " + name);
            }
            for (Decision decision : decisions) {
                if (decision.getName() == null || decision.getName().isBlank()) {
                    violations.add(file + ": decision " + decision.getId() + " has no name");
                }
                if (decision.getCamundaHistoryTimeToLiveString() == null) {
                    violations.add(file + ": decision " + decision.getId() + " has no camunda:historyTimeToLive");
                }
                if (repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey(decision.getId())
                        .count() == 0) {
                    violations.add(file + ": decision " + decision.getId() + " is not deployed by the application");
                }
            }
            for (Input input : model.getModelElementsByType(Input.class)) {
                if (input.getLabel() == null || input.getLabel().isBlank()) {
                    violations.add(file + ": input " + input.getId() + " has no label");
                }
            }
            for (Output output : model.getModelElementsByType(Output.class)) {
                if (output.getLabel() == null || output.getLabel().isBlank()) {
                    violations.add(file + ": output " + output.getId() + " has no label");
                }
            }
        }
        assertThat(violations).isEmpty();
    }

    @Test
    void userTasksServiceTasksAndStartEventsHaveLabels() {
        List<String> violations = new ArrayList<>();
        forEachModel((file, model) -> {
            List<FlowNode> labelled = new ArrayList<>();
            labelled.addAll(model.getModelElementsByType(UserTask.class));
            labelled.addAll(model.getModelElementsByType(ServiceTask.class));
            labelled.addAll(model.getModelElementsByType(StartEvent.class));
            for (FlowNode node : labelled) {
                if (node.getName() == null || node.getName().isBlank()) {
                    violations.add(file + ": " + node.getId() + " has no name");
                }
            }
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void noJavaClassesAndNoScripts() {
        List<String> violations = new ArrayList<>();
        forEachModel((file, model) -> {
            for (ScriptTask script : model.getModelElementsByType(ScriptTask.class)) {
                violations.add(file + ": script task " + script.getId());
            }
            walk(model.getDocument().getRootElement(), element -> {
                if (attribute(element, "class") != null) {
                    violations.add(file + ": camunda:class " + attribute(element, "class") + " on "
                            + describe(element));
                }
                if (CAMUNDA.equals(element.getNamespaceURI()) && "script".equals(element.getLocalName())) {
                    violations.add(file + ": camunda:script in " + describe(element.getParentElement()));
                }
            });
        });
        assertThat(violations).isEmpty();
    }

    @Test
    void everyDelegateExpressionNamesABeanOfTheApplication() {
        List<String> violations = new ArrayList<>();
        Set<String> checked = new HashSet<>();
        forEachModel((file, model) -> walk(model.getDocument().getRootElement(), element -> {
            String expression = attribute(element, "delegateExpression");
            if (expression == null) {
                return;
            }
            Matcher bean = BEAN_REFERENCE.matcher(expression);
            if (!bean.matches()) {
                violations.add(file + ": " + describe(element) + " delegateExpression " + expression
                        + " is not ${beanName}");
            } else if (!application.containsBean(bean.group(1))) {
                violations.add(file + ": " + describe(element) + " calls bean " + bean.group(1)
                        + ", which the application does not have");
            } else {
                checked.add(bean.group(1));
            }
        }));
        assertThat(violations).isEmpty();
        // the check did see the models' beans
        assertThat(checked).contains("openAssignment", "rememberCompleter", "offerDelegationOptions",
                "createInstantAssignment", "registerDirective", "planDirectiveAssignments", "closeDirective");
    }

    @Test
    void everyFormRefNamesAFormDeployedByTheApplication() throws IOException {
        Set<String> deployedForms = new HashSet<>();
        for (Deployment deployment : repositoryService.createDeploymentQuery().list()) {
            for (String resource : repositoryService.getDeploymentResourceNames(deployment.getId())) {
                if (resource.endsWith(".form")) {
                    try (InputStream form = repositoryService.getResourceAsStream(deployment.getId(), resource)) {
                        deployedForms.add(Spin.JSON(new String(form.readAllBytes(), StandardCharsets.UTF_8))
                                .prop("id").stringValue());
                    }
                }
            }
        }
        List<String> violations = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        forEachModel((file, model) -> walk(model.getDocument().getRootElement(), element -> {
            String formRef = element.getAttribute(CAMUNDA, "formRef");
            if (formRef != null) {
                referenced.add(formRef);
                if (!deployedForms.contains(formRef)) {
                    violations.add(file + ": " + describe(element) + " refers to form " + formRef
                            + ", which is not deployed (deployed: " + deployedForms + ")");
                }
            }
        }));
        assertThat(violations).isEmpty();
        assertThat(referenced).contains("handle-assignment", "assign-directive", "instant-assignment");
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    static void forEachModel(BiConsumer<Path, BpmnModelInstance> check) {
        MODELS.forEach(check);
    }

    static void walk(DomElement element, java.util.function.Consumer<DomElement> visit) {
        visit.accept(element);
        for (DomElement child : element.getChildElements()) {
            walk(child, visit);
        }
    }

    /**
     * A Camunda attribute: namespaced on BPMN elements ({@code camunda:delegateExpression} of a service task),
     * unqualified on Camunda's own elements ({@code delegateExpression} of a {@code camunda:taskListener}).
     */
    static String attribute(DomElement element, String name) {
        return CAMUNDA.equals(element.getNamespaceURI()) ? element.getAttribute(name)
                : element.getAttribute(CAMUNDA, name);
    }

    /** The element and the id of the nearest enclosing element that has one. */
    static String describe(DomElement element) {
        DomElement withId = element;
        while (withId != null && withId.getAttribute("id") == null) {
            withId = withId.getParentElement();
        }
        return element.getLocalName() + (withId == null ? "" : " in " + withId.getAttribute("id"));
    }
}
