package vn.dieuhanh.indicator.internal.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportValidationFailed;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Value;

/**
 * The report form's dynamic list, as a JSON variable: one row per indicator the unit reports, with {@code code},
 * {@code name}, {@code unitOfMeasure}, {@code rule} (bounds and whether required, as text) read-only, and
 * {@code value}, {@code note} to fill in. Reads it back whatever shape Tasklist or REST sent it in.
 */
final class ReportRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ReportRows() {
    }

    /** The rows for the form, pre-filled with earlier values (a draft, or the returned submission). */
    static JsonValue toVariable(List<Indicator> indicators, Map<String, Value> earlier) {
        ArrayNode rows = JSON.createArrayNode();
        for (Indicator indicator : indicators) {
            ObjectNode row = rows.addObject();
            row.put("code", indicator.code());
            row.put("name", indicator.code() + " – " + indicator.name());
            row.put("unitOfMeasure", indicator.unitOfMeasure());
            row.put("rule", rule(indicator));
            Value value = earlier.get(indicator.code());
            if (value != null && value.value() != null) {
                row.put("value", value.value());
            } else {
                row.putNull("value");
            }
            row.put("note", value == null || value.note() == null ? "" : value.note());
        }
        return SpinValues.jsonValue(rows.toString()).create();
    }

    /** "bắt buộc; số nguyên; từ 0 đến 100". */
    static String rule(Indicator indicator) {
        StringBuilder text = new StringBuilder(indicator.required() ? "bắt buộc" : "không bắt buộc");
        if (indicator.integerOnly()) {
            text.append("; số nguyên");
        }
        if (indicator.minimum() != null && indicator.maximum() != null) {
            text.append("; từ ").append(indicator.minimum().toPlainString()).append(" đến ")
                    .append(indicator.maximum().toPlainString());
        } else if (indicator.minimum() != null) {
            text.append("; không nhỏ hơn ").append(indicator.minimum().toPlainString());
        } else if (indicator.maximum() != null) {
            text.append("; không lớn hơn ").append(indicator.maximum().toPlainString());
        }
        return text.toString();
    }

    /**
     * The values of a rows variable (Spin JSON, JSON text, or a list of maps); rows without a value are left out.
     * A value that is not a number is refused with a message naming the indicator.
     */
    static Map<String, Value> fromVariable(Object variable) {
        JsonNode rows = json(variable);
        Map<String, Value> values = new LinkedHashMap<>();
        Map<String, String> problems = new LinkedHashMap<>();
        if (rows == null || !rows.isArray()) {
            return values;
        }
        for (JsonNode row : rows) {
            String code = text(row.get("code"));
            if (code == null) {
                continue;
            }
            JsonNode raw = row.get("value");
            String note = text(row.get("note"));
            if (raw == null || raw.isNull() || raw.asText().isBlank()) {
                if (note != null) {
                    values.put(code, new Value(code, null, note));
                }
                continue;
            }
            try {
                values.put(code, new Value(code, new BigDecimal(raw.asText().trim().replace(',', '.')), note));
            } catch (NumberFormatException e) {
                problems.put(code, "Giá trị '" + raw.asText() + "' không phải là số");
            }
        }
        if (!problems.isEmpty()) {
            throw new ReportValidationFailed(problems);
        }
        return values;
    }

    /** Values sent through REST: code to value (and optionally notes). */
    static Map<String, Value> fromRequest(Map<String, BigDecimal> numbers, Map<String, String> notes) {
        Map<String, Value> values = new LinkedHashMap<>();
        if (numbers != null) {
            numbers.forEach((code, number) -> values.put(code, new Value(code, number,
                    notes == null ? null : text(notes.get(code)))));
        }
        if (notes != null) {
            notes.forEach((code, note) -> values.putIfAbsent(code, new Value(code, null, text(note))));
        }
        return values;
    }

    static Map<String, BigDecimal> numbers(Map<String, Value> values) {
        Map<String, BigDecimal> numbers = new LinkedHashMap<>();
        values.values().stream().filter(v -> v.value() != null).forEach(v -> numbers.put(v.indicatorCode(), v.value()));
        return numbers;
    }

    /** The values as lines for the head's form: "KT-01 – Thu ngân sách: 12,5 tỷ đồng (ghi chú)". */
    static String summary(List<Indicator> indicators, Map<String, Value> values) {
        StringBuilder text = new StringBuilder();
        for (Indicator indicator : indicators) {
            Value value = values.get(indicator.code());
            text.append(indicator.code()).append(" – ").append(indicator.name()).append(": ")
                    .append(value == null || value.value() == null ? "(không có số liệu)"
                            : value.value().stripTrailingZeros().toPlainString() + " " + indicator.unitOfMeasure());
            if (value != null && value.note() != null) {
                text.append(" (").append(value.note()).append(")");
            }
            text.append('\n');
        }
        return text.toString().trim();
    }

    private static JsonNode json(Object variable) {
        try {
            if (variable == null) {
                return null;
            }
            if (variable instanceof TypedValue typed) {
                return json(typed.getValue());
            }
            if (variable instanceof SpinJsonNode spin) {
                return JSON.readTree(spin.toString());
            }
            if (variable instanceof String text) {
                return JSON.readTree(text);
            }
            return JSON.valueToTree(variable);
        } catch (JsonProcessingException e) {
            throw new ReportValidationFailed(Map.of("", "Dữ liệu báo cáo không đọc được (not JSON): "
                    + e.getOriginalMessage()));
        }
    }

    private static String text(JsonNode node) {
        return node == null || node.isNull() || node.asText().isBlank() ? null : node.asText().trim();
    }

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
