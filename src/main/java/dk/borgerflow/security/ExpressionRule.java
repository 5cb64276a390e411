package dk.borgerflow.security;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.camunda.bpm.impl.juel.AstBinary;
import org.camunda.bpm.impl.juel.AstBoolean;
import org.camunda.bpm.impl.juel.AstBracket;
import org.camunda.bpm.impl.juel.AstChoice;
import org.camunda.bpm.impl.juel.AstComposite;
import org.camunda.bpm.impl.juel.AstDot;
import org.camunda.bpm.impl.juel.AstEval;
import org.camunda.bpm.impl.juel.AstFunction;
import org.camunda.bpm.impl.juel.AstIdentifier;
import org.camunda.bpm.impl.juel.AstMethod;
import org.camunda.bpm.impl.juel.AstNested;
import org.camunda.bpm.impl.juel.AstNode;
import org.camunda.bpm.impl.juel.AstNull;
import org.camunda.bpm.impl.juel.AstNumber;
import org.camunda.bpm.impl.juel.AstParameters;
import org.camunda.bpm.impl.juel.AstString;
import org.camunda.bpm.impl.juel.AstText;
import org.camunda.bpm.impl.juel.AstUnary;
import org.camunda.bpm.impl.juel.Builder;
import org.camunda.bpm.impl.juel.Node;
import org.camunda.bpm.impl.juel.TreeBuilderException;

/**
 * What a JUEL expression in a model (or a stored Tasklist filter) may contain, checked on the tree
 * of Camunda's own JUEL parser with the engine's features (method invocations, varargs):
 * <ul>
 * <li>literals, operators ({@code ==}, {@code &&}, {@code ? :}, {@code empty}, ...) and names of
 * process variables;</li>
 * <li>the beans of {@code borgerflow.models.expression-beans}, bare ({@code ${recordRouting}}) or with
 * one method call ({@code ${consultationBranches.answering(consultationId)}}); the context objects
 * ({@code execution}, {@code task}, ...) only as a whole argument of such a call, except for a few
 * plain values of the execution or task ({@code #{execution.processBusinessKey}}) and reading the
 * process's own variables by a literal name ({@code ${execution.hasVariable('note')}});</li>
 * <li>Camunda's functions {@code now()}, {@code dateTime()}, {@code currentUser()},
 * {@code currentUserGroups()}, and date arithmetic on the first two
 * ({@code ${dateTime().plusDays(2).toDate()}}).</li>
 * </ul>
 * Everything else is refused: property or method chains on variables or context objects
 * ({@code ${summary.class.classLoader}}, {@code ${execution.processEngineServices...}}), bracket
 * access, other functions, and names of application beans that are not on the list.
 */
final class ExpressionRule {

    /** What Camunda's expression resolvers put into an expression besides variables and beans. */
    static final Set<String> CONTEXT_OBJECTS = Set.of("execution", "task", "externalTask", "caseExecution",
            "variableContext");
    /**
     * Plain values of the execution or task that models commonly read, e.g. the business key a call
     * activity passes on ({@code camunda:in businessKey="#{execution.processBusinessKey}"}).
     */
    static final Set<String> CONTEXT_PROPERTIES = Set.of("id", "processInstanceId", "processBusinessKey",
            "businessKey", "activityId", "currentActivityId", "currentActivityName", "processDefinitionId",
            "tenantId", "eventName", "name", "assignee", "owner", "taskDefinitionKey", "executionId", "priority",
            "dueDate", "followUpDate");
    /** Reading the process's own variables by a literal name (an optional variable: hasVariable('x')). */
    static final Set<String> CONTEXT_METHODS = Set.of("getVariable", "getVariableLocal", "hasVariable",
            "hasVariableLocal");
    private static final Set<String> EXECUTION_OR_TASK = Set.of("execution", "task");
    /** The functions Camunda registers (ProcessEngineConfigurationImpl#initExpressionManager). */
    static final Set<String> FUNCTIONS = Set.of("now", "dateTime", "currentUser", "currentUserGroups");
    private static final Set<String> DATE_FUNCTIONS = Set.of("now", "dateTime");
    /** Methods of Joda's DateTime/DateTimeZone and java.util.Date that compute dates and nothing else. */
    private static final Pattern DATE_METHOD = Pattern.compile(
            "(plus|minus|with)[A-Z][A-Za-z]*|to(Date|LocalDate|LocalDateTime|LocalTime|DateTime)|getZone|forID"
                    + "|is(Before|After|Equal)(Now)?|before|after|compareTo|getMillis|getTime");
    /** Never callable, not even on an allowed bean. */
    private static final Set<String> OBJECT_METHODS = Set.of("getClass", "wait", "notify", "notifyAll", "hashCode",
            "equals", "toString", "clone", "finalize");

    private final Set<String> beans;
    private final Predicate<String> isApplicationBean;

    /**
     * @param beans             the beans expressions may use
     * @param isApplicationBean whether a name is some other bean of the application (refused, so that a
     *                          name that would reach it anywhere else fails at deployment, not at runtime)
     */
    ExpressionRule(Set<String> beans, Predicate<String> isApplicationBean) {
        this.beans = Set.copyOf(beans);
        this.isApplicationBean = isApplicationBean;
    }

    Set<String> beans() {
        return beans;
    }

