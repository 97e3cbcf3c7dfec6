package vn.dieuhanh.organisation.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.dieuhanh.organisation.Unit;

/**
 * Start forms cannot load options at run time in Camunda 7 Tasklist (there are no process variables yet), so the unit
 * picker of the instant-assignment start form lists the directory's units in the form itself. This test keeps the two
 * in step: regenerate the options when the reference files change.
 */
class FormsMatchDirectoryTest {

    @Test
    void instantAssignmentUnitPickerListsEveryUnitOfTheDirectory() throws IOException {
        JsonNode form = new ObjectMapper().readTree(Path.of("forms/instant-assignment.form").toFile());
        JsonNode picker = null;
        for (JsonNode component : form.get("components")) {
            if ("unitCode".equals(component.path("key").asText())) {
                picker = component;
            }
        }
        assertThat(picker).as("unitCode picker").isNotNull();
        assertThat(picker.get("type").asText()).isEqualTo("select");
        List<String> options = new ArrayList<>();
        picker.get("values").forEach(option -> options.add(option.get("value").asText() + "|"
                + option.get("label").asText()));
        List<String> directory = ReferenceData.load().units().stream().map(this::option).toList();
        assertThat(options).containsExactlyElementsOf(directory);
    }

    private String option(Unit unit) {
        return unit.code() + "|" + unit.name();
    }
}
