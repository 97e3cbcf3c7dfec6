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
    void rowsCarryTheRulesAsTextAndEarlierValues() {
        JsonValue rows = ReportRows.toVariable(INDICATORS, Map.of("KT-01", new Value("KT-01", new BigDecimal("12.5"),
                "ước")));
        String json = rows.getValueSerialized();
        assertThat(json).contains("\"code\":\"KT-01\"", "\"value\":12.5", "\"note\":\"ước\"",
                "\"rule\":\"bắt buộc; không nhỏ hơn 0\"", "\"rule\":\"bắt buộc; từ 0 đến 100\"",
                "\"rule\":\"không bắt buộc; số nguyên; không nhỏ hơn 0\"", "\"unitOfMeasure\":\"tỷ đồng\"");
    }

    @Test
    void tasklistRowsAreReadBackWithNumbersInAnyShape() {
        String fromTasklist = """
                [{"code":"KT-01","name":"x","value":120.5,"note":" ước tính "},
                 {"code":"XH-01","value":"98,5"},
                 {"code":"VH-01","value":null,"note":""}]""";
        Map<String, Value> values = ReportRows.fromVariable(fromTasklist);
        assertThat(values).containsOnlyKeys("KT-01", "XH-01");
        assertThat(values.get("KT-01")).isEqualTo(new Value("KT-01", new BigDecimal("120.5"), "ước tính"));
        assertThat(values.get("XH-01").value()).isEqualByComparingTo("98.5");
    }

    @Test
    void aValueThatIsNotANumberIsRefusedNamingTheIndicator() {
        assertThatThrownBy(() -> ReportRows.fromVariable("[{\"code\":\"KT-01\",\"value\":\"mười\"}]"))
                .isInstanceOfSatisfying(ReportValidationFailed.class, e -> assertThat(e.problems())
                        .containsEntry("KT-01", "Giá trị 'mười' không phải là số"));
    }

    @Test
    void aFiringOpensThePeriodThatHasJustEnded() {
        assertThat(CampaignJob.justEnded(Frequency.MONTHLY, LocalDate.of(2026, 4, 1)).label()).isEqualTo("2026-03");
        assertThat(CampaignJob.justEnded(Frequency.MONTHLY, LocalDate.of(2026, 1, 1)).label()).isEqualTo("2025-12");
        assertThat(CampaignJob.justEnded(Frequency.QUARTERLY, LocalDate.of(2026, 4, 1)).label()).isEqualTo("2026-Q1");
        assertThat(CampaignJob.justEnded(Frequency.YEARLY, LocalDate.of(2027, 1, 2)).label()).isEqualTo("2026");
    }
}
