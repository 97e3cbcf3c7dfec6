package vn.dieuhanh.indicator.internal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import vn.dieuhanh.indicator.Aggregation;
import vn.dieuhanh.indicator.ReportingPeriod;

/**
 * The arithmetic of aggregation (pure):
 * <ul>
 *   <li>across units: SUM adds; AVERAGE and LATEST take the mean of the units' values (LATEST is for levels such as a
 *       coverage rate, which do not add up across units);</li>
 *   <li>across the periods of a year (year to date): SUM adds; AVERAGE takes the mean of the periods that have a
 *       value; LATEST takes the value of the latest period that has one;</li>
 *   <li>the yearly plan of several units: SUM adds their targets; AVERAGE and LATEST take their mean;</li>
 *   <li>the expected ratio of the plan by the end of a period: for SUM the elapsed share of the year (March: 3/12,
 *       Q2: 2/4), for AVERAGE and LATEST 1 (a level is expected to be at its target all year).</li>
 * </ul>
 * Means are rounded to 4 decimals (half up); ratios to 4 decimals.
 */
public final class IndicatorAggregation {

    static final int SCALE = 4;

    private IndicatorAggregation() {
    }

    public static BigDecimal acrossUnits(Aggregation aggregation, List<BigDecimal> values) {
        List<BigDecimal> present = values.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return aggregation == Aggregation.SUM ? sum(present) : mean(present);
    }

    /** @param perPeriod the values of the periods of the year up to the period, in order; null where none */
    public static BigDecimal yearToDate(Aggregation aggregation, List<BigDecimal> perPeriod) {
        List<BigDecimal> present = perPeriod.stream().filter(Objects::nonNull).toList();
        if (present.isEmpty()) {
            return null;
        }
        return switch (aggregation) {
            case SUM -> sum(present);
            case AVERAGE -> mean(present);
            case LATEST -> present.get(present.size() - 1);
        };
    }

    public static BigDecimal plan(Aggregation aggregation, List<BigDecimal> unitTargets) {
        return acrossUnits(aggregation, unitTargets);
    }

    public static double expectedRatio(Aggregation aggregation, ReportingPeriod period) {
        if (aggregation != Aggregation.SUM) {
            return 1.0;
        }
        int perYear = switch (period.frequency()) {
            case MONTHLY -> 12;
            case QUARTERLY -> 4;
            case YEARLY -> 1;
        };
        return BigDecimal.valueOf(period.number()).divide(BigDecimal.valueOf(perYear), SCALE, RoundingMode.HALF_UP)
                .doubleValue();
    }

    /** Value / plan, or null when either is missing or the plan is not positive. */
    public static Double ratio(BigDecimal value, BigDecimal plan) {
        if (value == null || plan == null || plan.signum() <= 0) {
            return null;
        }
        return value.divide(plan, SCALE, RoundingMode.HALF_UP).doubleValue();
    }

    /** The periods of the year of {@code period}, from the first up to it, at its frequency. */
    public static List<ReportingPeriod> yearUpTo(ReportingPeriod period) {
        List<ReportingPeriod> periods = new ArrayList<>();
        for (int n = 1; n <= period.number(); n++) {
            periods.add(new ReportingPeriod(period.frequency(), period.year(), n));
        }
        return periods;
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return CatalogueRepository.plain(values.stream().reduce(BigDecimal.ZERO, BigDecimal::add));
    }

    private static BigDecimal mean(List<BigDecimal> values) {
        return CatalogueRepository.plain(sum(values).divide(BigDecimal.valueOf(values.size()), SCALE,
                RoundingMode.HALF_UP));
    }
}
