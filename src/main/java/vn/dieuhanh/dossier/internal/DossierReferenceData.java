package vn.dieuhanh.dossier.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import vn.dieuhanh.platform.CsvFile;

/**
 * The reception points and the procedure catalogue, read once from the highest version of
 * {@code classpath:dossier/reception-points-<version>.csv} and {@code dossier/procedures-<version>.csv} (released
 * files are never edited: copy to the next version). Lines starting with {@code #} before the header are the file's
 * notes and sources.
 */
@Component
public class DossierReferenceData {

    private static final Pattern VERSION = Pattern.compile("-(\\d+)\\.(\\d+)\\.csv$");

    private final Map<String, ReceptionPoint> points;
    private final Map<String, Procedure> procedures;
    private final String pointsSource;
    private final String proceduresSource;

    public DossierReferenceData() {
        Resource pointsFile = latest("reception-points");
        Resource proceduresFile = latest("procedures");
        this.pointsSource = pointsFile.getFilename();
        this.proceduresSource = proceduresFile.getFilename();
        this.points = read(pointsFile).stream().map(DossierReferenceData::point)
                .collect(Collectors.toMap(ReceptionPoint::code, p -> p, (a, b) -> {
                    throw new IllegalStateException("Duplicate reception point " + a.code());
                }, LinkedHashMap::new));
        this.procedures = read(proceduresFile).stream().map(DossierReferenceData::procedure)
                .collect(Collectors.toMap(Procedure::code, p -> p, (a, b) -> {
                    throw new IllegalStateException("Duplicate procedure " + a.code());
                }, LinkedHashMap::new));
    }

    public List<ReceptionPoint> points() {
        return List.copyOf(points.values());
    }

    public Optional<ReceptionPoint> point(String code) {
        return Optional.ofNullable(code == null ? null : points.get(code));
    }

    public List<Procedure> procedures() {
        return List.copyOf(procedures.values());
    }

    public Optional<Procedure> procedure(String code) {
        return Optional.ofNullable(code == null ? null : procedures.get(code));
    }

    String sources() {
        return pointsSource + ", " + proceduresSource;
    }

    private static ReceptionPoint point(Map<String, String> row) {
        return new ReceptionPoint(row.get("code"), row.get("name"), row.get("kind"), blankToNull(row.get("parent")),
                row.get("host_unit"), blankToNull(row.get("address")), row.get("confirmed"),
                blankToNull(row.get("note")));
    }

    private static Procedure procedure(Map<String, String> row) {
        int value = Integer.parseInt(row.get("time_value"));
        String unit = row.get("time_unit");
        Duration time = switch (unit) {
            case "WORKING_HOUR" -> Duration.ofHours(value);
            case "WORKING_DAY" -> Duration.ofHours(8L * value);
            default -> throw new IllegalStateException("Procedure " + row.get("code") + ": time_unit " + unit);
        };
        String timeText = value + ("WORKING_HOUR".equals(unit) ? " giờ làm việc" : " ngày làm việc");
        String competence = row.get("competence");
        if (!Procedure.LOCAL.equals(competence) && !competence.startsWith("unit:")) {
            throw new IllegalStateException("Procedure " + row.get("code") + ": competence " + competence);
        }
        String fee = row.get("fee_vnd");
        return new Procedure(row.get("code"), blankToNull(row.get("national_code")), row.get("name"),
                row.get("field"), competence, time, timeText, fee.isBlank() ? null : Long.valueOf(fee),
                blankToNull(row.get("fee_note")), Boolean.parseBoolean(row.get("anywhere")),
                Boolean.parseBoolean(row.get("certification")),
                Arrays.stream(row.get("papers").split(";")).map(String::trim).filter(s -> !s.isEmpty()).toList(),
                blankToNull(row.get("unconfirmed")));
    }

    private static List<Map<String, String>> read(Resource resource) {
        try (InputStream in = resource.getInputStream()) {
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            String body = text.lines().dropWhile(line -> line.startsWith("#")).collect(Collectors.joining("\n"));
            return CsvFile.parse(resource.getFilename(), body);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read " + resource, e);
        }
    }

    private static Resource latest(String prefix) {
        try {
            Resource[] found = new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:dossier/" + prefix + "-*.csv");
            return Arrays.stream(found).filter(r -> r.getFilename() != null
                            && VERSION.matcher(r.getFilename()).find())
                    .max(Comparator.comparing((Resource r) -> version(r.getFilename(), 1))
                            .thenComparing(r -> version(r.getFilename(), 2)))
                    .orElseThrow(() -> new IllegalStateException("No dossier/" + prefix + "-<version>.csv"));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static int version(String name, int group) {
        Matcher matcher = VERSION.matcher(name);
        matcher.find();
        return Integer.parseInt(matcher.group(group));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
