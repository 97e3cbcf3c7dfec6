package vn.dieuhanh.indicator.internal.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import vn.dieuhanh.indicator.Domain;
import vn.dieuhanh.indicator.Indicator;

/**
 * Renders {@code forms/indicator-report.form} from the catalogue in force: a group per domain and, per indicator, a
 * number field ({@link ReportFormFields#valueKey}) with the indicator's own bounds, whole-number rule and "required"
 * checked by the form, and a note field; each shown only when the unit reports the indicator in the period
 * (variable {@code indicatorCodes}). Hidden fields are neither validated nor submitted.
 * <p>
 * Why not a dynamic list: Camunda 7.24's Tasklist keeps the Complete button disabled as soon as a field inside a
 * form-js dynamic list is edited (form-js reports an empty error list for it, and Tasklist counts the entries), and a
 * dynamic list shares one validation rule among all its rows. {@code IndicatorReportFormTest} keeps the file equal to
 * this rendering of the shipped catalogue and rewrites it on request (see docs/indicator-reporting.md).
 */
public final class IndicatorReportForm {

    public static final String FORM_ID = "indicator-report";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private IndicatorReportForm() {
    }

    /** The form for every indicator of a catalogue version, in catalogue order. */
    public static String render(List<Indicator> catalogue) {
        ObjectNode form = JSON.createObjectNode();
        form.put("id", FORM_ID);
        form.put("type", "default");
        form.put("schemaVersion", 16);
        form.put("executionPlatform", "Camunda Platform");
        form.put("executionPlatformVersion", "7.24.0");
        ObjectNode exporter = form.putObject("exporter");
        exporter.put("name", "dieuhanh IndicatorReportForm (generated from the indicator catalogue)");
        exporter.put("version", "1");
        ArrayNode components = form.putArray("components");
        components.add(text("Text_Heading", """
                ### Lập báo cáo chỉ tiêu
                Nhập số liệu của kỳ cho từng chỉ tiêu của đơn vị; các chỉ tiêu có dấu * là bắt buộc. Số liệu được \
                kiểm tra lại khi hoàn thành: báo cáo chưa hợp lệ thì chưa được lưu, kèm thông báo cho từng chỉ tiêu."""));
        components.add(readonly("Field_ReportTitle", "textfield", IndicatorReportProcess.VAR_REPORT_TITLE, "Báo cáo"));
        components.add(readonly("Field_DueText", "textfield", IndicatorReportProcess.VAR_DUE_TEXT, "Hạn nộp"));
        ObjectNode reason = readonly("Field_DecisionReason", "textarea", IndicatorReportProcess.VAR_DECISION_REASON,
                "Lý do thủ trưởng trả lại");
        // form-js starts an empty field at "", so both mean "never returned"
        reason.putObject("conditional").put("hide", "=" + IndicatorReportProcess.VAR_DECISION_REASON + " = null or "
                + IndicatorReportProcess.VAR_DECISION_REASON + " = \"\"");
        components.add(reason);
        for (Domain domain : Domain.values()) {
            List<Indicator> ofDomain = catalogue.stream().filter(i -> i.domain() == domain).toList();
            if (ofDomain.isEmpty()) {
                continue;
            }
            ObjectNode group = components.addObject();
            group.put("id", "Group_" + camel(domain.name()));
            group.put("type", "group");
            group.put("label", domain.label());
            group.put("showOutline", true);
            String codes = ofDomain.stream().map(i -> "\"" + i.code() + "\"").collect(Collectors.joining(", "));
            group.putObject("conditional").put("hide", "=count(" + ReportFormFields.VAR_INDICATOR_CODES
                    + "[list contains([" + codes + "], item)]) = 0");
            ArrayNode fields = group.putArray("components");
            for (Indicator indicator : ofDomain) {
                addFields(fields, indicator);
            }
        }
        try {
            return JSON.writeValueAsString(form) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void addFields(ArrayNode fields, Indicator indicator) {
        String suffix = ReportFormFields.suffix(indicator.code());
        String hide = "=not(list contains(" + ReportFormFields.VAR_INDICATOR_CODES + ", \"" + indicator.code()
                + "\"))";
        ObjectNode value = fields.addObject();
        value.put("id", "Field_Value_" + suffix);
        value.put("type", "number");
        value.put("key", ReportFormFields.valueKey(indicator.code()));
        value.put("label", indicator.code() + " – " + indicator.name() + " (" + indicator.unitOfMeasure() + ")");
        value.put("description", ReportRows.rule(indicator));
        value.put("decimalDigits", indicator.integerOnly() ? 0 : 4);
        ObjectNode validate = value.putObject("validate");
        validate.put("required", indicator.required());
        if (indicator.minimum() != null) {
            validate.put("min", indicator.minimum());
        }
        if (indicator.maximum() != null) {
            validate.put("max", indicator.maximum());
        }
        value.putObject("conditional").put("hide", hide);
        value.putObject("layout").put("row", "Row_" + suffix).put("columns", 8);
        ObjectNode note = fields.addObject();
        note.put("id", "Field_Note_" + suffix);
        note.put("type", "textfield");
        note.put("key", ReportFormFields.noteKey(indicator.code()));
        note.put("label", "Ghi chú");
        note.putObject("conditional").put("hide", hide);
        note.putObject("layout").put("row", "Row_" + suffix).put("columns", 8);
    }

    private static ObjectNode text(String id, String markdown) {
        ObjectNode text = JSON.createObjectNode();
        text.put("id", id);
        text.put("type", "text");
        text.put("text", markdown);
        return text;
    }

    private static ObjectNode readonly(String id, String type, String key, String label) {
        ObjectNode field = JSON.createObjectNode();
        field.put("id", id);
        field.put("type", type);
        field.put("key", key);
        field.put("label", label);
        field.put("readonly", true);
        return field;
    }

    private static String camel(String constant) {
        return Arrays.stream(constant.toLowerCase().split("_"))
                .map(w -> Character.toUpperCase(w.charAt(0)) + w.substring(1)).collect(Collectors.joining());
    }
}
