package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.ComplexGateway;
import org.camunda.bpm.model.bpmn.instance.EndEvent;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventBasedGateway;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.InclusiveGateway;
import org.camunda.bpm.model.bpmn.instance.ParallelGateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.Task;
import org.camunda.bpm.model.bpmn.instance.TerminateEventDefinition;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.camunda.bpm.model.xml.instance.ModelElementInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The lint rules Camunda Modeler applies (bpmnlint {@code recommended}), in Java so that the Maven build runs them
 * without Node, plus checks of the diagram interchange (DI) the Modeler does not make: labels clear of shapes and
 * flows, a shape for every flow node and an edge for every sequence flow.
 * <p>
 * Each rule follows bpmnlint's definition (rules/*.js in bpmn-io/bpmnlint), with two deliberate differences, noted
 * at the rule: {@code superfluous-termination} looks for concurrency instead of only for nodes without outgoing
 * flows (bpmnlint's check would call a termination that stops a looping deadline watcher superfluous), and
 * {@code superfluous-label} (not a bpmnlint rule) flags names that carry no choice: on converging gateways and on
 * sequence flows that neither carry a condition nor are a default flow.
 * <p>
 * Plain JUnit: the models are read from {@code processes/} with the Camunda model API, no engine is started.
 */
class ModelLintTest {

    static final Path PROCESSES = Path.of("processes");
    static final Map<Path, BpmnModelInstance> MODELS = new LinkedHashMap<>();

    @BeforeAll
    static void readEveryModel() throws IOException {
        try (Stream<Path> files = Files.walk(PROCESSES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".bpmn")).sorted().toList()) {
                MODELS.put(file, Bpmn.readModelFromFile(file.toFile()));
            }
        }
        assertThat(MODELS).hasSizeGreaterThanOrEqualTo(8);
    }

    // --- bpmnlint recommended --------------------------------------------------------------------------------------

    /** fake-join: an activity or event with more than one incoming flow; a join must be a gateway. */
    @Test
    void fakeJoin() {
        assertNoViolations((file, model, violations) -> {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if ((node instanceof Activity || node instanceof Event) && node.getIncoming().size() > 1) {
                    violations.add(file + ": " + node.getId() + " joins " + ids(node.getIncoming())
                            + " without a gateway (fake-join)");
                }
            }
        });
    }

    /** superfluous-gateway: a gateway with exactly one incoming and one outgoing flow. */
    @Test
    void superfluousGateway() {
        assertNoViolations((file, model, violations) -> {
            for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
                if (gateway.getIncoming().size() == 1 && gateway.getOutgoing().size() == 1) {
                    violations.add(file + ": " + gateway.getId() + " has one source and one target");
                }
            }
        });
    }

    /** no-gateway-join-fork: a gateway both joins and forks. */
    @Test
    void noGatewayJoinFork() {
        assertNoViolations((file, model, violations) -> {
            for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
                if (gateway.getIncoming().size() > 1 && gateway.getOutgoing().size() > 1) {
                    violations.add(file + ": " + gateway.getId() + " forks and joins");
                }
            }
        });
    }

    /** no-complex-gateway and no-inclusive-gateway. */
    @Test
    void noComplexOrInclusiveGateway() {
        assertNoViolations((file, model, violations) -> {
            model.getModelElementsByType(ComplexGateway.class)
                    .forEach(g -> violations.add(file + ": complex gateway " + g.getId()));
            model.getModelElementsByType(InclusiveGateway.class)
                    .forEach(g -> violations.add(file + ": inclusive gateway " + g.getId()));
        });
    }

    /**
     * no-implicit-split: an activity or event with more than one outgoing flow without a condition (and not its
     * default flow); conditional-flows: a node that forks on conditions has a condition or is the default on each
     * outgoing flow.
     */
    @Test
    void noImplicitSplitAndConditionalFlows() {
        assertNoViolations((file, model, violations) -> {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                Collection<SequenceFlow> outgoing = node.getOutgoing();
                String defaultFlow = node.getAttributeValue("default");
                if (node instanceof Activity || node instanceof Event) {
                    long plain = outgoing.stream()
                            .filter(f -> f.getConditionExpression() == null && !f.getId().equals(defaultFlow))
                            .count();
                    if (plain > 1) {
                        violations.add(file + ": " + node.getId() + " splits implicitly " + ids(outgoing));
                    }
                }
                boolean conditionalFork = defaultFlow != null
                        || outgoing.size() > 1 && outgoing.stream().anyMatch(f -> f.getConditionExpression() != null);
                if (conditionalFork && !(node instanceof ParallelGateway) && !(node instanceof EventBasedGateway)) {
                    for (SequenceFlow flow : outgoing) {
                        if (flow.getConditionExpression() == null && !flow.getId().equals(defaultFlow)) {
                            violations.add(file + ": " + flow.getId() + " out of " + node.getId()
                                    + " has no condition (conditional-flows)");
                        }
                    }
                }
            }
        });
    }

    /** no-disconnected: a task, gateway, sub-process or event with no flow in or out (event sub-processes aside). */
    @Test
    void noDisconnected() {
        assertNoViolations((file, model, violations) -> {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                boolean eventSubProcess = node instanceof SubProcess sub && sub.triggeredByEvent();
                boolean kind = node instanceof Task || node instanceof Gateway || node instanceof SubProcess
                        || node instanceof Event;
                if (kind && !eventSubProcess && node.getIncoming().isEmpty() && node.getOutgoing().isEmpty()) {
                    violations.add(file + ": " + node.getId() + " is not connected");
                }
            }
        });
    }

    /** no-implicit-start and no-implicit-end: only start/boundary events start a path, only end events end one. */
    @Test
    void noImplicitStartOrEnd() {
        assertNoViolations((file, model, violations) -> {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (node instanceof SubProcess sub && sub.triggeredByEvent()) {
                    continue;
                }
                if (node.getIncoming().isEmpty() && !(node instanceof StartEvent) && !(node instanceof BoundaryEvent)) {
                    violations.add(file + ": " + node.getId() + " is an implicit start");
                }
                if (node.getOutgoing().isEmpty() && !(node instanceof EndEvent)) {
                    violations.add(file + ": " + node.getId() + " is an implicit end");
                }
            }
        });
    }

    /** label-required: every flow node has a name, except sub-processes, parallel and converging gateways. */
    @Test
    void labelRequired() {
        assertNoViolations((file, model, violations) -> {
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                boolean exempt = node instanceof SubProcess || node instanceof ParallelGateway
                        || node instanceof EventBasedGateway
                        || node instanceof Gateway && node.getOutgoing().size() <= 1;
                if (!exempt && blank(node.getName())) {
                    violations.add(file + ": " + node.getId() + " has no label");
                }
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (flow.getConditionExpression() != null && blank(flow.getName())) {
                    violations.add(file + ": conditional flow " + flow.getId() + " has no label");
                }
            }
        });
    }

    /**
     * superfluous-label: a name that states no choice, on a converging gateway or on a sequence flow that has no
     * condition and is no default flow (the reader sees where an unconditional flow goes).
     */
    @Test
    void superfluousLabel() {
        assertNoViolations((file, model, violations) -> {
            for (Gateway gateway : model.getModelElementsByType(Gateway.class)) {
                if (gateway.getOutgoing().size() <= 1 && !blank(gateway.getName())) {
                    violations.add(file + ": converging gateway " + gateway.getId() + " is labelled \""
                            + gateway.getName() + "\"");
                }
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                boolean isDefault = flow.getId().equals(flow.getSource().getAttributeValue("default"));
                if (!blank(flow.getName()) && flow.getConditionExpression() == null && !isDefault) {
                    violations.add(file + ": unconditional flow " + flow.getId() + " is labelled \""
                            + flow.getName() + "\"");
                }
            }
        });
    }

    /**
     * superfluous-termination: a terminate end event where nothing else can still be active in its scope. bpmnlint
     * only asks whether every node without outgoing flows terminates, which misjudges a termination that stops a
     * looping deadline watcher; here a termination is superfluous when its scope has no concurrency: no parallel,
     * inclusive, complex or event-based gateway, no implicit split, no non-interrupting boundary event or event
     * sub-process.
     */
    @Test
    void superfluousTermination() {
        assertNoViolations((file, model, violations) -> {
            List<BaseElement> scopes = new ArrayList<>(model.getModelElementsByType(Process.class));
            scopes.addAll(model.getModelElementsByType(SubProcess.class));
            for (BaseElement scope : scopes) {
                Collection<FlowElement> elements = flowElementsOf(scope);
                List<EndEvent> terminations = elements.stream().filter(EndEvent.class::isInstance)
                        .map(EndEvent.class::cast).filter(ModelLintTest::terminates).toList();
                if (!terminations.isEmpty() && !concurrent(elements)) {
                    terminations.forEach(end -> violations.add(file + ": " + end.getId()
                            + " terminates " + scope.getId() + ", where nothing else runs"));
                }
            }
        });
    }

    /** start-event-required and end-event-required, for processes and sub-processes. */
    @Test
    void startAndEndEventRequired() {
        assertNoViolations((file, model, violations) -> {
            List<BaseElement> scopes = new ArrayList<>(model.getModelElementsByType(Process.class));
            scopes.addAll(model.getModelElementsByType(SubProcess.class));
            for (BaseElement scope : scopes) {
                Collection<FlowElement> elements = flowElementsOf(scope);
                if (elements.stream().noneMatch(StartEvent.class::isInstance)) {
                    violations.add(file + ": " + scope.getId() + " has no start event");
                }
                if (elements.stream().noneMatch(EndEvent.class::isInstance)) {
                    violations.add(file + ": " + scope.getId() + " has no end event");
                }
            }
        });
    }

    /** single-blank-start-event: at most one start event without an event definition per scope. */
    @Test
    void singleBlankStartEvent() {
        assertNoViolations((file, model, violations) -> {
            List<BaseElement> scopes = new ArrayList<>(model.getModelElementsByType(Process.class));
            scopes.addAll(model.getModelElementsByType(SubProcess.class));
            for (BaseElement scope : scopes) {
                long blank = flowElementsOf(scope).stream().filter(StartEvent.class::isInstance)
                        .filter(e -> ((StartEvent) e).getEventDefinitions().isEmpty()).count();
                if (blank > 1) {
                    violations.add(file + ": " + scope.getId() + " has " + blank + " blank start events");
                }
            }
        });
    }

    /** single-event-definition: an event has at most one event definition. */
    @Test
    void singleEventDefinition() {
        assertNoViolations((file, model, violations) -> {
            for (Event event : model.getModelElementsByType(Event.class)) {
                if (event.getChildElementsByType(EventDefinition.class).size() > 1) {
                    violations.add(file + ": " + event.getId() + " has several event definitions");
                }
            }
        });
    }

    /** no-duplicate-sequence-flows: two flows with the same source, target and condition. */
    @Test
    void noDuplicateSequenceFlows() {
        assertNoViolations((file, model, violations) -> {
            Map<String, String> seen = new HashMap<>();
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                String key = flow.getSource().getId() + "#" + flow.getTarget().getId() + "#"
                        + (flow.getConditionExpression() == null ? "" : flow.getConditionExpression().getTextContent());
                String other = seen.putIfAbsent(key, flow.getId());
                if (other != null) {
                    violations.add(file + ": " + flow.getId() + " duplicates " + other);
                }
            }
        });
    }

    // --- diagram interchange ---------------------------------------------------------------------------------------

    /** no-bpmndi: every flow node has a shape, every sequence flow an edge with at least two waypoints. */
    @Test
    void everyFlowNodeHasAShapeAndEveryFlowAnEdge() {
        assertNoViolations((file, model, violations) -> {
            Set<String> shapes = new HashSet<>();
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                if (shape.getBpmnElement() != null) {
                    shapes.add(shape.getBpmnElement().getId());
                }
            }
            Set<String> edges = new HashSet<>();
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                if (edge.getBpmnElement() != null) {
                    edges.add(edge.getBpmnElement().getId());
                    if (edge.getWaypoints().size() < 2) {
                        violations.add(file + ": edge of " + edge.getBpmnElement().getId() + " has "
                                + edge.getWaypoints().size() + " waypoints");
                    }
                }
            }
            for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
                if (!shapes.contains(node.getId())) {
                    violations.add(file + ": " + node.getId() + " has no shape");
                }
            }
            for (SequenceFlow flow : model.getModelElementsByType(SequenceFlow.class)) {
                if (!edges.contains(flow.getId())) {
                    violations.add(file + ": " + flow.getId() + " has no edge");
                }
            }
        });
    }

    /**
     * Labels are readable: a label's bounds overlap no other element's shape (an expanded sub-process only when the
     * label crosses its border), no other label, and no segment of a sequence flow (an edge label aside its own
     * flow).
     */
    @Test
    void labelsOverlapNoShapeNoLabelAndNoFlow() {
        assertNoViolations((file, model, violations) -> {
            Map<String, Rectangle2D> labels = new LinkedHashMap<>();
            Map<String, Rectangle2D> shapes = new LinkedHashMap<>();
            Set<String> containers = new HashSet<>();
            Map<String, List<Line2D>> flows = new LinkedHashMap<>();
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                if (shape.getBpmnElement() == null) {
                    continue;
                }
                String id = shape.getBpmnElement().getId();
                shapes.put(id, rectangle(shape.getBounds()));
                if (shape.getBpmnElement() instanceof SubProcess && !Boolean.FALSE.equals(shape.isExpanded())) {
                    containers.add(id);
                }
                if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null
                        && !blank(nameOf(shape.getBpmnElement()))) {
                    labels.put(id, rectangle(shape.getBpmnLabel().getBounds()));
                }
            }
            for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
                if (edge.getBpmnElement() == null) {
                    continue;
                }
                String id = edge.getBpmnElement().getId();
                List<Line2D> segments = new ArrayList<>();
                List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
                for (int i = 1; i < points.size(); i++) {
                    segments.add(new Line2D.Double(points.get(i - 1).getX(), points.get(i - 1).getY(),
                            points.get(i).getX(), points.get(i).getY()));
                }
                flows.put(id, segments);
                if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null
                        && !blank(nameOf(edge.getBpmnElement()))) {
                    labels.put(id, rectangle(edge.getBpmnLabel().getBounds()));
                }
            }
            Set<String> reportedPairs = new HashSet<>();
            labels.forEach((owner, label) -> {
                shapes.forEach((id, bounds) -> {
                    if (id.equals(owner) || !label.intersects(bounds)) {
                        return;
                    }
                    if (containers.contains(id) && bounds.contains(label)) {
                        return;
                    }
                    violations.add(file + ": label of " + owner + " " + text(label) + " overlaps shape " + id
                            + " " + text(bounds));
                });
                labels.forEach((other, otherLabel) -> {
                    if (!other.equals(owner) && label.intersects(otherLabel)
                            && reportedPairs.add(owner.compareTo(other) < 0 ? owner + other : other + owner)) {
                        violations.add(file + ": label of " + owner + " " + text(label) + " overlaps label of "
                                + other + " " + text(otherLabel));
                    }
                });
                flows.forEach((id, segments) -> {
                    if (id.equals(owner)) {
                        return;
                    }
                    for (Line2D segment : segments) {
                        if (label.intersectsLine(segment)) {
                            violations.add(file + ": label of " + owner + " " + text(label) + " crosses flow "
                                    + id + " at (" + (int) segment.getX1() + "," + (int) segment.getY1() + ")-("
                                    + (int) segment.getX2() + "," + (int) segment.getY2() + ")");
                            return;
                        }
                    }
                });
            });
        });
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    interface Check {
        void check(Path file, BpmnModelInstance model, List<String> violations);
    }

    static void assertNoViolations(Check check) {
        List<String> violations = new ArrayList<>();
        BiConsumer<Path, BpmnModelInstance> each = (file, model) -> check.check(file, model, violations);
        MODELS.forEach(each);
        assertThat(violations).isEmpty();
    }

    static Collection<FlowElement> flowElementsOf(BaseElement scope) {
        return scope instanceof Process process ? process.getFlowElements()
                : ((SubProcess) scope).getFlowElements();
    }

    static boolean terminates(EndEvent end) {
        return end.getEventDefinitions().stream().anyMatch(TerminateEventDefinition.class::isInstance);
    }

    /** Whether more than one path can be active at once in a scope. */
    static boolean concurrent(Collection<FlowElement> elements) {
        for (FlowElement element : elements) {
            if (element instanceof ParallelGateway || element instanceof InclusiveGateway
                    || element instanceof ComplexGateway || element instanceof EventBasedGateway) {
                if (((Gateway) element).getOutgoing().size() > 1) {
                    return true;
                }
            }
            if (element instanceof BoundaryEvent boundary && !boundary.cancelActivity()) {
                return true;
            }
            if (element instanceof SubProcess sub && sub.triggeredByEvent() && sub.getFlowElements().stream()
                    .anyMatch(e -> e instanceof StartEvent start && !start.isInterrupting())) {
                return true;
            }
            if ((element instanceof Activity || element instanceof Event) && !(element instanceof Gateway)) {
                FlowNode node = (FlowNode) element;
                String defaultFlow = node.getAttributeValue("default");
                if (node.getOutgoing().stream()
                        .filter(f -> f.getConditionExpression() == null && !f.getId().equals(defaultFlow))
                        .count() > 1) {
                    return true;
                }
            }
        }
        return false;
    }

    static String nameOf(ModelElementInstance element) {
        return element.getAttributeValue("name");
    }

    static boolean blank(String text) {
        return text == null || text.isBlank();
    }

    static Rectangle2D rectangle(Bounds bounds) {
        return new Rectangle2D.Double(bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
    }

    static String text(Rectangle2D r) {
        return "[" + (int) r.getX() + "," + (int) r.getY() + " " + (int) r.getWidth() + "x" + (int) r.getHeight() + "]";
    }

    static List<String> ids(Collection<? extends BaseElement> elements) {
        return elements.stream().map(BaseElement::getId).toList();
    }
}
