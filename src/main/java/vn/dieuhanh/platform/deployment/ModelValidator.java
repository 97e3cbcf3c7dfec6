package vn.dieuhanh.platform.deployment;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Predicate;
import org.w3c.dom.Document;

/** Checks one deployment resource by its kind (BPMN, DMN, CMMN); other resources (forms, ...) are not models. */
final class ModelValidator {

    private final BpmnCheck bpmn;
    private final DmnCheck dmn = new DmnCheck();

    ModelValidator(Predicate<String> projectBean, Set<String> externalTaskTopics) {
        this.bpmn = new BpmnCheck(projectBean, externalTaskTopics);
    }

    List<ModelProblem> check(String resourceName, byte[] bytes) {
        String name = resourceName.toLowerCase(Locale.ROOT);
        boolean isBpmn = name.endsWith(".bpmn") || name.endsWith(".bpmn20.xml");
        boolean isDmn = name.endsWith(".dmn") || name.endsWith(".dmn11.xml");
        if (name.endsWith(".cmmn") || name.endsWith(".cmmn10.xml") || name.endsWith(".cmmn11.xml")) {
            return List.of(new ModelProblem(resourceName, Refusal.CMMN, null, null));
        }
        if (!isBpmn && !isDmn) {
            return List.of();
        }
        Document document = bytes == null ? null : ModelXml.read(bytes);
        if (document == null) {
            return List.of(new ModelProblem(resourceName, Refusal.UNREADABLE, null, null));
        }
        return isBpmn ? bpmn.check(document) : dmn.check(document);
    }
}
