package vn.dieuhanh.assignment;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;

/**
 * Options of a Camunda Forms picker ({@code select} or {@code taglist} with {@code valuesKey}): a JSON variable
 * {@code [{"label": ..., "value": ...}]} that Tasklist reads when it opens the form.
 */
public final class FormOptions {

    private static final ObjectMapper JSON = new ObjectMapper();

    public record Option(String label, String value) {
    }

    private FormOptions() {
    }

    public static TypedValue variable(List<Option> options) {
        List<Map<String, String>> rows = options.stream().map(option -> {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("label", option.label());
            row.put("value", option.value());
            return row;
        }).toList();
        try {
            return SpinValues.jsonValue(JSON.writeValueAsString(rows)).create();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
