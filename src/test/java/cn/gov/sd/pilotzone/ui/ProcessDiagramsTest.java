package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.font.TextLayout;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Stream;

import javax.imageio.ImageIO;

import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.Task;
import org.flowable.image.impl.DefaultProcessDiagramGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams of every process in {@code bpmn/}: complete diagram interchange, a layout where nothing hides
 * anything, and the drawn PNG (written under {@code target/diagrams/} to be looked at).
 */
class ProcessDiagramsTest {

    static Stream<Path> processes() throws IOException {
        return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn20.xml")).sorted();
    }

    static BpmnModel model(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return ProcessDiagrams.parse(in);
        }
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyEventAndGatewayHasANameAndEveryElementItsPlaceInTheDiagram(Path file) throws IOException {
        BpmnModel model = model(file);
        for (FlowElement e : model.getMainProcess().findFlowElementsOfType(FlowElement.class)) {
            if (e instanceof Event || e instanceof Gateway) {
                assertThat(e.getName()).as("name of %s", e.getId()).isNotBlank();
                assertThat(model.getLabelGraphicInfo(e.getId())).as("label position of %s", e.getId()).isNotNull();
            }
            if (e instanceof FlowNode) {
                assertThat(model.getGraphicInfo(e.getId())).as("shape of %s", e.getId()).isNotNull();
            }
            if (e instanceof SequenceFlow) {
                assertThat(model.getFlowLocationGraphicInfo(e.getId())).as("edge of %s", e.getId()).isNotEmpty();
                if (e.getName() != null && !e.getName().isBlank()) {
                    assertThat(model.getLabelGraphicInfo(e.getId())).as("label position of %s", e.getId())
                            .isNotNull();
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("processes")
    void noLabelSitsOnAShapeOrAnotherLabelAndNoFlowRunsThroughAShape(Path file) throws IOException {
        BpmnModel model = model(file);
        Map<String, Rectangle2D> shapes = new java.util.LinkedHashMap<>();
        Map<String, Rectangle2D> labels = new java.util.LinkedHashMap<>();
        for (FlowElement e : model.getMainProcess().findFlowElementsOfType(FlowElement.class)) {
            GraphicInfo shape = model.getGraphicInfo(e.getId());
            if (e instanceof FlowNode && shape != null) {
                shapes.put(e.getId(), rect(shape));
            }
            GraphicInfo label = model.getLabelGraphicInfo(e.getId());
            if (label != null) {
                labels.put(e.getId(), rect(label));
            }
        }
        List<String> problems = new ArrayList<>();
        labels.forEach((id, label) -> {
            shapes.forEach((shapeId, shape) -> {
                if (!inside(model, id, shapeId) && label.intersects(shape)) {
                    problems.add("label of " + id + " on shape " + shapeId);
                }
            });
            labels.forEach((otherId, other) -> {
                if (id.compareTo(otherId) < 0 && label.intersects(other)) {
                    problems.add("label of " + id + " on label of " + otherId);
                }
            });
        });
        for (SequenceFlow flow : model.getMainProcess().findFlowElementsOfType(SequenceFlow.class)) {
            List<GraphicInfo> points = model.getFlowLocationGraphicInfo(flow.getId());
            Set<String> ends = Set.of(flow.getSourceRef(), flow.getTargetRef());
            for (int i = 1; i < points.size(); i++) {
                Line2D segment = new Line2D.Double(points.get(i - 1).getX(), points.get(i - 1).getY(),
                        points.get(i).getX(), points.get(i).getY());
                for (Map.Entry<String, Rectangle2D> shape : shapes.entrySet()) {
                    if (!ends.contains(shape.getKey()) && !attachedTo(model, shape.getKey(), ends)
                            && !inside(model, flow.getId(), shape.getKey())
                            && segment.intersects(shape.getValue())) {
                        problems.add("flow " + flow.getId() + " through " + shape.getKey());
                    }
                }
                labels.forEach((id, label) -> {
                    if (!id.equals(flow.getId()) && segment.intersects(label)) {
                        problems.add("flow " + flow.getId() + " through label of " + id);
                    }
                });
            }
        }
        assertThat(problems).isEmpty();
    }

    /** Whether an element lies within an (expanded) subprocess: its label and flows are drawn in that box. */
    private static boolean inside(BpmnModel model, String elementId, String containerId) {
        for (SubProcess p = model.getFlowElement(elementId).getSubProcess(); p != null; p = p.getSubProcess()) {
            if (p.getId().equals(containerId)) {
                return true;
            }
        }
        return false;
    }

    /** A boundary event sits on its activity's edge: flows of the activity may touch it, and it the activity. */
    private static boolean attachedTo(BpmnModel model, String shapeId, Set<String> ends) {
        FlowElement e = model.getFlowElement(shapeId);
        if (e instanceof BoundaryEvent b && ends.contains(b.getAttachedToRefId())) {
            return true;
        }
        return ends.stream().map(model::getFlowElement)
                .anyMatch(end -> end instanceof BoundaryEvent b && b.getAttachedToRefId().equals(shapeId));
    }

    @ParameterizedTest
    @MethodSource("processes")
    void drawsTheProcessWithItsPathCurrentPositionAndDueStateMarked(Path file) throws IOException {
        BpmnModel model = model(file);
        List<FlowNode> nodes = model.getMainProcess().findFlowElementsOfType(FlowNode.class);
        FlowNode first = nodes.stream().filter(n -> n instanceof org.flowable.bpmn.model.UserTask).findFirst()
                .orElseThrow();
        ProcessDiagrams diagrams = new ProcessDiagrams("", new DefaultProcessDiagramGenerator());

        byte[] plain = diagrams.png(model(file), ProcessDiagrams.Marks.none(), e -> null);
        byte[] marked = diagrams.png(model, new ProcessDiagrams.Marks(Set.of(first.getId()),
                Set.of(nodes.get(0).getId()), Set.copyOf(first.getIncomingFlows().stream()
                .map(SequenceFlow::getId).toList()), Map.of(first.getId(), new ProcessDiagrams.Due(true, "超期 3 天"))),
                e -> null);

        Path out = Path.of("target/diagrams");
        Files.createDirectories(out);
        String name = file.getFileName().toString().replace(".bpmn20.xml", "");
        Files.write(out.resolve(name + ".png"), plain);
        Files.write(out.resolve(name + "-marked.png"), marked);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(marked));
        assertThat(image.getWidth()).isGreaterThan(300);
        assertThat(marked).isNotEqualTo(plain);
    }

    static Stream<Arguments> processesInBothLanguages() throws IOException {
        return processes().flatMap(p -> Stream.of(Arguments.of(p, "zh"), Arguments.of(p, "en")));
    }

    /**
     * Every name with a label box of its own (events', gateways' and flows') fits that box as it is drawn, in either
     * language: events' and gateways' names wrapped to the box's width by ProcessDiagrams, flows' names by Flowable's
     * generator at its fixed wrap width, centred on the box; all its lines must lie within the box's width and
     * height (a pixel of slack for rounding), no English word may be broken across lines, and the box must lie
     * within the drawing (the generator crops there). Tasks' names must fit their task as the generator wraps them
     * (it cuts what does not fit with "...").
     */
    @ParameterizedTest
    @MethodSource("processesInBothLanguages")
    void everyLabelFitsItsBoxAtTheGeneratorsFont(Path file, String language) throws IOException {
        BpmnModel model = model(file);
        Properties names = bundle(language);
        String prefix = "bpmn." + model.getMainProcess().getId() + ".";
        ProcessDiagrams diagrams = new ProcessDiagrams("", new DefaultProcessDiagramGenerator());
        int[] origin = ProcessDiagrams.origin(model);
        double[] extent = extent(model);
        List<String> problems = new ArrayList<>();
        for (FlowElement e : model.getMainProcess().findFlowElementsOfType(FlowElement.class)) {
            GraphicInfo box = model.getLabelGraphicInfo(e.getId());
            String text = ProcessDiagrams.clean(names.getProperty(prefix + e.getId(), e.getName()));
            boolean flow = e instanceof SequenceFlow;
            if (box == null || text == null || text.isBlank() || !(flow || e instanceof Event || e instanceof Gateway)) {
                continue;
            }
            List<TextLayout> lines = flow
                    ? ProcessDiagrams.lines(text, diagrams.flowLabelFont(), ProcessDiagrams.FLOW_LABEL_CONTEXT,
                            ProcessDiagrams.FLOW_LABEL_WRAP)
                    : ProcessDiagrams.lines(text, diagrams.eventLabelFont(), ProcessDiagrams.FLOW_LABEL_CONTEXT,
                            ProcessDiagrams.eventLabelWidth(box));
            double width = lines.stream().mapToDouble(TextLayout::getAdvance).max().orElse(0);
            double height = lines.stream().mapToDouble(l -> l.getAscent() + l.getDescent() + l.getLeading()).sum();
            if (width > box.getWidth() + 1 || height > box.getHeight() + 1) {
                problems.add(String.format(Locale.ROOT, "%s \"%s\": needs %.0f×%.0f, box %.0f×%.0f", e.getId(), text,
                        Math.ceil(width), Math.ceil(height), box.getWidth(), box.getHeight()));
            }
            int end = 0;
            for (TextLayout line : lines.subList(0, lines.size() - 1)) {
                end += line.getCharacterCount();
                if (wordCharacter(text.charAt(end - 1)) && wordCharacter(text.charAt(end))) {
                    problems.add(e.getId() + " \"" + text + "\": a word broken at " + end);
                }
            }
            if (box.getX() < origin[0] || box.getY() < origin[1] || box.getX() + box.getWidth() > extent[0]
                    || box.getY() + box.getHeight() > extent[1]) {
                problems.add(e.getId() + " \"" + text + "\": its box lies partly outside the drawing");
            }
        }
        for (Task task : model.getMainProcess().findFlowElementsOfType(Task.class)) {
            GraphicInfo shape = model.getGraphicInfo(task.getId());
            String text = ProcessDiagrams.clean(names.getProperty(prefix + task.getId(), task.getName()));
            if (text == null || text.isBlank()) {
                continue;
            }
            double height = ProcessDiagrams.lines(text, diagrams.taskFont(), ProcessDiagrams.FLOW_LABEL_CONTEXT,
                    (float) shape.getWidth() - ProcessDiagrams.TASK_TEXT_INSET).stream()
                    .mapToDouble(l -> l.getAscent() + l.getDescent() + l.getLeading()).sum();
            if (height > shape.getHeight() - ProcessDiagrams.TASK_TEXT_RESERVED) {
                problems.add(String.format(Locale.ROOT, "task %s \"%s\": needs %.0f px of text height, has %.0f",
                        task.getId(), text, Math.ceil(height), shape.getHeight() - ProcessDiagrams.TASK_TEXT_RESERVED));
            }
        }
        assertThat(problems).as("%s (%s)", file.getFileName(), language).isEmpty();
    }

    /**
     * Where the generator's canvas ends in diagram coordinates: ten pixels past the rightmost and lowest shape or
     * waypoint (DefaultProcessDiagramGenerator.initProcessDiagramCanvas; labels do not widen it).
     */
    private static double[] extent(BpmnModel model) {
        double maxX = 0;
        double maxY = 0;
        for (FlowNode node : model.getMainProcess().findFlowElementsOfType(FlowNode.class)) {
            GraphicInfo shape = model.getGraphicInfo(node.getId());
            maxX = Math.max(maxX, shape.getX() + shape.getWidth());
            maxY = Math.max(maxY, shape.getY() + shape.getHeight());
        }
        for (SequenceFlow flow : model.getMainProcess().findFlowElementsOfType(SequenceFlow.class)) {
            for (GraphicInfo point : model.getFlowLocationGraphicInfo(flow.getId())) {
                maxX = Math.max(maxX, point.getX());
                maxY = Math.max(maxY, point.getY());
            }
        }
        return new double[] {maxX + 10, maxY + 10};
    }

    /** A character of an English word, which a line may not split ("Enterprise's"); Chinese breaks anywhere. */
    private static boolean wordCharacter(char c) {
        return c == '\'' || Character.isLetterOrDigit(c) && Character.UnicodeScript.of(c) == Character.UnicodeScript.LATIN;
    }

    /** The diagram names of one language as the pages use them (messages-bpmn*.properties; else the BPMN's). */
    private static Properties bundle(String language) throws IOException {
        Properties names = new Properties();
        String file = "src/main/resources/messages-bpmn" + ("zh".equals(language) ? "_zh" : "") + ".properties";
        try (var reader = Files.newBufferedReader(Path.of(file), StandardCharsets.UTF_8)) {
            names.load(reader);
        }
        return names;
    }

    @org.junit.jupiter.api.Test
    void namesOnTheDiagramLeaveOutTheExpressionsTheyCarry() {
        assertThat(ProcessDiagrams.clean("落实任务 ${taskCode} ${zoneSteps.title(zoneId, taskCode)}")).isEqualTo("落实任务");
        assertThat(ProcessDiagrams.clean("督办：${taskCode} 未按期报送")).isEqualTo("督办： 未按期报送");
        assertThat(ProcessDiagrams.clean(null)).isNull();
    }

    private static Rectangle2D rect(GraphicInfo g) {
        return new Rectangle2D.Double(g.getX(), g.getY(), g.getWidth(), g.getHeight());
    }
}
