package vn.dieuhanh.indicator.internal;

import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.IndicatorCatalogue;
import vn.dieuhanh.indicator.ReportingPeriod;
import vn.dieuhanh.organisation.OrganisationDirectory;
import vn.dieuhanh.organisation.Unit;

/**
 * The catalogue from the {@code ind_*} tables. The version in force is the highest imported version (read at every
 * call, so a node sees a version another node imported); a version's indicators never change once imported, so they
 * are cached per version.
 */
@Component
public class JdbcIndicatorCatalogue implements IndicatorCatalogue {

    static final Comparator<CatalogueEntry> CATALOGUE_ORDER = Comparator
            .comparing((CatalogueEntry e) -> e.indicator().domain().ordinal())
            .thenComparing(CatalogueEntry::code);

    private final CatalogueRepository repository;
    private final OrganisationDirectory directory;
    private final Map<String, List<CatalogueEntry>> versions = new ConcurrentHashMap<>();

    JdbcIndicatorCatalogue(CatalogueRepository repository, OrganisationDirectory directory) {
        this.repository = repository;
        this.directory = directory;
    }

    @Override
    public String currentVersion() {
        return repository.latestVersion().orElseThrow(() -> new IllegalStateException(
                "Chưa có danh mục chỉ tiêu (no indicator catalogue has been imported)"));
    }

    /** Every imported version, newest first. */
    public List<CatalogueRepository.VersionRow> versions() {
        return repository.versions();
    }

    public boolean hasVersion(String version) {
        return version != null && repository.version(version).isPresent();
    }

    /** The entries of a version ordered by domain then code; empty for an unknown version. */
    public List<CatalogueEntry> entries(String version) {
        List<CatalogueEntry> cached = versions.get(version);
        if (cached != null) {
            return cached;
        }
        List<CatalogueEntry> loaded = repository.entries(version).stream().sorted(CATALOGUE_ORDER).toList();
        if (!loaded.isEmpty()) {
            versions.put(version, loaded);
        }
        return loaded;
    }

    public List<CatalogueEntry> entries() {
        return entries(currentVersion());
    }

    public Optional<CatalogueEntry> entry(String version, String code) {
        return entries(version).stream().filter(e -> e.code().equals(code)).findFirst();
    }

    public TargetTable targets(int year) {
        return new TargetTable(year, repository.targets(year));
    }

    @Override
    public List<Indicator> indicators() {
        return entries().stream().map(CatalogueEntry::indicator).toList();
    }

    @Override
    public Optional<Indicator> find(String code) {
        return entry(currentVersion(), code).map(CatalogueEntry::indicator);
    }

    @Override
    public List<Indicator> indicatorsFor(String unitCode, ReportingPeriod period) {
        Optional<Unit> unit = directory.unit(unitCode);
        if (unit.isEmpty()) {
            return List.of();
        }
        return indicatorsFor(unit.get().kind().code(), period, indicators());
    }

    static List<Indicator> indicatorsFor(String unitKindCode, ReportingPeriod period, List<Indicator> indicators) {
        return indicators.stream()
                .filter(i -> i.frequency() == period.frequency() && i.reportedBy().contains(unitKindCode))
                .toList();
    }

    @Override
    public Optional<BigDecimal> yearlyTarget(String indicatorCode, String unitCode, int year) {
        String kind = directory.unit(unitCode).map(u -> u.kind().code()).orElse(null);
        return targets(year).target(indicatorCode, unitCode, kind).map(TargetTable.Target::value);
    }

    @Override
    public Map<String, String> validate(String unitCode, ReportingPeriod period, Map<String, BigDecimal> values) {
        if (directory.unit(unitCode).isEmpty()) {
            return Map.of(IndicatorValidation.GENERAL, "Không tìm thấy đơn vị '" + unitCode + "'");
        }
        String version = currentVersion();
        List<Indicator> all = entries(version).stream().map(CatalogueEntry::indicator).toList();
        List<Indicator> own = indicatorsFor(unitCode, period);
        if (own.isEmpty()) {
            return Map.of(IndicatorValidation.GENERAL, "Đơn vị '" + unitCode + "' không có chỉ tiêu báo cáo "
                    + period.vietnameseLabel());
        }
        return IndicatorValidation.validate(own, all.stream().map(Indicator::code).toList(), version, period,
                values);
    }
}
