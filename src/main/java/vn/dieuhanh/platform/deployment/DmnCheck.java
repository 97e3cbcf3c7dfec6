package vn.dieuhanh.platform.deployment;

import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN12;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN13;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN14;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.FEEL_EXPRESSION_LANGUAGE_DMN15;
import static org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration.JUEL_EXPRESSION_LANGUAGE;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The evaluated parts of a DMN file: input expressions, input entries, output entries and literal expressions, each in
 * its expression language (its own attribute, else the definitions' default, else FEEL, as the engine decides).
 * FEEL is accepted: the engine's FEEL (feel-scala) runs with external (Java) functions disabled, so it cannot call
 * Java methods. JUEL must follow {@link ExpressionGrammar}. Any other language is a script engine and is refused.
 */
final class DmnCheck {

    static final Set<String> EVALUATED = Set.of("inputExpression", "inputEntry", "outputEntry", "literalExpression");
    static final Set<String> FEEL = Set.of(FEEL_EXPRESSION_LANGUAGE, FEEL_EXPRESSION_LANGUAGE_ALTERNATIVE,
            FEEL_EXPRESSION_LANGUAGE_DMN12, FEEL_EXPRESSION_LANGUAGE_DMN13, FEEL_EXPRESSION_LANGUAGE_DMN14,
            FEEL_EXPRESSION_LANGUAGE_DMN15);

    List<ModelProblem> check(Document document) {
        List<ModelProblem> problems = new ArrayList<>();
        Element root = document.getDocumentElement();
        String global = root.getAttribute("expressionLanguage");
        walk(root, global.isBlank() ? FEEL_EXPRESSION_LANGUAGE : global, ModelXml.idOr(root, "definitions"),
                problems);
        return problems;
    }

    private void walk(Element element, String globalLanguage, String ownerId, List<ModelProblem> problems) {
        String owner = ModelXml.idOr(element, ownerId);
        if (EVALUATED.contains(element.getLocalName())) {
            String own = element.getAttribute("expressionLanguage");
            String language = own.isBlank() ? globalLanguage : own;
            String text = textOf(element);
            check(language, text).ifPresent(refusal -> problems.add(new ModelProblem(owner, refusal,
                    element.getTagName() + " (" + language + ")", text)));
            return;
        }
        for (Element child : ModelXml.children(element)) {
            walk(child, globalLanguage, owner, problems);
        }
    }

    private static Optional<Refusal> check(String language, String text) {
        if (FEEL.contains(language) || FEEL.contains(language.toLowerCase(Locale.ROOT))) {
            return Optional.empty();
        }
        if (!JUEL_EXPRESSION_LANGUAGE.equalsIgnoreCase(language)) {
            return Optional.of(Refusal.SCRIPT_LANGUAGE);
        }
        if (text.isBlank()) {
            return Optional.empty();
        }
        // as the engine does: JUEL text that is not ${...} or #{...} is evaluated as ${text}
        String trimmed = text.trim();
        String expression = trimmed.startsWith("${") || trimmed.startsWith("#{") ? text : "${" + text + "}";
        return ExpressionGrammar.check(expression);
    }

    private static String textOf(Element element) {
        for (Element child : ModelXml.children(element)) {
            if ("text".equals(child.getLocalName())) {
                return child.getTextContent();
            }
        }
        return "";
    }
}
