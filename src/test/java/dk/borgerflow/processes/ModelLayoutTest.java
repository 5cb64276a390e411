package dk.borgerflow.processes;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.CallActivity;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Lane;
import org.camunda.bpm.model.bpmn.instance.Participant;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams of processes/ read in one look when opened in Camunda Modeler (or rendered in docs/images):
 * every element is drawn, every name has a place, and no name is printed on another name, on a shape or on
 * a line it does not belong to. Bounds are those of the BPMN DI; a label's text is measured as bpmn-js lays
 * it out (external labels wrap at 90 px in 11 px Arial), so a label box too small for its text cannot hide
 * an overlap.
 */
class ModelLayoutTest {

    /** bpmn-js: external labels wrap at this width, 11 px font, line height 1.2. */
    static final double LABEL_WRAP = 90;
    static final double LINE_HEIGHT = 13.2;
    /** A generous average advance of 11 px Arial/Liberation Sans (measured ~5.6 for Danish text). */
    static final double CHAR_WIDTH = 6.0;
    /** Task names: 12 px, line height 1.2. */
    static final double TASK_CHAR_WIDTH = 6.6;
    static final double TASK_LINE_HEIGHT = 14.4;

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("processes"))) {
            return files.filter(p -> p.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyFlowNodeFlowAndNamedLabelIsDrawn(Path model) {
        Diagram d = Diagram.of(model);
        List<String> missing = new ArrayList<>();
        for (FlowNode node : d.bpmn.getModelElementsByType(FlowNode.class)) {
            BpmnShape shape = d.shape(node);
            if (shape == null) {
                missing.add(node.getId() + " (no shape)");
            } else if (hasExternalLabel(node) && shape.getBpmnLabel() == null) {
                missing.add(node.getId() + " (named '" + node.getName() + "' but no label bounds)");
            }
        }
        for (SequenceFlow flow : d.bpmn.getModelElementsByType(SequenceFlow.class)) {
            BpmnEdge edge = d.edge(flow);
            if (edge == null || edge.getWaypoints().size() < 2) {
                missing.add(flow.getId() + " (no edge)");
            } else if (named(flow) && edge.getBpmnLabel() == null) {
                missing.add(flow.getId() + " (named '" + flow.getName() + "' but no label bounds)");
            }
        }
        for (Lane lane : d.bpmn.getModelElementsByType(Lane.class)) {
            if (d.shape(lane) == null) {
                missing.add(lane.getId() + " (no shape)");
            }
        }
        assertThat(missing).as("elements of %s without diagram information", model).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void noTwoLabelsOverlap(Path model) {
        List<String> overlaps = Diagram.of(model).labelOverlaps();
        assertThat(overlaps).as("labels printed on each other in %s", model).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void noLabelSitsOnAShapeOrALineItDoesNotBelongTo(Path model) {
        List<String> clashes = Diagram.of(model).labelsOnShapesOrLines();
        assertThat(clashes).as("labels printed on shapes or flows in %s", model).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void noShapeOverlapsAnotherExceptInItsContainer(Path model) {
        Diagram d = Diagram.of(model);
        List<String> overlaps = new ArrayList<>();
        List<Placed> nodes = d.nodeShapes();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                Placed a = nodes.get(i);
                Placed b = nodes.get(j);
                if (a.box.intersects(b.box) && !d.attached(a.element, b.element) && !d.contains(a.element, b.element)
                        && !d.contains(b.element, a.element)) {
                    overlaps.add(a.id + " / " + b.id);
                }
            }
        }
        assertThat(overlaps).as("shapes drawn on each other in %s", model).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyTaskNameFitsInsideItsShape(Path model) {
        Diagram d = Diagram.of(model);
        List<String> spilling = new ArrayList<>();
        for (Activity activity : d.bpmn.getModelElementsByType(Activity.class)) {
            Box box = d.box(activity);
            if (box == null || !named(activity) || activity instanceof SubProcess && d.expanded(activity)) {
                continue;
            }
            // 12 px text, 5 px padding; markers (call activity, multi-instance, collapsed) take the bottom 20 px
            boolean markers = activity instanceof CallActivity || activity instanceof SubProcess
                    || activity.getLoopCharacteristics() != null;
            double width = box.w() - 10;
            double height = box.h() - 10 - (markers ? 20 : 0);
            List<String> lines = wrap(activity.getName(), width / TASK_CHAR_WIDTH * CHAR_WIDTH);
            double longest = lines.stream().mapToDouble(l -> l.length() * TASK_CHAR_WIDTH).max().orElse(0);
            if (longest > width || lines.size() * TASK_LINE_HEIGHT > height) {
                spilling.add(activity.getId() + " '" + activity.getName() + "' in " + (int) box.w() + "x" + (int) box.h());
            }
        }
        assertThat(spilling).as("task names that do not fit their shape in %s", model).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void laneAndPoolNamesFitTheirHeader(Path model) {
        Diagram d = Diagram.of(model);
        List<String> spilling = new ArrayList<>();
        for (Placed container : d.containers()) {
            if (container.element() instanceof SubProcess || !named(container.element())) {
                continue;
            }
            // the name is written upwards in the 30 px header: at most two lines of the lane's height
            List<String> lines = wrap(container.element().getAttributeValue("name"), container.box().h() - 10);
            if (lines.size() > 2) {
                spilling.add(container.id() + " '" + container.element().getAttributeValue("name") + "'");
            }
        }
        assertThat(spilling).as("lane and pool names longer than their header in %s", model).isEmpty();
    }

    @ParameterizedTest
    @MethodSource("models")
    void everyFlowNodeSitsInsideItsLane(Path model) {
        Diagram d = Diagram.of(model);
        List<String> outside = new ArrayList<>();
        for (Lane lane : d.bpmn.getModelElementsByType(Lane.class)) {
            Box laneBox = d.box(lane);
            for (FlowNode node : lane.getFlowNodeRefs()) {
                Box box = d.box(node);
                if (box != null && !(node instanceof BoundaryEvent) && !laneBox.containsBox(box)) {
                    outside.add(node.getId() + " outside " + lane.getId());
                }
            }
        }
        assertThat(outside).as("flow nodes drawn outside their lane in %s", model).isEmpty();
    }

    /** The inquiry ladder as it was drawn before issue 14: the check must see what a reader saw. */
    @Test
    void theLayoutCheckFindsTheLabelsPrintedOnEachOtherInTheOldLadder() {
        Diagram cluttered = Diagram.of(Path.of("src/test/resources/layout/cluttered.bpmn"));
        assertThat(cluttered.labelOverlaps()).anySatisfy(o -> assertThat(o)
                .contains("BoundaryTimer_AnswerInContactCenterWarning", "BoundaryTimer_AnswerInContactCenterBreach"));
        assertThat(cluttered.labelOverlaps()).anySatisfy(o -> assertThat(o)
                .contains("Timer_SelfServiceQuietPeriod", "Flow_CcSelfService"));
        assertThat(cluttered.labelsOnShapesOrLines()).anySatisfy(o -> assertThat(o)
                .contains("EndEvent_ResolvedAtContactCenter", "Task_CallCitizenBack"));
    }

    // ------------------------------------------------------------------------------------------

    static boolean named(BaseElement e) {
        String name = e.getAttributeValue("name");
        return name != null && !name.isBlank();
    }

    /** bpmn-js draws the names of events, gateways (and data) outside the shape, in a label of their own. */
    static boolean hasExternalLabel(FlowNode node) {
        return named(node) && (node instanceof Event || node instanceof Gateway);
    }

    /**
     * The box bpmn-js prints a label's text into: wrapped at the DI label's width (at most 90 px), centred on
     * it, top-aligned; a text wider or taller than the DI label spills over it.
     */
    static Box textBox(Bounds label, String text) {
        List<String> lines = wrap(text, Math.min(LABEL_WRAP, label.getWidth()));
        double width = lines.stream().mapToDouble(l -> l.length() * CHAR_WIDTH).max().orElse(0);
        double height = lines.size() * LINE_HEIGHT;
        double w = Math.max(label.getWidth(), width);
        double h = Math.max(label.getHeight(), height);
        double cx = label.getX() + label.getWidth() / 2;
        return new Box(cx - w / 2, label.getY(), w, h);
    }

    static List<String> wrap(String text, double width) {
        List<String> lines = new ArrayList<>();
        for (String paragraph : text.split("\n")) {
            StringBuilder line = new StringBuilder();
            for (String word : paragraph.trim().split("\\s+")) {
                if (line.length() > 0 && (line.length() + 1 + word.length()) * CHAR_WIDTH > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                }
                line.append(line.length() > 0 ? " " : "").append(word);
            }
            lines.add(line.toString());
        }
        return lines;
    }

    record Box(double x, double y, double w, double h) {
        static Box of(Bounds b) {
            return new Box(b.getX(), b.getY(), b.getWidth(), b.getHeight());
        }

        boolean intersects(Box o) {
            return x < o.x + o.w && o.x < x + w && y < o.y + o.h && o.y < y + h;
        }

        boolean containsBox(Box o) {
            return o.x >= x && o.y >= y && o.x + o.w <= x + w && o.y + o.h <= y + h;
        }

        /** Whether the segment (x1,y1)-(x2,y2) passes through this box (Liang-Barsky clipping). */
        boolean crossedBy(double x1, double y1, double x2, double y2) {
            double t0 = 0;
            double t1 = 1;
            double dx = x2 - x1;
            double dy = y2 - y1;
            double[] p = {-dx, dx, -dy, dy};
            double[] q = {x1 - x, x + w - x1, y1 - y, y + h - y1};
            for (int i = 0; i < 4; i++) {
                if (p[i] == 0) {
                    if (q[i] <= 0) {
                        return false;
                    }
                } else {
                    double t = q[i] / p[i];
                    if (p[i] < 0) {
                        t0 = Math.max(t0, t);
                    } else {
                        t1 = Math.min(t1, t);
                    }
                }
            }
            return t0 < t1;
        }

        /** The outline of this box, as four segments. */
        double[][] outline() {
            return new double[][] {{x, y, x + w, y}, {x + w, y, x + w, y + h}, {x, y + h, x + w, y + h},
                    {x, y, x, y + h}};
        }
    }

    record Placed(String id, BaseElement element, Box box) {
    }

    record Label(String id, BaseElement element, Box box, String text) {
    }

    static final class Diagram {
        final Path model;
        final BpmnModelInstance bpmn;
        final List<BpmnShape> shapes;
        final List<BpmnEdge> edges;

        private Diagram(Path model) {
            this.model = model;
            this.bpmn = Bpmn.readModelFromFile(model.toFile());
            this.shapes = List.copyOf(bpmn.getModelElementsByType(BpmnShape.class));
            this.edges = List.copyOf(bpmn.getModelElementsByType(BpmnEdge.class));
        }

        static Diagram of(Path model) {
            return new Diagram(model);
        }

        BpmnShape shape(BaseElement e) {
            return shapes.stream().filter(s -> s.getBpmnElement() == e).findFirst().orElse(null);
        }

        boolean expanded(BaseElement e) {
            BpmnShape s = shape(e);
            return s != null && s.isExpanded();
        }

        BpmnEdge edge(BaseElement e) {
            return edges.stream().filter(s -> s.getBpmnElement() == e).findFirst().orElse(null);
        }

        Box box(BaseElement e) {
            BpmnShape s = shape(e);
            return s == null ? null : Box.of(s.getBounds());
        }

        /** Shapes of flow nodes (tasks, events, gateways, subprocesses); not lanes and pools. */
        List<Placed> nodeShapes() {
            return shapes.stream().filter(s -> s.getBpmnElement() instanceof FlowNode)
                    .map(s -> new Placed(s.getBpmnElement().getId(), s.getBpmnElement(), Box.of(s.getBounds())))
                    .toList();
        }

        /** Containers whose outline a label must not cross: pools, lanes, expanded subprocesses. */
        List<Placed> containers() {
            return shapes.stream().filter(s -> s.getBpmnElement() instanceof Lane
                    || s.getBpmnElement() instanceof Participant || s.getBpmnElement() instanceof SubProcess)
                    .map(s -> new Placed(s.getBpmnElement().getId(), s.getBpmnElement(), Box.of(s.getBounds())))
                    .toList();
        }

        List<Label> labels() {
            List<Label> labels = new ArrayList<>();
            for (BpmnShape s : shapes) {
                BpmnLabel l = s.getBpmnLabel();
                if (l != null && l.getBounds() != null && named(s.getBpmnElement())) {
                    String text = s.getBpmnElement().getAttributeValue("name");
                    labels.add(new Label(s.getBpmnElement().getId(), s.getBpmnElement(), textBox(l.getBounds(), text),
                            text));
                }
            }
            for (BpmnEdge e : edges) {
                BpmnLabel l = e.getBpmnLabel();
                if (l != null && l.getBounds() != null && named(e.getBpmnElement())) {
                    String text = e.getBpmnElement().getAttributeValue("name");
                    labels.add(new Label(e.getBpmnElement().getId(), e.getBpmnElement(), textBox(l.getBounds(), text),
                            text));
                }
            }
            return labels;
        }

        List<String> labelOverlaps() {
            List<Label> labels = labels();
            List<String> overlaps = new ArrayList<>();
            for (int i = 0; i < labels.size(); i++) {
                for (int j = i + 1; j < labels.size(); j++) {
                    if (labels.get(i).box.intersects(labels.get(j).box)) {
                        overlaps.add("'" + labels.get(i).text + "' (" + labels.get(i).id + ") on '"
                                + labels.get(j).text + "' (" + labels.get(j).id + ")");
                    }
                }
            }
            return overlaps;
        }

        List<String> labelsOnShapesOrLines() {
            List<String> clashes = new ArrayList<>();
            for (Label label : labels()) {
                for (Placed node : nodeShapes()) {
                    if (node.element != label.element && !(node.element instanceof SubProcess)
                            && node.box.intersects(label.box)) {
                        clashes.add("'" + label.text + "' (" + label.id + ") on shape " + node.id);
                    }
                }
                for (Placed container : containers()) {
                    if (container.element == label.element) {
                        continue;
                    }
                    for (double[] side : container.box.outline()) {
                        if (label.box.crossedBy(side[0], side[1], side[2], side[3])) {
                            clashes.add("'" + label.text + "' (" + label.id + ") on the border of " + container.id);
                            break;
                        }
                    }
                }
                for (BpmnEdge edge : edges) {
                    BaseElement flow = edge.getBpmnElement();
                    if (flow == label.element || connects(flow, label.element)) {
                        continue;
                    }
                    List<Waypoint> w = List.copyOf(edge.getWaypoints());
                    for (int i = 0; i + 1 < w.size(); i++) {
                        if (label.box.crossedBy(w.get(i).getX(), w.get(i).getY(), w.get(i + 1).getX(),
                                w.get(i + 1).getY())) {
                            clashes.add("'" + label.text + "' (" + label.id + ") on flow " + flow.getId());
                            break;
                        }
                    }
                }
            }
            return clashes;
        }

        /** A node's own label may touch the flows that enter or leave the node. */
        static boolean connects(BaseElement flow, BaseElement node) {
            return flow instanceof SequenceFlow f && (f.getSource() == node || f.getTarget() == node);
        }

        boolean attached(BaseElement a, BaseElement b) {
            return a instanceof BoundaryEvent e && e.getAttachedTo() == b
                    || b instanceof BoundaryEvent f && f.getAttachedTo() == a;
        }

        /** Whether {@code inner} is drawn inside the subprocess {@code outer} as its child. */
        boolean contains(BaseElement outer, BaseElement inner) {
            if (!(outer instanceof SubProcess sub)) {
                return false;
            }
            Collection<FlowNode> children = sub.getChildElementsByType(FlowNode.class);
            return children.contains(inner) || children.stream().anyMatch(c -> contains(c, inner));
        }
    }
}
