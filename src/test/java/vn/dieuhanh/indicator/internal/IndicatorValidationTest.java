package vn.dieuhanh.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.indicator.Aggregation;
import vn.dieuhanh.indicator.Domain;
import vn.dieuhanh.indicator.Frequency;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.ReportingPeriod;

class IndicatorValidationTest {

    static final Indicator REVENUE = new Indicator("KT-01", "Thu ngân sách", Domain.ECONOMIC, "tỷ đồng",
            Aggregation.SUM, Frequency.MONTHLY, Set.of("ward"), false, BigDecimal.ZERO, null, true);
    static final Indicator ENTERPRISES = new Indicator("KT-02", "Số doanh nghiệp thành lập mới", Domain.ECONOMIC,
            "doanh nghiệp", Aggregation.SUM, Frequency.MONTHLY, Set.of("ward"), true, BigDecimal.ZERO, null, true);
    static final Indicator COVERAGE = new Indicator("XH-02", "Tỷ lệ dân số tham gia bảo hiểm y tế", Domain.SOCIAL,
            "%", Aggregation.LATEST, Frequency.MONTHLY, Set.of("ward"), false, BigDecimal.ZERO,
            new BigDecimal("100"), true);
    static final Indicator HERITAGE = new Indicator("VH-07", "Số di tích được tu bổ", Domain.CULTURAL, "di tích",
            Aggregation.SUM, Frequency.MONTHLY, Set.of("ward"), true, BigDecimal.ZERO, null, false);
    static final List<Indicator> WARD = List.of(REVENUE, ENTERPRISES, COVERAGE, HERITAGE);
    static final List<String> CATALOGUE = List.of("KT-01", "KT-02", "XH-02", "VH-07", "QP-01");
    static final ReportingPeriod MARCH = ReportingPeriod.month(2026, 3);

    static Map<String, String> validate(Map<String, BigDecimal> values) {
        return IndicatorValidation.validate(WARD, CATALOGUE, "2026.1", MARCH, values);
    }

    static Map<String, BigDecimal> valid() {
        Map<String, BigDecimal> values = new HashMap<>();
        values.put("KT-01", new BigDecimal("12.5"));
        values.put("KT-02", new BigDecimal("31"));
        values.put("XH-02", new BigDecimal("93.4"));
        return values;
    }

    @Test
    void validValuesGiveNoProblemAndAnOptionalIndicatorMayBeLeftOut() {
        assertThat(validate(valid())).isEmpty();
    }

    @Test
    void aValueBelowTheMinimumIsNamedWithTheIndicator() {
        Map<String, BigDecimal> values = valid();
        values.put("KT-01", new BigDecimal("-5"));
        assertThat(validate(values))
                .containsExactly(Map.entry("KT-01", "KT-01 (Thu ngân sách): giá trị -5 nhỏ hơn mức tối thiểu 0"));
    }

    @Test
    void aValueAboveTheMaximumIsRefused() {
        Map<String, BigDecimal> values = valid();
        values.put("XH-02", new BigDecimal("100.5"));
        assertThat(validate(values)).containsExactly(Map.entry("XH-02",
                "XH-02 (Tỷ lệ dân số tham gia bảo hiểm y tế): giá trị 100,5 lớn hơn mức tối đa 100"));
    }

    @Test
    void theBoundsThemselvesAreValid() {
        Map<String, BigDecimal> values = valid();
        values.put("KT-01", new BigDecimal("0"));
        values.put("XH-02", new BigDecimal("100.00"));
        assertThat(validate(values)).isEmpty();
    }

    @Test
    void aCountMustBeAWholeNumberButTrailingZerosAreFine() {
        Map<String, BigDecimal> values = valid();
        values.put("KT-02", new BigDecimal("3.5"));
        assertThat(validate(values)).containsExactly(Map.entry("KT-02",
                "KT-02 (Số doanh nghiệp thành lập mới): giá trị 3,5 phải là số nguyên"));
        values.put("KT-02", new BigDecimal("4.000"));
        assertThat(validate(values)).isEmpty();
    }

    @Test
    void aMissingRequiredIndicatorIsAProblemAndSoIsANullValue() {
        Map<String, BigDecimal> values = valid();
        values.remove("KT-01");
        values.put("XH-02", null);
        assertThat(validate(values)).containsOnly(
                Map.entry("KT-01", "KT-01 (Thu ngân sách): chưa nhập số liệu (chỉ tiêu bắt buộc)"),
                Map.entry("XH-02", "XH-02 (Tỷ lệ dân số tham gia bảo hiểm y tế): chưa nhập số liệu (chỉ tiêu bắt buộc)"));
    }

    @Test
    void anIndicatorOfAnotherUnitKindOrAnUnknownCodeIsRefused() {
        Map<String, BigDecimal> values = valid();
        values.put("QP-01", new BigDecimal("100"));
        values.put("ZZ-99", BigDecimal.ONE);
        assertThat(validate(values)).containsOnly(
                Map.entry("QP-01", "QP-01: chỉ tiêu này không thuộc báo cáo tháng 3/2026 của đơn vị"),
                Map.entry("ZZ-99", "ZZ-99: không có chỉ tiêu này trong danh mục chỉ tiêu phiên bản 2026.1"));
    }

    @Test
    void everyProblemIsReportedAtOnceOnePerIndicator() {
        Map<String, BigDecimal> values = new HashMap<>();
        values.put("KT-01", new BigDecimal("-1"));
        values.put("KT-02", new BigDecimal("-2.5"));
        assertThat(validate(values)).containsOnlyKeys("KT-01", "KT-02", "XH-02");
        // integer check first: one message per indicator
        assertThat(validate(values).get("KT-02")).endsWith("giá trị -2,5 phải là số nguyên");
    }

    @Test
    void noValuesAtAllListsTheRequiredOnes() {
        assertThat(IndicatorValidation.validate(WARD, CATALOGUE, "2026.1", MARCH, null))
                .containsOnlyKeys("KT-01", "KT-02", "XH-02");
    }
}
