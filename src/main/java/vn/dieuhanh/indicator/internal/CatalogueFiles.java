package vn.dieuhanh.indicator.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import vn.dieuhanh.indicator.Aggregation;
import vn.dieuhanh.indicator.Domain;
import vn.dieuhanh.indicator.Frequency;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.organisation.UnitKind;
import vn.dieuhanh.platform.CsvFile;

/**
 * The analysts' files in one location (default {@code classpath:indicator/}): {@code catalogue-<version>.csv}, one per
 * released catalogue version (e.g. {@code catalogue-2026.1.csv}), and {@code targets-<year>.csv}, the yearly plan
 * targets. Parsing checks every row and names the file and row of the first problem.
 */
record CatalogueFiles(List<CatalogueFile> catalogues, List<TargetsFile> targets) {

    static final Pattern CATALOGUE = Pattern.compile("catalogue-(\\d+(?:\\.\\d+)*)\\.csv");
    static final Pattern TARGETS = Pattern.compile("targets-(\\d{4})\\.csv");
    static final Pattern CODE = Pattern.compile("[A-Z]{2,4}-\\d{2,3}");
    static final String KIND_PREFIX = "kind:";

    record CatalogueFile(String version, String source, String checksum, List<CatalogueEntry> entries) {
    }

    record TargetRule(String indicatorCode, String appliesTo, BigDecimal target, String note) {
    }

    record TargetsFile(int year, String source, String checksum, List<TargetRule> rules) {
    }

    static CatalogueFiles load(String location) {
        String base = location.endsWith("/") ? location : location + "/";
        PathMatchingResourcePatternResolver resolver = new PathMatchingResourcePatternResolver();
        List<CatalogueFile> catalogues = new ArrayList<>();
        List<TargetsFile> targets = new ArrayList<>();
        try {
            for (Resource resource : resolver.getResources(base + "catalogue-*.csv")) {
                Matcher m = CATALOGUE.matcher(resource.getFilename());
                if (!m.matches()) {
                    throw new IllegalStateException(resource.getFilename()
                            + ": a catalogue file is named catalogue-<version>.csv, e.g. catalogue-2026.2.csv");
                }
                CsvFile csv = CsvFile.read(resource);
                catalogues.add(new CatalogueFile(m.group(1), csv.source(), csv.checksum(),
                        parseCatalogue(m.group(1), csv)));
            }
            for (Resource resource : resolver.getResources(base + "targets-*.csv")) {
                Matcher m = TARGETS.matcher(resource.getFilename());
                if (!m.matches()) {
                    throw new IllegalStateException(resource.getFilename()
                            + ": a targets file is named targets-<year>.csv, e.g. targets-2027.csv");
                }
                CsvFile csv = CsvFile.read(resource);
                targets.add(new TargetsFile(Integer.parseInt(m.group(1)), csv.source(), csv.checksum(),
                        parseTargets(csv)));
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list the indicator files in " + base, e);
        }
        catalogues.sort(Comparator.comparing(file -> sortKey(file.version())));
        targets.sort(Comparator.comparingInt(TargetsFile::year));
        return new CatalogueFiles(catalogues, targets);
    }

    /** Orders versions numerically: {@code 2026.10} after {@code 2026.9}. */
    static String sortKey(String version) {
        return String.join(".", Arrays.stream(version.split("\\."))
                .map(part -> String.format(Locale.ROOT, "%06d", Integer.parseInt(part))).toList());
    }

    static List<CatalogueEntry> parseCatalogue(String version, CsvFile csv) {
        List<CatalogueEntry> entries = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        int line = 1;
        for (Map<String, String> row : csv.rows()) {
            line++;
            String where = csv.source() + " row " + line + ": ";
            try {
                String code = required(row, "code");
                if (!CODE.matcher(code).matches()) {
                    throw new IllegalArgumentException("code '" + code + "' is not like KT-01");
                }
                if (!codes.add(code)) {
                    throw new IllegalArgumentException("code " + code + " appears twice");
                }
                Set<String> reportedBy = new LinkedHashSet<>();
                for (String kind : required(row, "reported_by").split(";")) {
                    reportedBy.add(UnitKind.fromCode(kind.trim()).code());
                }
                BigDecimal min = decimal(row.get("min"));
                BigDecimal max = decimal(row.get("max"));
                if (min != null && max != null && min.compareTo(max) > 0) {
                    throw new IllegalArgumentException("min " + min + " is above max " + max);
                }
                Indicator indicator = new Indicator(code, required(row, "name"),
                        Domain.valueOf(required(row, "domain")), required(row, "unit_of_measure"),
                        Aggregation.valueOf(required(row, "aggregation")),
                        Frequency.valueOf(required(row, "frequency")), Set.copyOf(reportedBy),
                        bool(row, "integer_only"), min, max, bool(row, "required"));
                String description = row.getOrDefault("description", "");
                entries.add(new CatalogueEntry(version, indicator, Direction.valueOf(required(row, "direction")),
                        description.isBlank() ? null : description));
            } catch (RuntimeException e) {
                throw new IllegalStateException(where + e.getMessage(), e);
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalStateException(csv.source() + ": no indicators");
        }
        return entries;
    }

    static List<TargetRule> parseTargets(CsvFile csv) {
        List<TargetRule> rules = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        int line = 1;
        for (Map<String, String> row : csv.rows()) {
            line++;
            String where = csv.source() + " row " + line + ": ";
            try {
                String code = required(row, "indicator");
                String appliesTo = required(row, "applies_to");
                if (appliesTo.startsWith(KIND_PREFIX)) {
                    appliesTo = KIND_PREFIX + UnitKind.fromCode(appliesTo.substring(KIND_PREFIX.length())).code();
                }
                if (!keys.add(code + "|" + appliesTo)) {
                    throw new IllegalArgumentException(code + " for " + appliesTo + " appears twice");
                }
                BigDecimal target = decimal(required(row, "target"));
                String note = row.getOrDefault("note", "");
                rules.add(new TargetRule(code, appliesTo, target, note.isBlank() ? null : note));
            } catch (RuntimeException e) {
                throw new IllegalStateException(where + e.getMessage(), e);
            }
        }
        return rules;
    }

    private static String required(Map<String, String> row, String column) {
        String value = row.get(column);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("column '" + column + "' is required");
        }
        return value;
    }

    private static boolean bool(Map<String, String> row, String column) {
        String value = required(row, column);
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw new IllegalArgumentException("column '" + column + "' must be true or false, not '" + value + "'");
        }
        return Boolean.parseBoolean(value);
    }

    private static BigDecimal decimal(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + value + "' is not a number (use a dot for decimals)");
        }
    }
}
