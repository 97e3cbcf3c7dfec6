package vn.dieuhanh.indicator.internal;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.ReportingPeriod;

/**
 * Checks a unit's values for a period against the indicators it reports (pure, no database). One Vietnamese message
 * per indicator code, e.g. "KT-01 (Thu ngân sách nhà nước trên địa bàn): giá trị -5 nhỏ hơn mức tối thiểu 0".
 */
public final class IndicatorValidation {

    /** Key of problems not tied to one indicator. */
    public static final String GENERAL = "";

    private IndicatorValidation() {
    }

    /**
     * @param unitIndicators the indicators the unit reports for the period, in catalogue order
     * @param catalogueCodes every code of the catalogue version (to tell "not yours" from "unknown")
     */
    public static Map<String, String> validate(List<Indicator> unitIndicators, Collection<String> catalogueCodes,
                                               String version, ReportingPeriod period,
                                               Map<String, BigDecimal> values) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, BigDecimal> given = new TreeMap<String, BigDecimal>();
        if (values != null) {
            values.forEach((code, value) -> {
                if (code != null) {
                    given.put(code, value);
                }
            });
        }
        Set<String> own = unitIndicators.stream().map(Indicator::code).collect(Collectors.toSet());
        for (Indicator indicator : unitIndicators) {
            BigDecimal value = given.get(indicator.code());
            String label = indicator.code() + " (" + indicator.name() + "): ";
            if (value == null) {
                if (indicator.required()) {
                    problems.put(indicator.code(), label + "chưa nhập số liệu (chỉ tiêu bắt buộc)");
                }
                continue;
            }
            if (indicator.integerOnly() && value.stripTrailingZeros().scale() > 0) {
                problems.put(indicator.code(), label + "giá trị " + number(value) + " phải là số nguyên");
            } else if (indicator.minimum() != null && value.compareTo(indicator.minimum()) < 0) {
                problems.put(indicator.code(), label + "giá trị " + number(value) + " nhỏ hơn mức tối thiểu "
                        + number(indicator.minimum()));
            } else if (indicator.maximum() != null && value.compareTo(indicator.maximum()) > 0) {
                problems.put(indicator.code(), label + "giá trị " + number(value) + " lớn hơn mức tối đa "
                        + number(indicator.maximum()));
            }
        }
        for (String code : given.keySet()) {
            if (own.contains(code)) {
                continue;
            }
            if (catalogueCodes.contains(code)) {
                problems.put(code, code + ": chỉ tiêu này không thuộc báo cáo " + period.vietnameseLabel()
                        + " của đơn vị");
            } else {
                problems.put(code, code + ": không có chỉ tiêu này trong danh mục chỉ tiêu phiên bản " + version);
            }
        }
        return problems;
    }

    /** A number written the Vietnamese way: decimal comma, no trailing zeros ("3,5", "-5", "100"). */
    public static String number(BigDecimal value) {
        BigDecimal plain = value.stripTrailingZeros();
        if (plain.scale() < 0) {
            plain = plain.setScale(0);
        }
        return plain.toPlainString().replace('.', ',');
    }
}
