package vn.dieuhanh.indicator.internal;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets of one plan year as rules: a unit's target for an indicator is its own row (an override) if there is
 * one, else the row of its unit kind ({@code kind:ward}), else none.
 */
public final class TargetTable {

    public record Target(BigDecimal value, String appliesTo, String note) {

        public boolean override() {
            return !appliesTo.startsWith(CatalogueFiles.KIND_PREFIX);
        }
    }

    private final int year;
    private final Map<String, Target> byKey = new HashMap<>();

    TargetTable(int year, List<CatalogueFiles.TargetRule> rules) {
        this.year = year;
        for (CatalogueFiles.TargetRule rule : rules) {
            byKey.put(rule.indicatorCode() + "|" + rule.appliesTo(),
                    new Target(rule.target(), rule.appliesTo(), rule.note()));
        }
    }

    public int year() {
        return year;
    }

    public Optional<Target> target(String indicatorCode, String unitCode, String unitKindCode) {
        Target own = byKey.get(indicatorCode + "|" + unitCode);
        if (own != null) {
            return Optional.of(own);
        }
        return Optional.ofNullable(unitKindCode == null ? null
                : byKey.get(indicatorCode + "|" + CatalogueFiles.KIND_PREFIX + unitKindCode));
    }
}
