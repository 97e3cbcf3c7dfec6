package vn.dieuhanh.indicator.internal.reporting;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.camunda.spin.plugin.variable.SpinValues;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportValidationFailed;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Value;

/**
 * The report form's variables (see {@link IndicatorReportForm}): {@code indicatorCodes}, the JSON list of the codes
 * the unit reports in the period, and per indicator {@code ind_<CODE>} (a number) and {@code note_<CODE>} (text), with
 * {@code -} in the code written {@code _} ({@code KT-01} -> {@code ind_KT_01}).
 */
final class ReportFormFields {

    static final String VAR_INDICATOR_CODES = IndicatorReportProcess.VAR_INDICATOR_CODES;

    private ReportFormFields() {
    }

    static String suffix(String code) {
        return code.replace('-', '_');
    }

    static String valueKey(String code) {
        return "ind_" + suffix(code);
    }

    static String noteKey(String code) {
        return "note_" + suffix(code);
    }

    /** The variables that show the unit's fields, pre-filled with earlier values (a draft, or a returned report). */
    static Map<String, Object> toVariables(List<Indicator> indicators, Map<String, Value> earlier) {
        Map<String, Object> variables = fieldValues(indicators, earlier);
        variables.put(VAR_INDICATOR_CODES, SpinValues.jsonValue(indicators.stream().map(i -> "\"" + i.code() + "\"")
                .reduce((a, b) -> a + "," + b).map(list -> "[" + list + "]").orElse("[]")).create());
        return variables;
    }

    /** The form's fields only ({@code ind_*}, {@code note_*}): what a completion of the task may carry. */
    static Map<String, Object> fieldValues(List<Indicator> indicators, Map<String, Value> earlier) {
        Map<String, Object> variables = new HashMap<>();
        for (Indicator indicator : indicators) {
            Value value = earlier.get(indicator.code());
            // numbers as Double: a BigDecimal would be stored as a serialized Java object
            variables.put(valueKey(indicator.code()),
                    value == null || value.value() == null ? null : value.value().doubleValue());
            variables.put(noteKey(indicator.code()), value == null ? null : value.note());
        }
        return variables;
    }

    /**
     * The values the form (or REST) left in the variables for the unit's indicators; fields left empty are left out.
     * A value that is not a number is refused with a message naming the indicator.
     */
    static Map<String, Value> fromVariables(List<Indicator> indicators, Function<String, Object> variables) {
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        for (Indicator indicator : indicators) {
            String code = indicator.code();
            Object raw = variables.apply(valueKey(code));
            String note = text(variables.apply(noteKey(code)));
            String number = text(raw);
            if (number == null) {
                if (note != null) {
                    values.put(code, new Value(code, null, note));
                }
                continue;
            }
            try {
                values.put(code, new Value(code, new BigDecimal(number.replace(',', '.')), note));
            } catch (NumberFormatException e) {
                problems.put(code, code + " (" + indicator.name() + "): giá trị '" + number + "' không phải là số");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReportValidationFailed(problems);
        }
        return values;
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        String text = value instanceof Double d && d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e15
                ? Long.toString(d.longValue()) : value.toString().trim();
        return text.isBlank() ? null : text;
    }
}
