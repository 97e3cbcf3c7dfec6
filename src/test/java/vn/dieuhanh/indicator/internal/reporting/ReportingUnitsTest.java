package vn.dieuhanh.indicator.internal.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.indicator.Aggregation;
import vn.dieuhanh.indicator.Domain;
import vn.dieuhanh.indicator.Frequency;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.internal.reporting.ReportingExceptions.ReportValidationFailed;
import vn.dieuhanh.indicator.internal.reporting.ReportingRepository.Value;

/** The pure parts: the form's rows both ways, and which period a firing opens. */
class ReportingUnitsTest {

    /** Fixture rows (the conversion does not read the catalogue). */
    static final List<Indicator> INDICATORS = List.of(
            new Indicator("KT-01", "Thu ngân sách trên địa bàn", Domain.ECONOMIC, "tỷ đồng", Aggregation.SUM,
                    Frequency.MONTHLY, Set.of("department"), false, BigDecimal.ZERO, null, true),
            new Indicator("XH-01", "Tỷ lệ giải quyết hồ sơ đúng hạn", Domain.SOCIAL, "%", Aggregation.AVERAGE,
                    Frequency.MONTHLY, Set.of("department"), false, BigDecimal.ZERO, new BigDecimal("100"), true),
            new Indicator("VH-01", "Số hoạt động văn hóa, thể thao", Domain.CULTURAL, "hoạt động",
                    Aggregation.SUM, Frequency.MONTHLY, Set.of("department"), true, BigDecimal.ZERO, null, false));

    @Test
    void theFormShowsTheUnitsIndicatorsPrefilledWithEarlierValues() {
        Map<String, Object> variables = ReportFormFields.toVariables(INDICATORS,
                Map.of("KT-01", new Value("KT-01", new BigDecimal("12.5"), "ước")));
        assertThat(((JsonValue) variables.get("indicatorCodes")).getValueSerialized())
                .isEqualTo("[\"KT-01\",\"XH-01\",\"VH-01\"]");
        assertThat(variables.get("ind_KT_01")).isEqualTo(12.5);
        assertThat(variables.get("note_KT_01")).isEqualTo("ước");
        assertThat(variables).containsKey("ind_XH_01").containsEntry("ind_XH_01", null);
        assertThat(ReportRows.rule(INDICATORS.get(0))).isEqualTo("bắt buộc; không nhỏ hơn 0");
        assertThat(ReportRows.rule(INDICATORS.get(1))).isEqualTo("bắt buộc; từ 0 đến 100");
        assertThat(ReportRows.rule(INDICATORS.get(2))).isEqualTo("không bắt buộc; số nguyên; không nhỏ hơn 0");
    }

    @Test
    void submittedFieldsAreReadBackWithNumbersInAnyShape() {
        Map<String, Object> submitted = new java.util.HashMap<>(Map.of("ind_KT_01", 120.5, "note_KT_01", " ước tính ",
                "ind_XH_01", "98,5", "ind_VH_01", 4.0, "note_VH_01", ""));
        Map<String, Value> values = ReportFormFields.fromVariables(INDICATORS, submitted::get);
        assertThat(values).containsOnlyKeys("KT-01", "XH-01", "VH-01");
        assertThat(values.get("KT-01")).isEqualTo(new Value("KT-01", new BigDecimal("120.5"), "ước tính"));
        assertThat(values.get("XH-01").value()).isEqualByComparingTo("98.5");
        assertThat(values.get("VH-01").value()).as("a whole number from a Double").isEqualTo(new BigDecimal("4"));
        assertThat(ReportFormFields.fromVariables(INDICATORS, Map.of("note_KT_01", "chưa có số liệu")::get))
                .containsOnlyKeys("KT-01");
    }

    @Test
    void aValueThatIsNotANumberIsRefusedNamingTheIndicator() {
        assertThatThrownBy(() -> ReportFormFields.fromVariables(INDICATORS, Map.of("ind_KT_01", "mười")::get))
                .isInstanceOfSatisfying(ReportValidationFailed.class, e -> assertThat(e.problems())
                        .containsEntry("KT-01", "KT-01 (Thu ngân sách trên địa bàn): giá trị 'mười' không phải là số"));
    }

    @Test
    void aFiringOpensThePeriodThatHasJustEnded() {
        assertThat(CampaignJob.justEnded(Frequency.MONTHLY, LocalDate.of(2026, 4, 1)).label()).isEqualTo("2026-03");
        assertThat(CampaignJob.justEnded(Frequency.MONTHLY, LocalDate.of(2026, 1, 1)).label()).isEqualTo("2025-12");
        assertThat(CampaignJob.justEnded(Frequency.QUARTERLY, LocalDate.of(2026, 4, 1)).label()).isEqualTo("2026-Q1");
        assertThat(CampaignJob.justEnded(Frequency.YEARLY, LocalDate.of(2027, 1, 2)).label()).isEqualTo("2026");
    }
}
