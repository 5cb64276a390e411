package dk.borgerflow.security;

import java.io.ByteArrayInputStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.xml.parsers.SAXParserFactory;
import org.camunda.bpm.engine.ParseException;
import org.camunda.bpm.engine.Problem;
import org.camunda.bpm.engine.impl.persistence.entity.ResourceEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Parse;
import org.camunda.bpm.engine.impl.util.xml.Parser;
import org.camunda.bpm.engine.impl.xml.ProblemImpl;

/**
 * What a deployment may contain, checked before any of Camunda's deployers runs on a new
 * deployment, so a refused model leaves nothing behind. A deployment holds only BPMN, DMN and
 * Camunda Forms; a BPMN model no script, Java class, connector or shell/mail task type, and only
 * expressions that pass {@link ExpressionRule}; a DMN model only FEEL. A refusal is the engine's own
 * {@link ParseException} (engine-rest answers 400 with the problems per element, which Camunda
 * Modeler shows), naming the element, its line and what is not allowed.
 */
final class ModelGuard {

    static final List<String> MODEL_SUFFIXES = List.of(".bpmn", ".bpmn20.xml", ".dmn", ".dmn11.xml", ".form");
    static final String GUIDE = "docs/process-guide.md, \"What a model may not contain\"";

    static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    static final Set<String> CAMUNDA = Set.of("http://camunda.org/schema/1.0/bpmn", "http://activiti.org/bpmn");
    /** Diagram interchange: coordinates only, never evaluated. */
    static final Set<String> DIAGRAM = Set.of("http://www.omg.org/spec/BPMN/20100524/DI",
            "http://www.omg.org/spec/DD/20100524/DC", "http://www.omg.org/spec/DD/20100524/DI",
            "http://www.omg.org/spec/DMN/20180521/DC/", "http://www.omg.org/spec/DMN/20180521/DI/",
            "https://www.omg.org/spec/DMN/20191111/DMNDI/");
    /** What Camunda's DMN engine evaluates as FEEL (ExpressionEvaluationHandler#isFeelExpressionLanguage). */
    static final Set<String> FEEL = Set.of("http://www.omg.org/spec/FEEL/20140401",
            "http://www.omg.org/spec/DMN/20180521/FEEL/", "https://www.omg.org/spec/DMN/20191111/FEEL/",
            "https://www.omg.org/spec/DMN/20211108/FEEL/", "https://www.omg.org/spec/DMN/20230324/FEEL/");

    private final ExpressionRule rule;

    ModelGuard(ExpressionRule rule) {
        this.rule = rule;
    }

    /** Throws a {@link ParseException} for the first resource with problems. */
    void check(Collection<ResourceEntity> resources) {
        for (ResourceEntity resource : resources) {
            if (resource.isGenerated()) {
                continue;
            }
            List<Problem> problems = problems(resource.getName(), resource.getBytes());
            if (!problems.isEmpty()) {
                StringBuilder message = new StringBuilder("The deployment is refused: '").append(resource.getName())
                        .append("' contains what models may not contain (").append(GUIDE).append(").");
                for (Problem p : problems) {
                    message.append("\n* ").append(p.getMessage()).append(" | resource ").append(resource.getName())
                            .append(p);
                }
                throw new ParseException(message.toString(), resource.getName(), problems, List.of());
            }
        }
    }

    List<Problem> problems(String name, byte[] content) {
        String lower = name == null ? "" : name.toLowerCase(Locale.ROOT);
        List<Problem> problems = new ArrayList<>();
        if (MODEL_SUFFIXES.stream().noneMatch(lower::endsWith)) {
            problems.add(new ProblemImpl("Only BPMN, DMN and Camunda Forms may be deployed " + MODEL_SUFFIXES
                    + "; '" + name + "' is none of them (scripts, HTML, images and other files are refused)", null));
            return problems;
        }
        if (lower.endsWith(".form")) {
            return problems; // Camunda Forms are JSON rendered by form-js: no scripts, no server-side evaluation
        }
        Element root;
        try {
            root = parse(name, content);
        } catch (RuntimeException e) {
            // Camunda's deployer would refuse it too, but as a 500 ("Could not parse")
            problems.add(new ProblemImpl("'" + name + "' is not well-formed XML (a DOCTYPE is not allowed either): "
                    + e.getMessage(), null));
            return problems;
        }
        if (root == null) {
            return problems;
        }
        boolean dmn = lower.endsWith(".dmn") || lower.endsWith(".dmn11.xml");
        walk(root, new ArrayDeque<>(), dmn, problems);
        return problems;
    }

    private void walk(Element element, Deque<Element> ancestors, boolean dmn, List<Problem> problems) {
        String uri = element.getUri() == null ? "" : element.getUri();
        String tag = element.getTagName();
        if (DIAGRAM.contains(uri) || (BPMN.equals(uri) && (tag.equals("documentation") || tag.equals("textAnnotation")))
                || (dmn && tag.equals("description"))) {
            return; // coordinates and free text: never evaluated
        }
        ancestors.push(element);
        if (dmn) {
            checkDmn(element, ancestors, problems);
        } else {
            checkBpmn(element, uri, tag, ancestors, problems);
        }
        for (Element child : element.elements()) {
            walk(child, ancestors, dmn, problems);
        }
        ancestors.pop();
    }

