package vn.dieuhanh.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.indicator.Aggregation;
import vn.dieuhanh.indicator.ReportingPeriod;

/** The arithmetic, with hand-computed values. */
class IndicatorAggregationTest {

    static List<BigDecimal> numbers(String... values) {
        return Arrays.stream(values).map(v -> v == null ? null : new BigDecimal(v)).toList();
    }

    @Test
    void acrossUnitsSumAddsAndAverageAndLatestTakeTheMean() {
        // 12.5 + 30 + 7.25 = 49.75
        assertThat(IndicatorAggregation.acrossUnits(Aggregation.SUM, numbers("12.5", "30", "7.25")))
                .isEqualByComparingTo("49.75");
        // (95 + 92 + 90.5) / 3 = 277.5 / 3 = 92.5
        assertThat(IndicatorAggregation.acrossUnits(Aggregation.AVERAGE, numbers("95", "92", "90.5")))
                .isEqualByComparingTo("92.5");
        // (90 + 91) / 2 = 90.5; missing values are left out
        assertThat(IndicatorAggregation.acrossUnits(Aggregation.LATEST, numbers("90", null, "91")))
                .isEqualByComparingTo("90.5");
        // 100 / 3 = 33.3333 (4 decimals, half up)
        assertThat(IndicatorAggregation.acrossUnits(Aggregation.AVERAGE, numbers("100", "0", "0")))
                .isEqualByComparingTo("33.3333");
        assertThat(IndicatorAggregation.acrossUnits(Aggregation.SUM, numbers())).isNull();
    }

    @Test
    void yearToDateSumAddsAverageAveragesThePeriodsWithValuesLatestTakesTheLastOne() {
        // Jan 10, Feb none, Mar 14: SUM 24, AVERAGE (10 + 14) / 2 = 12, LATEST 14
        List<BigDecimal> months = numbers("10", null, "14");
        assertThat(IndicatorAggregation.yearToDate(Aggregation.SUM, months)).isEqualByComparingTo("24");
        assertThat(IndicatorAggregation.yearToDate(Aggregation.AVERAGE, months)).isEqualByComparingTo("12");
        assertThat(IndicatorAggregation.yearToDate(Aggregation.LATEST, months)).isEqualByComparingTo("14");
        // Jan 10, Feb 12, Mar none: LATEST is February's 12
        assertThat(IndicatorAggregation.yearToDate(Aggregation.LATEST, numbers("10", "12", null)))
                .isEqualByComparingTo("12");
        assertThat(IndicatorAggregation.yearToDate(Aggregation.SUM, numbers(null, null))).isNull();
    }

    @Test
    void planIsTheSumOfTargetsForSumAndTheirMeanOtherwise() {
        // 250 + 250 + 3500 = 4000; (95.5 + 94 + 94) / 3 = 94.5
        assertThat(IndicatorAggregation.plan(Aggregation.SUM, numbers("250", "250", "3500")))
                .isEqualByComparingTo("4000");
        assertThat(IndicatorAggregation.plan(Aggregation.LATEST, numbers("95.5", "94", "94")))
                .isEqualByComparingTo("94.5");
        assertThat(IndicatorAggregation.plan(Aggregation.SUM, numbers(null, null))).isNull();
    }

    @Test
    void expectedRatioIsTheElapsedShareOfTheYearForSumAndOneForLevels() {
        assertThat(IndicatorAggregation.expectedRatio(Aggregation.SUM, ReportingPeriod.month(2026, 3))).isEqualTo(0.25);
        assertThat(IndicatorAggregation.expectedRatio(Aggregation.SUM, ReportingPeriod.month(2026, 1)))
                .isEqualTo(0.0833);
        assertThat(IndicatorAggregation.expectedRatio(Aggregation.SUM, ReportingPeriod.quarter(2026, 2)))
                .isEqualTo(0.5);
        assertThat(IndicatorAggregation.expectedRatio(Aggregation.SUM, ReportingPeriod.year(2026))).isEqualTo(1.0);
        assertThat(IndicatorAggregation.expectedRatio(Aggregation.AVERAGE, ReportingPeriod.month(2026, 3)))
                .isEqualTo(1.0);
        assertThat(IndicatorAggregation.expectedRatio(Aggregation.LATEST, ReportingPeriod.quarter(2026, 1)))
                .isEqualTo(1.0);
    }

    @Test
    void ratioNeedsAPositivePlan() {
        // 1000 / 4000 = 0.25
        assertThat(IndicatorAggregation.ratio(new BigDecimal("1000"), new BigDecimal("4000"))).isEqualTo(0.25);
        assertThat(IndicatorAggregation.ratio(new BigDecimal("1"), BigDecimal.ZERO)).isNull();
        assertThat(IndicatorAggregation.ratio(null, BigDecimal.TEN)).isNull();
    }

    @Test
    void theYearUpToAPeriod() {
        assertThat(IndicatorAggregation.yearUpTo(ReportingPeriod.month(2026, 3))).extracting(ReportingPeriod::label)
                .containsExactly("2026-01", "2026-02", "2026-03");
        assertThat(IndicatorAggregation.yearUpTo(ReportingPeriod.quarter(2026, 2))).extracting(ReportingPeriod::label)
                .containsExactly("2026-Q1", "2026-Q2");
    }
}
