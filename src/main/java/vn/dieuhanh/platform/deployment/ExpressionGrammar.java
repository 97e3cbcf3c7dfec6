package vn.dieuhanh.platform.deployment;

import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstLiteral;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstProperty;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.jakarta.el.ELException;

/**
 * The allowlisted subset of JUEL that models may use, checked on the tree of the engine's own JUEL parser (the same
 * parser, with the same features, that evaluates the expression later):
 * <ul>
 *   <li>literal text around {@code ${...}} / {@code #{...}};</li>
 *   <li>identifiers: process variables, or (in delegate expressions) a bean of the application;</li>
 *   <li>literals (strings, numbers, {@code true}/{@code false}, {@code null}), parentheses;</li>
 *   <li>operators: comparison ({@code == != < > <= >=}, {@code eq ne lt gt le ge}), boolean ({@code && || !},
 *       {@code and or not}), arithmetic ({@code + - * / %}, {@code div mod}), {@code empty}, {@code ? :};</li>
 *   <li>functions from {@link #FUNCTIONS} (none today: the project's models need none).</li>
 * </ul>
 * Everything else is refused: method calls ({@code a.b()}), property access ({@code a.b}, {@code a['b']}: it calls
 * getters on arbitrary objects), functions not on the list, the engine's own objects ({@code execution}, {@code task},
 * ...) and whatever the parser rejects.
 */
final class ExpressionGrammar {

    /** Functions ({@code ${prefix:name(...)}} or {@code ${name(...)}}) models may call. None are needed today. */
    static final Set<String> FUNCTIONS = Set.of();

    /** Names the engine resolves to its own objects; a model has no business holding them. */
    static final Set<String> ENGINE_OBJECTS = Set.of("execution", "task", "caseExecution", "externalTask",
            "variableScope", "processEngine", "processEngineServices", "processEngineConfiguration");

    private static final Builder PARSER =
            new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS);
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern BEAN_REFERENCE = Pattern.compile("^\\s*[$#]\\{\\s*([A-Za-z_][A-Za-z0-9_]*)\\s*}\\s*$");

    private ExpressionGrammar() {
    }

    /** Whether the engine would evaluate anything in this text (otherwise it is a plain string). */
    static boolean containsExpression(String text) {
        return text != null && (text.contains("${") || text.contains("#{"));
    }

    /** A value that may mix literal text and expressions (conditions, assignees, timers, mappings, ...). */
    static Optional<Refusal> check(String text) {
        if (!containsExpression(text)) {
            return Optional.empty();
        }
        Node root;
        try {
            root = PARSER.build(text).getRoot();
        } catch (ELException | IllegalArgumentException e) {
            return Optional.of(Refusal.UNPARSABLE);
        }
        return walk(root);
    }

    /** A delegate expression: exactly {@code ${beanName}} naming a bean of the application. */
    static Optional<Refusal> checkDelegate(String text, Predicate<String> projectBean) {
        var reference = BEAN_REFERENCE.matcher(text == null ? "" : text);
        if (!reference.matches()) {
            return check(text).or(() -> Optional.of(Refusal.NOT_A_PROJECT_BEAN));
        }
        return projectBean.test(reference.group(1)) ? Optional.empty() : Optional.of(Refusal.NOT_A_PROJECT_BEAN);
    }

    /** A variable name the engine writes to (e.g. {@code camunda:resultVariable}): no expression at all. */
    static Optional<Refusal> checkName(String text) {
        return text == null || NAME.matcher(text.trim()).matches() ? Optional.empty() : Optional.of(Refusal.NOT_A_NAME);
    }

    private static Optional<Refusal> walk(Node node) {
        if (node instanceof AstMethod) {
            return Optional.of(Refusal.METHOD_CALL);
        }
        if (node instanceof AstProperty) {
            return Optional.of(Refusal.PROPERTY_ACCESS);
        }
        if (node instanceof AstFunction function && !FUNCTIONS.contains(function.getName())) {
            return Optional.of(Refusal.FUNCTION_CALL);
        }
        if (node instanceof AstIdentifier identifier) {
            return ENGINE_OBJECTS.contains(identifier.getName()) ? Optional.of(Refusal.ENGINE_OBJECT) : Optional.empty();
        }
        if (!allowed(node)) {
            return Optional.of(Refusal.UNPARSABLE);
        }
        for (int i = 0; i < node.getCardinality(); i++) {
            Optional<Refusal> refusal = walk(node.getChild(i));
            if (refusal.isPresent()) {
                return refusal;
            }
        }
        return Optional.empty();
    }

    private static boolean allowed(Node node) {
        return node instanceof AstComposite || node instanceof AstEval || node instanceof AstText
                || node instanceof AstLiteral || node instanceof AstNested || node instanceof AstBinary
                || node instanceof AstUnary || node instanceof AstChoice || node instanceof AstFunction
                || node instanceof AstParameters;
    }
}
