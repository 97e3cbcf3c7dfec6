package vn.dieuhanh.indicator.internal;

import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.dieuhanh.platform.EngineAsSystem;

/**
 * The status rules of {@code processes/indicator/indicator-status.dmn}: the latest deployed version of the table
 * (read as the system: the controllers decide who may read statuses), evaluated by a standalone DMN engine, so the
 * hundreds of evaluations of a table view write no decision history. A status is a view recomputed at every request,
 * not a decision to audit. A newly deployed version of the table is picked up at the next request.
 */
@Component
public class IndicatorStatusRules {

    public static final String DECISION = "indicator-status";

    private static final DmnEngine DMN = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    private final RepositoryService repository;
    private final IdentityService identity;
    private volatile Parsed parsed;

    private record Parsed(String definitionId, DmnDecision decision) {
    }

    IndicatorStatusRules(@Lazy RepositoryService repository, @Lazy IdentityService identity) {
        this.repository = repository;
        this.identity = identity;
    }

    /** An evaluator over the table deployed now; it remembers results per distinct input (one request's worth). */
    public Evaluator evaluator() {
        return new Evaluator(latest());
    }

    /** An evaluator over a table read from a stream (tests of the shipped file). */
    public static Evaluator evaluator(InputStream dmn) {
        return new Evaluator(DMN.parseDecision(DECISION, dmn));
    }

    private DmnDecision latest() {
        return EngineAsSystem.call(identity, () -> {
            DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(DECISION)
                    .latestVersion().singleResult();
            if (definition == null) {
                throw new IllegalStateException("The decision table " + DECISION + " is not deployed");
            }
            Parsed current = parsed;
            if (current == null || !current.definitionId().equals(definition.getId())) {
                try (InputStream model = repository.getDecisionModel(definition.getId())) {
                    current = new Parsed(definition.getId(), DMN.parseDecision(DECISION, model));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                parsed = current;
            }
            return current.decision();
        });
    }

    public static final class Evaluator {

        private final DmnDecision decision;
        private final Map<StatusInputs, IndicatorStatus> memo = new HashMap<>();

        private Evaluator(DmnDecision decision) {
            this.decision = decision;
        }

        public IndicatorStatus status(StatusInputs inputs) {
            return memo.computeIfAbsent(inputs, this::evaluate);
        }

        private IndicatorStatus evaluate(StatusInputs in) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("hasPlan", in.hasPlan());
            variables.put("reportedShare", in.reportedShare());
            variables.put("direction", in.direction().name());
            variables.put("achievedRatio", in.achievedRatio());
            variables.put("expectedRatio", in.expectedRatio());
            DmnDecisionRuleResult r = DMN.evaluateDecisionTable(decision, variables).getFirstResult();
            if (r == null) {
                throw new IllegalStateException("The decision table " + DECISION + " has no rule for " + in
                        + " (bảng đánh giá chỉ tiêu thiếu quy tắc)");
            }
            return new IndicatorStatus((String) r.get("status"), (String) r.get("statusLabel"));
        }
    }
}
