package vn.dieuhanh.indicator.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import vn.dieuhanh.indicator.Aggregation;
import vn.dieuhanh.indicator.Domain;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.ReportedValue;
import vn.dieuhanh.indicator.ReportedValues;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;

/**
 * The aggregated tables: per indicator the city-wide value of its period, the year to date, the yearly plan, the
 * ratio and the status against plan; per unit the same against the unit's own target. An indicator is shown for the
 * period of its own frequency that contains the last day of the requested period (table of 2026-03: monthly
 * indicators for 2026-03, quarterly for 2026-Q1, yearly for 2026). Values are the approved ones
 * ({@link ReportedValues}); without that capability every indicator is grey with no units expected.
 */
@Service
public class IndicatorTables {

    public record CityRow(String code, String name, Domain domain, String domainLabel, String unitOfMeasure,
                          Aggregation aggregation, Direction direction, String period, BigDecimal value,
                          BigDecimal yearToDate, BigDecimal plan, Double achievedRatio, double expectedRatio,
                          String status, String statusLabel, int unitsReported, int unitsExpected) {
    }

    public record CityTable(String period, String periodLabel, String catalogueVersion, List<CityRow> rows) {
    }

    public record UnitRow(String unitCode, String unitName, String unitKind, boolean reported, BigDecimal value,
                          BigDecimal yearToDate, BigDecimal target, Double achievedRatio, String status,
                          String statusLabel) {
    }

    public record UnitTable(String indicatorCode, String indicatorName, String unitOfMeasure, String period,
                            String catalogueVersion, List<UnitRow> rows) {
    }

    private final JdbcIndicatorCatalogue catalogue;
    private final ReportedValues reportedValues;
    private final OrganisationDirectory directory;
    private final IndicatorStatusRules rules;

    IndicatorTables(JdbcIndicatorCatalogue catalogue, ReportedValues reportedValues,
                    OrganisationDirectory directory, IndicatorStatusRules rules) {
        this.catalogue = catalogue;
        this.reportedValues = reportedValues;
        this.directory = directory;
        this.rules = rules;
    }

    public CityTable cityTable(ReportingPeriod requested, Optional<Domain> domain) {
        String version = catalogue.currentVersion();
        Request request = new Request(requested.year());
        List<CityRow> rows = new ArrayList<>();
        for (CatalogueEntry entry : catalogue.entries(version)) {
            Indicator indicator = entry.indicator();
            if (domain.isPresent() && indicator.domain() != domain.get()) {
                continue;
            }
            ReportingPeriod period = ReportingPeriod.containing(indicator.frequency(), requested.lastDay());
            List<String> expected = request.expectedUnits(indicator, period);
            Map<String, BigDecimal> current = request.values(indicator.code(), period);
            List<BigDecimal> perPeriod = IndicatorAggregation.yearUpTo(period).stream()
                    .map(p -> IndicatorAggregation.acrossUnits(indicator.aggregation(),
                            List.copyOf(request.values(indicator.code(), p).values())))
                    .toList();
            BigDecimal value = IndicatorAggregation.acrossUnits(indicator.aggregation(), List.copyOf(current.values()));
            BigDecimal yearToDate = IndicatorAggregation.yearToDate(indicator.aggregation(), perPeriod);
            BigDecimal plan = IndicatorAggregation.plan(indicator.aggregation(), expected.stream()
                    .map(unit -> request.target(indicator.code(), unit)).toList());
            int reported = (int) expected.stream().filter(current::containsKey).count();
            double share = expected.isEmpty() ? 0 : (double) reported / expected.size();
            Double ratio = IndicatorAggregation.ratio(yearToDate, plan);
            double expectedRatio = IndicatorAggregation.expectedRatio(indicator.aggregation(), period);
            IndicatorStatus status = request.evaluator().status(new StatusInputs(plan != null && plan.signum() > 0,
                    share, entry.direction(), ratio, expectedRatio));
            rows.add(new CityRow(indicator.code(), indicator.name(), indicator.domain(), indicator.domain().label(),
                    indicator.unitOfMeasure(), indicator.aggregation(), entry.direction(), period.label(), value,
                    yearToDate, plan, ratio, expectedRatio, status.code(), status.label(), reported,
                    expected.size()));
        }
        return new CityTable(requested.label(), requested.vietnameseLabel(), version, rows);
    }

