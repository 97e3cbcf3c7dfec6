package vn.dieuhanh.platform.deployment;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.w3c.dom.Attr;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;

/**
 * Walks every element, attribute and text of a BPMN file (diagram interchange and documentation aside): whatever the
 * engine may evaluate is in one of them, so nothing depends on knowing each place an expression can live. Camunda's
 * extension attributes and elements (and their legacy {@code activiti:} spelling, which the engine still reads) get
 * the specific rules; every other value containing {@code ${} or {@code #{} must be in {@link ExpressionGrammar}.
 */
final class BpmnCheck {

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI");
    static final String EXTERNAL = "external";

    private final Predicate<String> projectBean;
    private final Set<String> externalTaskTopics;

    BpmnCheck(Predicate<String> projectBean, Set<String> externalTaskTopics) {
        this.projectBean = projectBean;
        this.externalTaskTopics = externalTaskTopics;
    }

    List<ModelProblem> check(Document document) {
        List<ModelProblem> problems = new ArrayList<>();
        Element root = document.getDocumentElement();
        walk(root, ModelXml.idOr(root, "definitions"), problems);
        return problems;
    }

    private void walk(Element element, String ownerId, List<ModelProblem> problems) {
        String ns = element.getNamespaceURI();
        if (in(DIAGRAM, ns)) {
            return;
        }
        String name = element.getLocalName();
        boolean bpmn = BPMN.equals(ns);
        boolean camunda = in(CAMUNDA, ns);
        String owner = bpmn ? ModelXml.idOr(element, ownerId) : ownerId;
        if (bpmn && ("documentation".equals(name) || "text".equals(name))) {
            return; // read by people, never evaluated
        }
        if (bpmn && "scriptTask".equals(name)) {
            problems.add(new ModelProblem(owner, Refusal.SCRIPT_TASK, element.getTagName(), null));
            return;
        }
        if ((bpmn || camunda) && "script".equals(name)) {
            problems.add(new ModelProblem(owner, Refusal.SCRIPT, element.getTagName(), null));
            return;
        }
        if (camunda && "connector".equals(name)) {
            problems.add(new ModelProblem(owner, Refusal.CONNECTOR, element.getTagName(), null));
            return;
        }
        checkAttributes(element, owner, camunda, problems);
        String text = ModelXml.ownText(element);
        ExpressionGrammar.check(text).ifPresent(refusal ->
                problems.add(new ModelProblem(owner, refusal, element.getTagName(), text.trim())));
        for (Element child : ModelXml.children(element)) {
            walk(child, owner, problems);
        }
    }

    private void checkAttributes(Element element, String owner, boolean camundaElement, List<ModelProblem> problems) {
        NamedNodeMap attributes = element.getAttributes();
        for (int i = 0; i < attributes.getLength(); i++) {
            Attr attribute = (Attr) attributes.item(i);
            String ns = attribute.getNamespaceURI();
            if ("http://www.w3.org/2000/xmlns/".equals(ns) || "http://www.w3.org/2001/XMLSchema-instance".equals(ns)) {
                continue;
            }
            boolean prefixed = in(CAMUNDA, ns);
            boolean camunda = prefixed || (ns == null && camundaElement);
            String where = element.getTagName() + " " + attribute.getName();
            String value = attribute.getValue();
            checkAttribute(element, attribute.getLocalName(), value, camunda, prefixed, !camunda && ns == null)
                    .ifPresent(refusal -> problems.add(new ModelProblem(owner, refusal, where, value)));
        }
    }

    private Optional<Refusal> checkAttribute(Element element, String name, String value, boolean camunda,
                                             boolean prefixed, boolean plainBpmn) {
        if (plainBpmn && "language".equals(name) && !value.isBlank()) {
            return Optional.of(Refusal.SCRIPT_LANGUAGE); // script conditions: <conditionExpression language="...">
        }
        if (!camunda) {
            return ExpressionGrammar.check(value);
        }
        if ("class".equals(name) || name.endsWith("Class")) {
            return Optional.of(Refusal.JAVA_CLASS); // camunda:class, variableMappingClass, formHandlerClass
        }
        if ("delegateExpression".equals(name) || name.endsWith("DelegateExpression")) {
            return ExpressionGrammar.checkDelegate(value, projectBean);
        }
        if ("resource".equals(name)) {
            return Optional.of(Refusal.SCRIPT_RESOURCE);
        }
        if ("resultVariable".equals(name)) {
            return ExpressionGrammar.checkName(value);
        }
        if (prefixed && "type".equals(name)) {
            // the engine also knows "mail" and "shell" (a shell command run by the job executor)
            if (!EXTERNAL.equals(value)) {
                return Optional.of(Refusal.SERVICE_TYPE);
            }
            String topic = topicOf(element);
            return externalTaskTopics.contains(topic) ? Optional.empty() : Optional.of(Refusal.EXTERNAL_TOPIC);
        }
        return ExpressionGrammar.check(value);
    }

    private static boolean in(Set<String> namespaces, String ns) {
        return ns != null && namespaces.contains(ns);
    }

    private static String topicOf(Element element) {
        for (String ns : CAMUNDA) {
            if (element.hasAttributeNS(ns, "topic")) {
                return element.getAttributeNS(ns, "topic");
            }
        }
        return "";
    }
}
