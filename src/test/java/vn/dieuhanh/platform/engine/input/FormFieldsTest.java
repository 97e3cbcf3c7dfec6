package vn.dieuhanh.platform.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The allowlist of a task or start form is the form itself: what {@link FormFields} reads from each of the
 * analysts' forms in {@code forms/} equals the fields an official can fill in and the read-only fields form-js sends
 * back, read here independently from the JSON.
 */
class FormFieldsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyFormOfTheProjectDeclaresExactlyItsFields() throws IOException {
        List<Path> forms;
        try (Stream<Path> files = Files.list(Path.of("forms"))) {
            forms = files.filter(f -> f.toString().endsWith(".form")).sorted().toList();
        }
        assertThat(forms).hasSizeGreaterThanOrEqualTo(11);
        for (Path form : forms) {
            JsonNode json = JSON.readTree(form.toFile());
            Set<String> editable = new TreeSet<>();
            Set<String> readOnly = new TreeSet<>();
            json.findParents("key").forEach(component -> {
                if (!component.has("type") || component.path("disabled").asBoolean(false)
                        || insideAPath(json, component)) {
                    return;
                }
                (component.path("readonly").asBoolean(false) ? readOnly : editable).add(component.get("key").asText());
            });
            // a dynamic list or group bound to a path submits one variable, named by the path
            json.findParents("path").forEach(component ->
                    (component.path("readonly").asBoolean(false) ? readOnly : editable)
                            .add(component.get("path").asText().split("\\.")[0]));
            FormFields fields;
            try (InputStream in = Files.newInputStream(form)) {
                fields = FormFields.parse(in);
            }
            assertThat(fields.formId()).as(form.toString()).isEqualTo(json.get("id").asText());
            assertThat(new TreeSet<>(fields.editable())).as(form + " editable").isEqualTo(editable);
            assertThat(new TreeSet<>(fields.readOnly())).as(form + " read-only").isEqualTo(readOnly);
        }
    }

    private static boolean insideAPath(JsonNode root, JsonNode field) {
        for (JsonNode list : root.findParents("path")) {
            for (JsonNode child : list.path("components")) {
                if (child == field) {
                    return true;
                }
            }
        }
        return false;
    }

    @Test
    void theHandlingFormLetsTheHolderChooseButNotNameTheAssignmentOrTheReviewer() throws IOException {
        FormFields handling;
        try (InputStream in = Files.newInputStream(Path.of("forms/handle-assignment.form"))) {
            handling = FormFields.parse(in);
        }
        assertThat(handling.editable()).contains("handlingDecision", "delegateTo", "resultSummary")
                .doesNotContain("assignmentId", "reviewer", "lastActor", "unitCode", "deadline");
        assertThat(handling.readOnly()).contains("title");
    }

    @Test
    void disabledFieldsAreNeverSubmittedAndPathGroupsSubmitOneObject() throws IOException {
        FormFields fields = FormFields.parse(stream("""
                {"id":"f","components":[
                  {"type":"textfield","key":"note"},
                  {"type":"textfield","key":"locked","disabled":true},
                  {"type":"textfield","key":"shown","readonly":true},
                  {"type":"textfield","key":"maybe","readonly":"=isClosed"},
                  {"type":"group","path":"address.home","components":[{"type":"textfield","key":"street"}]},
                  {"type":"group","components":[{"type":"number","key":"amount"}]},
                  {"type":"text","text":"Hướng dẫn"}
                ]}"""));
        assertThat(fields.editable()).containsExactlyInAnyOrder("note", "address", "amount");
        assertThat(fields.readOnly()).containsExactlyInAnyOrder("shown", "maybe");
        assertThat(fields.declares("locked")).isFalse();
        assertThat(fields.declares("street")).as("inside the address object").isFalse();
        assertThat(FormFields.none().declares("note")).isFalse();
    }

    private static InputStream stream(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
