package dk.borgerflow.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The fields of a task's form, as the engine guard needs them: which variables a user fills in
 * ({@link Field#editable}), which the form only shows (read-only fields, which Tasklist sends back
 * unchanged on submit), and the options of choice fields. Read from a Camunda Form (form-js JSON)
 * or from generated form fields ({@code camunda:formField}).
 */
record TaskForm(String formId, Map<String, Field> fields) {

    /** Text longer than this does not fit Camunda's string variable column (4000). */
    static final int TEXT_LIMIT = 4000;

    /** A keyed form field. {@code options} is empty when any value is allowed. */
    record Field(String key, String type, boolean editable, Set<String> options) {

        boolean freeText() {
            return "textfield".equals(type) || "textarea".equals(type) || "string".equals(type);
        }
    }

    static final TaskForm NONE = new TaskForm("(ingen formular)", Map.of());

    /** Parses a Camunda Form; a component without key (text, spacer, button) holds no variable. */
    static TaskForm ofCamundaForm(InputStream json, ObjectMapper mapper) throws IOException {
        JsonNode root = mapper.readTree(json);
        Map<String, Field> fields = new LinkedHashMap<>();
        collect(root.path("components"), fields);
        return new TaskForm(root.path("id").asText("(uden id)"), Map.copyOf(fields));
    }

    private static void collect(JsonNode components, Map<String, Field> fields) {
        for (JsonNode c : components) {
            String type = c.path("type").asText("");
            if (c.hasNonNull("key") && !"button".equals(type)) {
                String key = c.get("key").asText();
                // "readonly" may be a FEEL expression ("=..."); only a literal false makes it editable
                boolean readonly = c.path("readonly").isTextual() || c.path("readonly").asBoolean(false);
                boolean disabled = c.path("disabled").asBoolean(false);
                Set<String> options = new LinkedHashSet<>();
                if (c.path("values").isArray() && !c.hasNonNull("valuesKey") && !c.hasNonNull("valuesExpression")) {
                    c.path("values").forEach(v -> options.add(v.path("value").asText()));
                }
                if (!disabled) {
                    fields.put(key, new Field(key, type, !readonly, Set.copyOf(options)));
                }
            } else if (c.hasNonNull("path") && c.path("path").asText().length() > 0) {
                // a group with a data path keeps its fields in one object variable named by the path
                String variable = c.path("path").asText().split("\\.")[0];
                fields.put(variable, new Field(variable, "group", true, Set.of()));
                continue;
            }
            if (c.has("components")) {
                collect(c.path("components"), fields);
            }
        }
    }

    /** Generated forms ({@code camunda:formField}): every field is filled in by the user. */
    static TaskForm ofFormFields(String taskDefinitionKey, List<String> fieldIds) {
        Map<String, Field> fields = new LinkedHashMap<>();
        fieldIds.forEach(id -> fields.put(id, new Field(id, "string", true, Set.of())));
        return new TaskForm(taskDefinitionKey, Map.copyOf(fields));
    }

    /** The keys a user fills in, for messages. */
    List<String> editableKeys() {
        return fields.values().stream().filter(Field::editable).map(Field::key).sorted().toList();
    }
}
