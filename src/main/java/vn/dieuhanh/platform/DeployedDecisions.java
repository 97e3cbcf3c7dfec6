package vn.dieuhanh.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.stereotype.Component;

/**
 * Decision tables analysts deploy, evaluated in memory for views that evaluate them many times per request (KPI
 * scores, indicator statuses): the engine's {@code DecisionService} would write a row of decision history per
 * evaluation, which explains nothing there. The latest deployed version is looked up at every {@link #latest} (so an
 * analyst's edit counts from the next request), read as the system (callers decide who may see results), and parsed
 * once per version.
 */
@Component
public class DeployedDecisions {

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final RepositoryService repository;
    private final IdentityService identity;
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    public DeployedDecisions(RepositoryService repository, IdentityService identity) {
        this.repository = repository;
        this.identity = identity;
    }

    /** The latest deployed version of the decision {@code key}. */
    public DmnDecision latest(String key) {
        return EngineAsSystem.call(identity, () -> {
            DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                    .latestVersion().singleResult();
            if (definition == null) {
                throw new IllegalStateException("The decision table " + key + " is not deployed");
            }
            return parsed.computeIfAbsent(definition.getId(), id -> {
                try (InputStream model = repository.getDecisionModel(id)) {
                    return parse(key, model);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        });
    }

    /** A decision read from a stream (tests of a shipped file). */
    public static DmnDecision parse(String key, InputStream model) {
        return DMN.parseDecision(key, model);
    }

    /**
     * The value of a decision with a single result (a literal expression, e.g. a FEEL formula), or null.
     */
    public static Object value(DmnDecision decision, Map<String, Object> inputs) {
        return DMN.evaluateDecision(decision, inputs).getSingleEntry();
    }

    /**
     * The first matching rule's outputs.
     *
     * @param missing what to say (in the officials' language too) when no rule matches: the table is incomplete
     */
    public static DmnDecisionRuleResult firstRule(DmnDecision decision, Map<String, Object> inputs, String missing) {
        DmnDecisionRuleResult result = DMN.evaluateDecisionTable(decision, inputs).getFirstResult();
        if (result == null) {
            throw new IllegalStateException("The decision table " + decision.getKey() + " has no rule for " + inputs
                    + " (" + missing + ")");
        }
        return result;
    }
}
