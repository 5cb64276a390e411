package dk.borgerflow.operations.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dk.borgerflow.operations.engine.ParsedFeelCachePlugin.CachingScalaFeelEngine;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Input;
import org.camunda.bpm.model.dmn.instance.Rule;

/**
 * The FEEL parse cache must decide exactly as Camunda's own engine, for every decision of every
 * DMN file in processes/ and any inputs: generated from each table's own literals (the values the
 * rules test for, and their neighbours) plus random ones. A FEEL or Camunda upgrade that changes how
 * either engine evaluates breaks this equivalence here, not in production.
 */
class ParsedFeelEquivalenceTest {

    record Model(String file, List<String> decisions, Map<String, Arbitrary<Object>> inputs) {
    }

    record Case(String file, String decision, Map<String, Object> variables) {
        @Override
        public String toString() {
            return file + "#" + decision + " " + variables;
        }
    }

    private static final Pattern STRING = Pattern.compile("\"([^\"]*)\"");
    private static final Pattern NUMBER = Pattern.compile("(?<![\\w.])-?\\d+(?![\\w.])");
    static final List<Model> MODELS = models();
    static final Map<String, DmnDecision[]> CACHED = new LinkedHashMap<>();
    static final Map<String, DmnDecision[]> CAMUNDAS = new LinkedHashMap<>();
    static final DmnEngine WITH_CACHE;
    static final DmnEngine CAMUNDA;

    static {
        DefaultDmnEngineConfiguration cached = (DefaultDmnEngineConfiguration) DmnEngineConfiguration
                .createDefaultDmnEngineConfiguration();
        cached.setFeelEngineFactory(() -> new CachingScalaFeelEngine(List.of()));
        WITH_CACHE = cached.buildEngine();
        CAMUNDA = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();
    }

    @Property(tries = 1000)
    void everyDecisionDecidesTheSameWithTheCacheAsWithCamundasEngine(@ForAll("cases") Case c) {
        Object cached = evaluate(WITH_CACHE, c);
        Object camundas = evaluate(CAMUNDA, c);

        assertThat(cached).as(c.toString()).isEqualTo(camundas);
    }

    @Property(tries = 1)
    void theGeneratorCoversEveryDecisionOfEveryModel(@ForAll("cases") Case ignored) {
        assertThat(MODELS).extracting(Model::file).contains("routing.dmn", "service-levels.dmn");
        assertThat(MODELS).flatExtracting(Model::decisions).contains("routing", "routing-entry-tier",
                "routing-answer-group", "service-levels");
    }

    @Provide
    Arbitrary<Case> cases() {
        List<Arbitrary<Case>> perDecision = new ArrayList<>();
        for (Model model : MODELS) {
            for (String decision : model.decisions()) {
                List<String> names = new ArrayList<>(model.inputs().keySet());
                @SuppressWarnings("unchecked")
                Arbitrary<Object>[] values = names.stream().map(n -> model.inputs().get(n)).toArray(Arbitrary[]::new);
                Arbitrary<Map<String, Object>> variables = Combinators.combine(List.of(values)).as(list -> {
                    Map<String, Object> v = new LinkedHashMap<>();
                    for (int i = 0; i < names.size(); i++) {
                        v.put(names.get(i), list.get(i));
                    }
                    return v;
                });
                perDecision.add(variables.map(v -> new Case(model.file(), decision, v)));
            }
        }
        return Arbitraries.oneOf(perDecision);
    }

    /** The decision's result, or the failure's message: both engines must also fail alike. */
    private static Object evaluate(DmnEngine engine, Case c) {
        try (InputStream in = new FileInputStream(new File("processes", c.file()))) {
            DmnDecision decision = engine.parseDecision(c.decision(), in);
            return engine.evaluateDecision(decision, c.variables()).getResultList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            return "failed: " + e.getMessage();
        }
    }

    private static List<Model> models() {
        List<Model> models = new ArrayList<>();
        File[] files = new File("processes").listFiles((dir, name) -> name.endsWith(".dmn"));
        assertThat(files).isNotEmpty();
        for (File file : files) {
            DmnModelInstance model = Dmn.readModelFromFile(file);
            List<String> decisions = new ArrayList<>();
            Map<String, Set<String>> strings = new LinkedHashMap<>();
            Map<String, Set<Integer>> numbers = new LinkedHashMap<>();
            Map<String, String> types = new LinkedHashMap<>();
            for (Decision decision : model.getModelElementsByType(Decision.class)) {
                decisions.add(decision.getId());
                if (!(decision.getExpression() instanceof DecisionTable table)) {
                    continue;
                }
                List<Input> inputs = new ArrayList<>(table.getInputs());
                for (Input input : inputs) {
                    String name = input.getInputExpression().getText().getTextContent().strip();
                    types.putIfAbsent(name, input.getInputExpression().getTypeRef());
                    strings.computeIfAbsent(name, n -> new LinkedHashSet<>());
                    numbers.computeIfAbsent(name, n -> new LinkedHashSet<>());
                }
                for (Rule rule : table.getRules()) {
                    var entries = new ArrayList<>(rule.getInputEntries());
                    for (int i = 0; i < entries.size() && i < inputs.size(); i++) {
                        String name = inputs.get(i).getInputExpression().getText().getTextContent().strip();
                        String text = entries.get(i).getTextContent();
                        Matcher s = STRING.matcher(text);
                        while (s.find()) {
                            strings.get(name).add(s.group(1));
                        }
                        Matcher n = NUMBER.matcher(text);
                        while (n.find()) {
                            int value = Integer.parseInt(n.group());
                            numbers.get(name).addAll(List.of(value - 1, value, value + 1));
                        }
                    }
                }
            }
            Map<String, Arbitrary<Object>> arbitraries = new LinkedHashMap<>();
            types.forEach((name, type) -> arbitraries.put(name, arbitrary(type, strings.get(name), numbers.get(name))));
            models.add(new Model(file.getName(), decisions, arbitraries));
        }
        return models;
    }

    private static Arbitrary<Object> arbitrary(String typeRef, Set<String> strings, Set<Integer> numbers) {
        Arbitrary<Object> nothing = Arbitraries.just(null);
        return switch (typeRef == null ? "string" : typeRef) {
            case "boolean" -> Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(5, Arbitraries.of(true, false).map(b -> (Object) b)),
                    net.jqwik.api.Tuple.of(1, nothing));
            case "integer", "long", "double" -> Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(5, numbers.isEmpty() ? Arbitraries.integers().between(-5, 130).map(i -> (Object) i)
                            : Arbitraries.of(numbers).map(i -> (Object) i)),
                    net.jqwik.api.Tuple.of(3, Arbitraries.integers().between(-5, 130).map(i -> (Object) i)),
                    net.jqwik.api.Tuple.of(1, nothing));
            default -> Arbitraries.frequencyOf(
                    net.jqwik.api.Tuple.of(6, strings.isEmpty() ? Arbitraries.strings().alpha().ofMaxLength(8).map(x -> (Object) x)
                            : Arbitraries.of(strings).map(x -> (Object) x)),
                    net.jqwik.api.Tuple.of(2, Arbitraries.strings().ofMaxLength(12).map(x -> (Object) x)),
                    net.jqwik.api.Tuple.of(1, Arbitraries.just((Object) "")),
                    net.jqwik.api.Tuple.of(1, nothing));
        };
    }
}