    private void checkBpmn(Element element, String uri, String tag, Deque<Element> ancestors, List<Problem> problems) {
        boolean camundaElement = CAMUNDA.contains(uri);
        if (BPMN.equals(uri) && tag.equals("scriptTask")) {
            problems.add(problem(ancestors, "a script task is not allowed: scripts run with the engine's full rights; "
                    + "use a service task with camunda:delegateExpression and an allowed bean"));
        }
        if (camundaElement && tag.equals("script")) {
            problems.add(problem(ancestors, "camunda:script (a script in a listener, input/output mapping or "
                    + "field) is not allowed: scripts run with the engine's full rights"));
        }
        if (camundaElement && tag.equals("connector")) {
            problems.add(problem(ancestors, "camunda:connector is not allowed: connectors call arbitrary "
                    + "HTTP/SOAP endpoints from the engine"));
        }
        if (camundaElement && tag.equals("constraint") && "validator".equals(element.attribute("name"))) {
            String config = element.attribute("config");
            if (config == null || !(config.trim().startsWith("${") || config.trim().startsWith("#{"))) {
                problems.add(problem(ancestors, "a form field validator given as a Java class ('" + config
                        + "') is not allowed: Java classes are the application's, not the model's"));
            }
        }
        for (String key : element.attributes()) {
            int colon = key.lastIndexOf(':');
            String attributeUri = colon < 0 ? "" : key.substring(0, colon);
            String attribute = colon < 0 ? key : key.substring(colon + 1);
            String value = element.attribute(key);
            String where = "attribute " + (CAMUNDA.contains(attributeUri) ? "camunda:" : "") + attribute;
            if (CAMUNDA.contains(attributeUri) || (camundaElement && attributeUri.isEmpty())) {
                if (attribute.equals("class") || attribute.endsWith("Class")) {
                    problems.add(problem(ancestors, where + "='" + value + "': Java classes are not allowed in "
                            + "models; use camunda:delegateExpression=\"${bean}\" with an allowed bean " + allowed()));
                } else if (attribute.equals("resource")) {
                    problems.add(problem(ancestors, where + "='" + value + "': external script resources are not "
                            + "allowed"));
                } else if (attribute.equals("type") && CAMUNDA.contains(attributeUri) && !"external".equals(value)) {
                    problems.add(problem(ancestors, where + "='" + value + "' is not allowed: built-in task types "
                            + "(shell, mail, ...) run outside the model's control; only 'external' is allowed"));
                } else if (attribute.equals("formKey") && !isCamundaForm(value)) {
                    problems.add(problem(ancestors, where + "='" + value + "' is not allowed: only Camunda Forms "
                            + "(camunda:formRef, or a formKey 'camunda-forms:...') may be shown in Tasklist; "
                            + "embedded and external forms run their own code in the users' browsers"));
                }
            }
            if (attributeUri.isEmpty() && attribute.equals("language") && BPMN.equals(uri)) {
                problems.add(problem(ancestors, where + "='" + value + "' makes this a script, which is not "
                        + "allowed; write the condition as an expression without a language, e.g. "
                        + "${outcome == 'RESOLVED'}"));
            }
            expression(value, where, ancestors, problems);
        }
        expression(element.getText(), "text", ancestors, problems);
    }

    private void checkDmn(Element element, Deque<Element> ancestors, List<Problem> problems) {
        String language = element.attribute("expressionLanguage");
        if (language != null && !isFeel(language)) {
            problems.add(problem(ancestors, "expressionLanguage='" + language + "' is not allowed: decisions use "
                    + "FEEL only (leave the expression language empty or set it to FEEL)"));
        }
    }

    private void expression(String text, String where, Deque<Element> ancestors, List<Problem> problems) {
        String refusal = rule.refusal(text);
        if (refusal != null) {
            problems.add(problem(ancestors, where + ": " + refusal));
        }
    }

    private static boolean isCamundaForm(String formKey) {
        return formKey.startsWith("camunda-forms:") && !formKey.contains("${") && !formKey.contains("#{");
    }

    static boolean isFeel(String language) {
        return FEEL.contains(language) || language.toLowerCase(Locale.ROOT).equals("feel");
    }

    /** The problem at the element, named by the nearest element (itself or an ancestor) with an id. */
    private static Problem problem(Deque<Element> ancestors, String what) {
        Element element = ancestors.peek();
        String id = null;
        String idTag = null;
        for (Element e : ancestors) {
            if (e.attribute("id") != null && !e.attribute("id").isBlank()) {
                id = e.attribute("id");
                idTag = e.getTagName();
                break;
            }
        }
        String self = element.getTagName();
        String name = id == null ? "<" + self + ">"
                : id + " (" + idTag + (idTag.equals(self) ? "" : ", in its " + self) + ")";
        String own = element.attribute("id");
        return own != null && !own.isBlank() || id == null ? new ProblemImpl(name + ": " + what, element)
                : new ProblemImpl(name + ": " + what, element, id);
    }

    private String allowed() {
        return rule.beans().stream().sorted().toList().toString();
    }

    /** Camunda's own XML parser (secure processing, no external entities), without schema validation. */
    private static Element parse(String name, byte[] content) {
        Parse parse = new XmlParser().createParse().name(name).sourceInputStream(new ByteArrayInputStream(content));
        parse.execute();
        return parse.getRootElement();
    }

    private static final class XmlParser extends Parser {
        private static final ThreadLocal<SAXParserFactory> FACTORY = ThreadLocal.withInitial(() -> {
            SAXParserFactory factory = SAXParserFactory.newInstance();
            factory.setNamespaceAware(true);
            return factory;
        });

        @Override
        public Parse createParse() {
            return new Parse(this) {
            };
        }

        @Override
        protected SAXParserFactory getSaxParserFactoryLazily() {
            return FACTORY.get();
        }
    }
}
