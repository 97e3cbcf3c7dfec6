package vn.dieuhanh.indicator;

import java.math.BigDecimal;
import java.util.Set;

/**
 * One indicator of a catalogue version.
 *
 * @param code            stable code, e.g. {@code KT-01}
 * @param name            Vietnamese name shown to officials
 * @param domain          economic, cultural, social, defence and security
 * @param unitOfMeasure   e.g. "tỷ đồng", "%", "doanh nghiệp"
 * @param aggregation     how values combine across units and across the periods of a year
 * @param frequency       how often it is reported
 * @param reportedBy      codes of the unit kinds that report it ({@code ward}, {@code department}, ...)
 * @param integerOnly     true when only whole numbers are valid (counts)
 * @param minimum         lowest valid value, or null
 * @param maximum         highest valid value, or null
 * @param required        true when a report cannot be submitted without it
 */
public record Indicator(String code, String name, Domain domain, String unitOfMeasure, Aggregation aggregation,
                        Frequency frequency, Set<String> reportedBy, boolean integerOnly, BigDecimal minimum,
                        BigDecimal maximum, boolean required) {
}
