package vn.dieuhanh.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * What officials read in the forms (labels, descriptions, texts, placeholders) is for them: no notes for developers
 * (test names, file paths, API paths, engine expressions such as {@code task.assignee}). Those belong in docs/.
 */
class FormTextsTest {

    static final Pattern INTERNAL = Pattern.compile(
            "[A-Z][A-Za-z]+Test\\b|\\.csv|\\.java|/api/|/engine-rest|\\{id}|\\$\\{|#\\{|task\\.assignee|camunda|process variable",
            Pattern.CASE_INSENSITIVE);

    @Test
    void formsShowNoInternalNotesToOfficials() throws IOException {
        List<String> found = new ArrayList<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).sorted().toList()) {
                collect(form.getFileName().toString(), new ObjectMapper().readTree(form.toFile()), found);
            }
        }
        assertThat(found).isEmpty();
    }

    @Test
    void theDirectAssigneeFieldExplainsWhatToEnter() throws IOException {
        JsonNode form = new ObjectMapper().readTree(Path.of("forms/instant-assignment.form").toFile());
        JsonNode assignee = null;
        for (JsonNode component : form.path("components")) {
            if ("assignee".equals(component.path("key").asText())) {
                assignee = component;
            }
        }
        assertThat(assignee).isNotNull();
        // what to type (a name or a login, picked from the unit's officials) and what leaving it empty means
        assertThat(assignee.path("description").asText()).contains("tên đăng nhập", "danh sách cán bộ", "Để trống");
    }

    private static void collect(String form, JsonNode container, List<String> found) {
        for (JsonNode component : container.path("components")) {
            for (String field : List.of("label", "description", "text", "placeholder", "dateLabel", "timeLabel")) {
                String text = component.path(field).asText("");
                if (INTERNAL.matcher(text).find()) {
                    found.add(form + " " + component.path("id").asText() + " " + field + ": " + text);
                }
            }
            collect(form, component, found);
        }
    }
}
