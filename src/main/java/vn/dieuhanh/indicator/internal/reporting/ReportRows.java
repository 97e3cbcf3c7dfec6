package vn.dieuhanh.indicator.internal.reporting;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Value;

/** Report values as REST sends them and as officials read them (the rule of an indicator, the head's summary). */
final class ReportRows {

    private ReportRows() {
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

    private static String text(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }
}