    /** Per-unit values and statuses of one indicator; empty if the indicator is not in the catalogue in force. */
    public Optional<UnitTable> unitTable(ReportingPeriod requested, String indicatorCode) {
        String version = catalogue.currentVersion();
        Optional<CatalogueEntry> found = catalogue.entry(version, indicatorCode);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        CatalogueEntry entry = found.get();
        Indicator indicator = entry.indicator();
        Request request = new Request(requested.year());
        ReportingPeriod period = ReportingPeriod.containing(indicator.frequency(), requested.lastDay());
        Map<String, BigDecimal> current = request.values(indicator.code(), period);
        Set<String> units = new LinkedHashSet<>(request.expectedUnits(indicator, period));
        units.addAll(current.keySet());
        List<ReportingPeriod> year = IndicatorAggregation.yearUpTo(period);
        double expectedRatio = IndicatorAggregation.expectedRatio(indicator.aggregation(), period);
        List<UnitRow> rows = new ArrayList<>();
        for (String unitCode : units) {
            Unit unit = request.units().get(unitCode);
            List<BigDecimal> perPeriod = year.stream().map(p -> request.values(indicator.code(), p).get(unitCode))
                    .toList();
            BigDecimal yearToDate = IndicatorAggregation.yearToDate(indicator.aggregation(), perPeriod);
            BigDecimal target = request.target(indicator.code(), unitCode);
            Double ratio = IndicatorAggregation.ratio(yearToDate, target);
            boolean reported = current.containsKey(unitCode);
            IndicatorStatus status = request.evaluator().status(new StatusInputs(
                    target != null && target.signum() > 0, reported ? 1 : 0, entry.direction(), ratio,
                    expectedRatio));
            rows.add(new UnitRow(unitCode, unit == null ? null : unit.name(),
                    unit == null ? null : unit.kind().code(), reported, current.get(unitCode), yearToDate, target,
                    ratio, status.code(), status.label()));
        }
        return Optional.of(new UnitTable(indicator.code(), indicator.name(), indicator.unitOfMeasure(),
                period.label(), version, rows));
    }

    /** What one request reads, each thing once. */
    private final class Request {

        private final int year;
        private final Map<ReportingPeriod, Map<String, Map<String, BigDecimal>>> values = new HashMap<>();
        private final Map<ReportingPeriod, List<String>> expected = new HashMap<>();
        private Map<String, Unit> units;
        private TargetTable targets;
        private IndicatorStatusRules.Evaluator evaluator;

        Request(int year) {
            this.year = year;
        }

        /** Unit code -> approved value of an indicator in a period. */
        Map<String, BigDecimal> values(String indicatorCode, ReportingPeriod period) {
            return values.computeIfAbsent(period, p -> {
                List<ReportedValue> approved = reportedValues.approved(p);
                Map<String, Map<String, BigDecimal>> byIndicator = new HashMap<>();
                for (ReportedValue v : approved) {
                    if (v.value() != null) {
                        byIndicator.computeIfAbsent(v.indicatorCode(), k -> new HashMap<>()).put(v.unitCode(),
                                v.value());
                    }
                }
                return byIndicator;
            }).getOrDefault(indicatorCode, Map.of());
        }

        /** The period's expected units whose kind reports the indicator. */
        List<String> expectedUnits(Indicator indicator, ReportingPeriod period) {
            List<String> all = expected.computeIfAbsent(period, reportedValues::expectedUnits);
            return all.stream().filter(code -> {
                Unit unit = units().get(code);
                return unit != null && indicator.reportedBy().contains(unit.kind().code());
            }).distinct().toList();
        }

        Map<String, Unit> units() {
            if (units == null) {
                units = directory.units(Optional.empty()).stream()
                        .collect(Collectors.toMap(Unit::code, Function.identity()));
            }
            return units;
        }

        BigDecimal target(String indicatorCode, String unitCode) {
            if (targets == null) {
                targets = catalogue.targets(year);
            }
            Unit unit = units().get(unitCode);
            return targets.target(indicatorCode, unitCode, unit == null ? null : unit.kind().code())
                    .map(TargetTable.Target::value).orElse(null);
        }

        IndicatorStatusRules.Evaluator evaluator() {
            if (evaluator == null) {
                evaluator = rules.evaluator();
            }
            return evaluator;
        }
    }
}
