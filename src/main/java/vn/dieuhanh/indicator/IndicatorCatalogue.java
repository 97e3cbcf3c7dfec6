package vn.dieuhanh.indicator;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The indicator catalogue in force (its latest version) and the yearly plan targets. */
public interface IndicatorCatalogue {

    /** The version in force, e.g. {@code 2026.1}. */
    String currentVersion();

    /** Every indicator of the version in force, ordered by domain then code. */
    List<Indicator> indicators();

    Optional<Indicator> find(String code);

    /** What a unit reports for a period: the indicators of that frequency its kind reports, in catalogue order. */
    List<Indicator> indicatorsFor(String unitCode, ReportingPeriod period);

    /** The yearly plan target of a unit for an indicator, if one was set. */
    Optional<BigDecimal> yearlyTarget(String indicatorCode, String unitCode, int year);

    /**
     * Checks a unit's values for a period against the catalogue: every required indicator present, only the unit's
     * indicators, numbers within the bounds, whole numbers where asked. Returns the problems (empty when valid), one
     * Vietnamese message per indicator code; {@code ""} keys problems not tied to one indicator.
     */
    Map<String, String> validate(String unitCode, ReportingPeriod period, Map<String, BigDecimal> values);
}