    /** {@code null} when the text may be evaluated, else why not (one sentence, English). */
    String refusal(String text) {
        if (text == null || (!text.contains("${") && !text.contains("#{"))) {
            return null;
        }
        AstNode root;
        try {
            root = (AstNode) new Builder(Builder.Feature.METHOD_INVOCATIONS, Builder.Feature.VARARGS).build(text)
                    .getRoot();
        } catch (TreeBuilderException e) {
            return "'" + text + "' is not a valid expression: " + e.getMessage();
        }
        return check(root, false);
    }

    private String check(Node node, boolean wholeBeanArgument) {
        if (node instanceof AstIdentifier id) {
            return identifier(id.getName(), wholeBeanArgument);
        }
        if (node instanceof AstMethod method) {
            return method(method);
        }
        if (node instanceof AstDot dot) {
            if (isExecutionOrTask(dot.getChild(0)) && CONTEXT_PROPERTIES.contains(name(dot))) {
                return null;
            }
            String root = rootRefusal(dot);
            return root != null ? root : "'" + text(dot) + "' reads a property: expressions may use variables by their "
                    + "name, not their properties (and beans only through a method call)";
        }
        if (node instanceof AstBracket bracket) {
            return "'" + text(bracket) + "' uses bracket access, which expressions may not use";
        }
        if (node instanceof AstFunction function) {
            if (!FUNCTIONS.contains(function.getName())) {
                return "'" + function.getName() + "()' is not one of the functions expressions may use " + FUNCTIONS;
            }
            return children(function);
        }
        if (node instanceof AstEval || node instanceof AstComposite || node instanceof AstNested
                || node instanceof AstBinary || node instanceof AstUnary || node instanceof AstChoice
                || node instanceof AstParameters) {
            return children(node);
        }
        if (node instanceof AstText || node instanceof AstString || node instanceof AstNumber
                || node instanceof AstBoolean || node instanceof AstNull) {
            return null;
        }
        return "'" + text(node) + "' is not allowed in an expression"; // a construct this rule does not know
    }

    private String identifier(String name, boolean wholeBeanArgument) {
        if (CONTEXT_OBJECTS.contains(name)) {
            return wholeBeanArgument ? null : "'" + name + "' may only be passed as a whole to a method of an "
                    + "allowed bean, e.g. ${consultationBranches.answering(" + name + ")}, or read for "
                    + CONTEXT_METHODS + "('name') and " + CONTEXT_PROPERTIES.stream().sorted().toList()
                    + "; read process variables by their name";
        }
        if (!beans.contains(name) && isApplicationBean.test(name)) {
            return "'" + name + "' is an application bean that models may not use; allowed beans: " + sorted();
        }
        return null;
    }

    private String method(AstMethod method) {
        if (!(method.getChild(0) instanceof AstDot dot)) {
            return "'" + text(method) + "' uses bracket access, which expressions may not use";
        }
        Node target = dot.getChild(0);
        String name = name(dot);
        Node parameters = method.getChild(1);
        if (target instanceof AstIdentifier id && beans.contains(id.getName())) {
            if (OBJECT_METHODS.contains(name)) {
                return "'" + text(method) + "' calls " + name + "(), which expressions may not call";
            }
            for (int i = 0; i < parameters.getCardinality(); i++) {
                String refusal = check(parameters.getChild(i), true);
                if (refusal != null) {
                    return refusal;
                }
            }
            return null;
        }
        if (isExecutionOrTask(target) && CONTEXT_METHODS.contains(name) && parameters.getCardinality() == 1
                && parameters.getChild(0) instanceof AstString) {
            return null;
        }
        if (isDate(target) && DATE_METHOD.matcher(name).matches()) {
            return check(method.getChild(1), false);
        }
        String root = rootRefusal(method);
        if (root != null) {
            return root;
        }
        return "'" + text(method) + "' calls a method on something that is not an allowed bean: methods may only be "
                + "called on the beans " + sorted();
    }

    /** Why the start of a chain ({@code execution} in {@code execution.a.b()}) is refused, if it is. */
    private String rootRefusal(Node chain) {
        Node root = chain;
        while (root instanceof AstDot || root instanceof AstBracket || root instanceof AstMethod) {
            root = root.getChild(0);
        }
        return root instanceof AstIdentifier id ? identifier(id.getName(), false) : null;
    }

    private static boolean isExecutionOrTask(Node node) {
        return node instanceof AstIdentifier id && EXECUTION_OR_TASK.contains(id.getName());
    }

    /** now(), dateTime() or date arithmetic on them. */
    private boolean isDate(Node node) {
        if (node instanceof AstFunction f) {
            return DATE_FUNCTIONS.contains(f.getName());
        }
        if (node instanceof AstMethod m && m.getChild(0) instanceof AstDot dot) {
            return DATE_METHOD.matcher(name(dot)).matches() && isDate(dot.getChild(0));
        }
        return node instanceof AstNested nested && isDate(nested.getChild(0));
    }

    private String children(Node node) {
        for (int i = 0; i < node.getCardinality(); i++) {
            String refusal = check(node.getChild(i), false);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /** AstDot keeps its property name to itself; its toString is ". name". */
    private static String name(AstDot dot) {
        return dot.toString().substring(2);
    }

    private static String text(Node node) {
        StringBuilder b = new StringBuilder();
        ((AstNode) node).appendStructure(b, null);
        return b.toString();
    }

    private List<String> sorted() {
        return beans.stream().sorted().toList();
    }
}
