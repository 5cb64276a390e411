package dk.borgerflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every form of {@code forms/} has a Swedish twin {@code <name>-sv.form} (id {@code form-<name>-sv}) for the
 * tasks of a Swedish municipality ({@code municipality.TaskForms}). The twin is the same contract: the engine
 * guard reads the same fields from it (keys, types, editable or read-only, option values), so a Swedish task
 * accepts exactly the variables its Danish twin accepts; only the texts a person reads differ, and all of them
 * are translated.
 */
class SwedishFormTwinsTest {

    static final Set<String> TEXTS = Set.of("text", "label", "description", "dateLabel", "placeholder");
    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyDanishFormHasASwedishTwinWithItsIdAndTheSameStructure() throws IOException {
        List<Path> danish = danishForms();
        assertThat(danish).isNotEmpty();
        for (Path form : danish) {
            Path twin = twinOf(form);
            assertThat(twin).as("Swedish twin of %s", form).exists();
            JsonNode da = json.readTree(form.toFile());
            JsonNode sv = json.readTree(twin.toFile());
            assertThat(sv.path("id").asText()).isEqualTo(da.path("id").asText() + "-sv");
            assertThat(withoutTexts(sv)).as("%s without its texts", twin).isEqualTo(withoutTexts(da));
        }
    }

    @Test
    void theEngineGuardReadsTheSameFieldsFromBothTwins() throws IOException {
        for (Path form : danishForms()) {
            TaskForm da = parse(form);
            TaskForm sv = parse(twinOf(form));
            assertThat(sv.formId()).isEqualTo(da.formId() + "-sv");
            assertThat(sv.fields()).as("fields of %s", sv.formId()).isEqualTo(da.fields());
            assertThat(sv.editableKeys()).isNotEmpty();
        }
    }

    @Test
    void everyTextAPersonReadsIsTranslated() throws IOException {
        for (Path form : danishForms()) {
            List<String> da = texts(json.readTree(form.toFile()), new ArrayList<>());
            List<String> sv = texts(json.readTree(twinOf(form).toFile()), new ArrayList<>());
            assertThat(sv).hasSameSizeAs(da);
            for (int i = 0; i < da.size(); i++) {
                assertThat(sv.get(i)).as("%s, text %d", twinOf(form), i).isNotBlank().isNotEqualTo(da.get(i));
                // Danish letters have no place in Swedish text
                assertThat(sv.get(i)).as("%s, text %d", twinOf(form), i).doesNotContainPattern("[æøÆØ]");
            }
        }
    }

    @Test
    void everyFormAModelReferencesExistsInBothLanguages() throws IOException {
        Set<String> referenced = new TreeSet<>();
        Pattern ref = Pattern.compile("camunda:formRef=\"(form-[a-z-]+)\\$\\{taskForms\\.suffix\\(task\\)}\"");
        try (Stream<Path> models = Files.list(Path.of("processes"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                Matcher m = ref.matcher(Files.readString(model));
                while (m.find()) {
                    referenced.add(m.group(1));
                }
            }
        }
        assertThat(referenced).isNotEmpty();
        Set<String> deployed = new TreeSet<>();
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
                deployed.add(json.readTree(form.toFile()).path("id").asText());
            }
        }
        for (String form : referenced) {
            assertThat(deployed).contains(form, form + "-sv");
        }
    }

    private TaskForm parse(Path form) throws IOException {
        try (InputStream in = Files.newInputStream(form)) {
            return TaskForm.ofCamundaForm(in, json);
        }
    }

    private static List<Path> danishForms() throws IOException {
        try (Stream<Path> forms = Files.list(Path.of("forms"))) {
            return forms.filter(p -> p.toString().endsWith(".form") && !p.toString().endsWith("-sv.form"))
                    .sorted().toList();
        }
    }

    private static Path twinOf(Path form) {
        return form.resolveSibling(form.getFileName().toString().replace(".form", "-sv.form"));
    }

    /** The form with its id and every text a person reads removed: what the engine and form-js act on. */
    private static JsonNode withoutTexts(JsonNode form) {
        JsonNode copy = form.deepCopy();
        ((ObjectNode) copy).remove("id");
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            TEXTS.forEach(object::remove);
            object.forEach(SwedishFormTwinsTest::strip);
        } else if (node instanceof ArrayNode array) {
            array.forEach(SwedishFormTwinsTest::strip);
        }
    }

    private static List<String> texts(JsonNode node, List<String> into) {
        if (node instanceof ObjectNode object) {
            object.fields().forEachRemaining(e -> {
                if (TEXTS.contains(e.getKey()) && e.getValue().isTextual()) {
                    into.add(e.getValue().asText());
                } else {
                    texts(e.getValue(), into);
                }
            });
        } else if (node instanceof ArrayNode array) {
            array.forEach(n -> texts(n, into));
        }
        return into;
    }
}
