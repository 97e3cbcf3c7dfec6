package vn.dieuhanh.indicator.internal;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import vn.dieuhanh.indicator.Aggregation;
import vn.dieuhanh.indicator.Domain;
import vn.dieuhanh.indicator.Frequency;
import vn.dieuhanh.indicator.Indicator;

/** The {@code ind_*} catalogue tables, plain JDBC, portable SQL. */
@Repository
class CatalogueRepository {

    record VersionRow(String version, String source, String checksum, int indicatorCount, OffsetDateTime importedAt) {
    }

    private final JdbcClient jdbc;
    private final Clock clock;

    CatalogueRepository(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    Optional<String> importedChecksum(String source) {
        return jdbc.sql("SELECT checksum FROM ind_import WHERE source = ?").param(source).query(String.class)
                .optional();
    }

    void recordImport(String source, String checksum, int rows) {
        OffsetDateTime now = OffsetDateTime.now(clock);
        int updated = jdbc.sql("UPDATE ind_import SET checksum = ?, row_count = ?, imported_at = ? WHERE source = ?")
                .params(checksum, rows, now, source).update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO ind_import (source, checksum, row_count, imported_at) VALUES (?, ?, ?, ?)")
                    .params(source, checksum, rows, now).update();
        }
    }

    Optional<VersionRow> version(String version) {
        return jdbc.sql("SELECT version, source, checksum, indicator_count, imported_at FROM ind_catalogue_version "
                        + "WHERE version = ?").param(version)
                .query((rs, n) -> new VersionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class))).optional();
    }

    /** Newest first. */
    List<VersionRow> versions() {
        return jdbc.sql("SELECT version, source, checksum, indicator_count, imported_at FROM ind_catalogue_version "
                        + "ORDER BY sort_key DESC")
                .query((rs, n) -> new VersionRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4),
                        rs.getObject(5, OffsetDateTime.class))).list();
    }

    Optional<String> latestVersion() {
        return jdbc.sql("SELECT version FROM ind_catalogue_version ORDER BY sort_key DESC LIMIT 1")
                .query(String.class).optional();
    }

    void insertVersion(CatalogueFiles.CatalogueFile file) {
        jdbc.sql("INSERT INTO ind_catalogue_version (version, sort_key, source, checksum, indicator_count, imported_at) "
                        + "VALUES (?, ?, ?, ?, ?, ?)")
                .params(file.version(), CatalogueFiles.sortKey(file.version()), file.source(), file.checksum(),
                        file.entries().size(), OffsetDateTime.now(clock)).update();
        int order = 0;
        for (CatalogueEntry entry : file.entries()) {
            Indicator i = entry.indicator();
            jdbc.sql("INSERT INTO ind_indicator (version, code, name, domain, unit_of_measure, aggregation, frequency, "
                            + "reported_by, direction, integer_only, minimum_value, maximum_value, required, description, "
                            + "sort_order) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(file.version(), i.code(), i.name(), i.domain().name(), i.unitOfMeasure(),
                            i.aggregation().name(), i.frequency().name(),
                            i.reportedBy().stream().sorted().collect(Collectors.joining(";")),
                            entry.direction().name(), i.integerOnly(), i.minimum(), i.maximum(), i.required(),
                            entry.description(), order++)
                    .update();
        }
    }

    List<CatalogueEntry> entries(String version) {
        return jdbc.sql("SELECT code, name, domain, unit_of_measure, aggregation, frequency, reported_by, direction, "
                        + "integer_only, minimum_value, maximum_value, required, description FROM ind_indicator "
                        + "WHERE version = ? ORDER BY sort_order")
                .param(version)
                .query((rs, n) -> {
                    Set<String> reportedBy = new LinkedHashSet<>(Arrays.asList(rs.getString(7).split(";")));
                    Indicator indicator = new Indicator(rs.getString(1), rs.getString(2),
                            Domain.valueOf(rs.getString(3)), rs.getString(4), Aggregation.valueOf(rs.getString(5)),
                            Frequency.valueOf(rs.getString(6)), Set.copyOf(reportedBy), rs.getBoolean(9),
                            plain(rs.getBigDecimal(10)), plain(rs.getBigDecimal(11)), rs.getBoolean(12));
                    return new CatalogueEntry(version, indicator, Direction.valueOf(rs.getString(8)),
                            rs.getString(13));
                }).list();
    }

    void replaceTargets(CatalogueFiles.TargetsFile file) {
        jdbc.sql("DELETE FROM ind_target WHERE plan_year = ?").param(file.year()).update();
        for (CatalogueFiles.TargetRule rule : file.rules()) {
            jdbc.sql("INSERT INTO ind_target (plan_year, indicator_code, applies_to, target, note) VALUES (?, ?, ?, ?, ?)")
                    .params(file.year(), rule.indicatorCode(), rule.appliesTo(), rule.target(), rule.note()).update();
        }
    }

    List<CatalogueFiles.TargetRule> targets(int year) {
        return jdbc.sql("SELECT indicator_code, applies_to, target, note FROM ind_target WHERE plan_year = ? "
                        + "ORDER BY indicator_code, applies_to")
                .param(year)
                .query((rs, n) -> new CatalogueFiles.TargetRule(rs.getString(1), rs.getString(2),
                        plain(rs.getBigDecimal(3)), rs.getString(4)))
                .list();
    }

    /** 250.0000 from NUMERIC(20,4) as 250. */
    static BigDecimal plain(BigDecimal value) {
        if (value == null) {
            return null;
        }
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
