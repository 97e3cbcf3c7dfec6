package vn.dieuhanh.platform.engine.input;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The variables a Camunda Form lets its user submit: the keys of its editable fields, and the keys of its read-only
 * fields (form-js submits those back unchanged; the guard accepts them only when they are unchanged). Disabled fields
 * are never submitted by form-js, so they are not part of either set.
 */
public record FormFields(String formId, Set<String> editable, Set<String> readOnly) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** A form-less task or start event: nothing may be submitted. */
    public static FormFields none() {
        return new FormFields(null, Set.of(), Set.of());
    }

    public static FormFields parse(InputStream form) throws IOException {
        JsonNode root = JSON.readTree(form);
        Set<String> editable = new LinkedHashSet<>();
        Set<String> readOnly = new LinkedHashSet<>();
        collect(root, editable, readOnly);
        readOnly.removeAll(editable);
        return new FormFields(root.path("id").asText(null), Set.copyOf(editable), Set.copyOf(readOnly));
    }

    private static void collect(JsonNode container, Set<String> editable, Set<String> readOnly) {
        for (JsonNode component : container.path("components")) {
            if (component.path("disabled").asBoolean(false)) {
                continue;
            }
            // a read-only flag given as an expression may be true at run time: treat it as read-only
            JsonNode flag = component.path("readonly");
            boolean fixed = flag.isMissingNode() || flag.isNull() || (flag.isBoolean() && !flag.asBoolean());
            if (component.hasNonNull("key") && !component.get("key").asText().isBlank()) {
                (fixed ? editable : readOnly).add(component.get("key").asText());
            } else if (component.hasNonNull("path") && !component.get("path").asText().isBlank()) {
                // a group bound to a path submits one object variable named by the path's first segment
                (fixed ? editable : readOnly).add(component.get("path").asText().split("\\.")[0]);
                continue;
            }
            collect(component, editable, readOnly);
        }
    }

    public boolean declares(String variable) {
        return editable.contains(variable) || readOnly.contains(variable);
    }
}
