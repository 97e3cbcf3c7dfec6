package vn.dieuhanh.indicator.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.indicator.Indicator;
import vn.dieuhanh.indicator.internal.reporting.IndicatorReportForm;

/**
 * {@code forms/indicator-report.form} is the rendering of the catalogue in force (the highest version shipped). After
 * releasing a catalogue version, rewrite it with
 * {@code mvn test -Dtest=IndicatorReportFormTest -Dindicator.form.write=true} and commit both.
 */
class IndicatorReportFormTest {

    static final Path FORM = Path.of("forms/indicator-report.form");
    final ObjectMapper json = new ObjectMapper();

    @Test
    void theReportFormIsTheRenderingOfTheCatalogueInForce() throws IOException {
        List<CatalogueFiles.CatalogueFile> files = CatalogueFiles.load("classpath:indicator/").catalogues();
        List<Indicator> inForce = files.get(files.size() - 1).entries().stream()
                .sorted(JdbcIndicatorCatalogue.CATALOGUE_ORDER).map(CatalogueEntry::indicator).toList();
        String rendered = IndicatorReportForm.render(inForce);
        if (Boolean.getBoolean("indicator.form.write")) {
            Files.writeString(FORM, rendered, StandardCharsets.UTF_8);
        }
        assertThat(json.readTree(Files.readString(FORM, StandardCharsets.UTF_8)))
                .as("forms/indicator-report.form differs from the catalogue in force: rewrite it with "
                        + "mvn test -Dtest=IndicatorReportFormTest -Dindicator.form.write=true")
                .isEqualTo(json.readTree(rendered));
    }

    @Test
    void everyIndicatorHasItsOwnBoundsAndIsShownOnlyToUnitsThatReportIt() throws IOException {
        JsonNode form = json.readTree(Files.readString(FORM, StandardCharsets.UTF_8));
        List<JsonNode> fields = new ArrayList<>();
        form.get("components").forEach(c -> {
            if (c.has("components")) {
                c.get("components").forEach(fields::add);
            }
        });
        JsonNode percentage = field(fields, "ind_XH_05");
        assertThat(percentage.get("validate").get("min").asInt()).isZero();
        assertThat(percentage.get("validate").get("max").asInt()).isEqualTo(100);
        assertThat(percentage.get("validate").get("required").asBoolean()).isTrue();
        assertThat(percentage.get("conditional").get("hide").asText())
                .isEqualTo("=not(list contains(indicatorCodes, \"XH-05\"))");
        assertThat(field(fields, "ind_KT_02").get("decimalDigits").asInt()).as("a count").isZero();
        assertThat(field(fields, "ind_KT_01").get("decimalDigits").asInt()).isEqualTo(4);
        assertThat(field(fields, "note_KT_01").get("type").asText()).isEqualTo("textfield");
        assertThat(fields.stream().filter(f -> f.get("key").asText().startsWith("ind_"))).hasSize(36);
    }

    private static JsonNode field(List<JsonNode> fields, String key) {
        return fields.stream().filter(f -> key.equals(f.get("key").asText())).findFirst().orElseThrow();
    }
}
