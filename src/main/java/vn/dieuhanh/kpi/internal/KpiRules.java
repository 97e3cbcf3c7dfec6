package vn.dieuhanh.kpi.internal;

import java.math.BigDecimal;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionRuleResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;
import vn.dieuhanh.kpi.LedgerKind;
import vn.dieuhanh.kpi.SubjectKind;

/**
 * The numbers of the scheme, from the latest deployed versions of {@code processes/kpi/kpi-weights.dmn},
 * {@code kpi-penalty.dmn} and {@code kpi-band.dmn}. Java only adds them up.
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

    private final DecisionService decisions;
    private final IdentityService identity;

    public KpiRules(@Lazy DecisionService decisions, @Lazy IdentityService identity) {
        this.decisions = decisions;
        this.identity = identity;
    }

    public Weights weights(SubjectKind subject) {
        DmnDecisionRuleResult r = first(WEIGHTS, Map.of("subjectKind", subject.name()));
        return new Weights(number(r, "generalPoints"), number(r, "quantityPoints"), number(r, "qualityPoints"),
                number(r, "progressPoints"));
    }

    public Penalty penalty(SubjectKind subject, LedgerKind kind) {
        DmnDecisionRuleResult r = first(PENALTY, Map.of("subjectKind", subject.name(), "factKind", kind.name()));
        Object criterion = r.get("criterion");
        return new Penalty(criterion == null ? "NONE" : criterion.toString(), number(r, "fraction"));
    }

    public Band band(BigDecimal score) {
        DmnDecisionRuleResult r = first(BAND, Map.of("score", score.doubleValue()));
        return new Band((String) r.get("band"), (String) r.get("bandLabel"));
    }

    private DmnDecisionRuleResult first(String key, Map<String, Object> inputs) {
        // The scheme is the system's, not the caller's: evaluated as the system (the controller decides who may read
        // scores), so officials need no permission on decision definitions.
        Authentication caller = identity.getCurrentAuthentication();
        DmnDecisionRuleResult r;
        identity.clearAuthentication();
        try {
            r = decisions.evaluateDecisionTableByKey(key, Map.copyOf(inputs)).getFirstResult();
        } finally {
            if (caller != null) {
                identity.setAuthentication(caller);
            }
        }
        if (r == null) {
            throw new IllegalStateException("The decision table " + key + " has no rule for " + inputs
                    + " (bảng quy tắc chấm điểm thiếu quy tắc)");
        }
        return r;
    }

    private static BigDecimal number(DmnDecisionRuleResult r, String name) {
        Object value = r.get(name);
        return value == null ? BigDecimal.ZERO : new BigDecimal(value.toString());
    }
}
