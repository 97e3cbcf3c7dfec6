package vn.dieuhanh.kpi.internal;

import java.io.InputStream;
import java.math.BigDecimal;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.dieuhanh.kpi.LedgerKind;
import vn.dieuhanh.kpi.SubjectKind;
import vn.dieuhanh.platform.EngineAsSystem;

/**
 * The numbers of the scheme, from the latest deployed versions of {@code processes/kpi/kpi-weights.dmn},
 * {@code kpi-penalty.dmn} and {@code kpi-band.dmn}. Java only adds them up.
 * <p>
 * The tables are evaluated in memory by a DMN engine of their own, not through the process engine's
 * {@code DecisionService}: a ranking evaluates them many times per request, and every engine evaluation would be a row
 * of decision history that tells nothing (scores are explained by their ledger rows). Which version is latest is
 * looked up at every {@link #current()}, so a deployed edit counts from the next computation; parsed versions are
 * kept by definition id.
 */
@Component
public class KpiRules {

    public static final String WEIGHTS = "kpi-weights";
    public static final String PENALTY = "kpi-penalty";
    public static final String BAND = "kpi-band";

    public record Weights(BigDecimal general, BigDecimal quantity, BigDecimal quality, BigDecimal progress) {
    }

    public record Penalty(String criterion, BigDecimal fraction) {
        public static final String QUANTITY = "QUANTITY";
        public static final String QUALITY = "QUALITY";
        public static final String PROGRESS = "PROGRESS";
    }

    public record Band(String code, String label) {
    }

    private final RepositoryService repository;
    private final IdentityService identity;
    private final DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    private final Map<String, DmnDecision> parsed = new ConcurrentHashMap<>();

    public KpiRules(@Lazy RepositoryService repository, @Lazy IdentityService identity) {
        this.repository = repository;
        this.identity = identity;
    }

    /** The tables in force now; use one for a whole computation so that it reads one version of each. */
    public Tables current() {
        // the scheme is the system's, not the caller's: read as the system (the controller decides who may read
        // scores), so officials need no permission on decision definitions
        return EngineAsSystem.call(identity, () -> new Tables(latest(WEIGHTS), latest(PENALTY), latest(BAND)));
    }

    private DmnDecision latest(String key) {
        DecisionDefinition definition = repository.createDecisionDefinitionQuery().decisionDefinitionKey(key)
                .latestVersion().singleResult();
        if (definition == null) {
            throw new IllegalStateException("The decision table " + key + " is not deployed");
        }
        return parsed.computeIfAbsent(definition.getId(), id -> {
            try (InputStream model = repository.getDecisionModel(id)) {
                return dmn.parseDecision(key, model);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** One version of each table. */
    public final class Tables {
        private final DmnDecision weights;
        private final DmnDecision penalty;
        private final DmnDecision band;

        private Tables(DmnDecision weights, DmnDecision penalty, DmnDecision band) {
            this.weights = weights;
            this.penalty = penalty;
            this.band = band;
        }

        public Weights weights(SubjectKind subject) {
            DmnDecisionRuleResult r = first(weights, Map.of("subjectKind", subject.name()));
            return new Weights(number(r, "generalPoints"), number(r, "quantityPoints"), number(r, "qualityPoints"),
                    number(r, "progressPoints"));
        }

        public Penalty penalty(SubjectKind subject, LedgerKind kind) {
            DmnDecisionRuleResult r = first(penalty, Map.of("subjectKind", subject.name(), "factKind", kind.name()));
            Object criterion = r.get("criterion");
            return new Penalty(criterion == null ? "NONE" : criterion.toString(), number(r, "fraction"));
        }

        public Band band(BigDecimal score) {
            DmnDecisionRuleResult r = first(band, Map.of("score", score.doubleValue()));
            return new Band((String) r.get("band"), (String) r.get("bandLabel"));
        }

        private DmnDecisionRuleResult first(DmnDecision decision, Map<String, Object> inputs) {
            DmnDecisionRuleResult r = dmn.evaluateDecisionTable(decision, Map.copyOf(inputs)).getFirstResult();
            if (r == null) {
                throw new IllegalStateException("The decision table " + decision.getKey() + " has no rule for "
                        + inputs + " (bảng quy tắc chấm điểm thiếu quy tắc)");
            }
            return r;
        }
    }

    private static BigDecimal number(DmnDecisionRuleResult r, String name) {
        Object value = r.get(name);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
