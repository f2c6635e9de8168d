package cn.gov.sd.pilotzone;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.SequenceFlow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The geometry of the BPMN files' diagram interchange: every edge starts on its source's border and ends on its
 * target's, and no two shapes overlap (completeness, names and labels: {@code ui.ProcessDiagramsTest}).
 */
class BpmnDiagramTest {

    static Stream<Path> bpmnFiles() throws IOException {
        return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn20.xml")).sorted();
    }

    @ParameterizedTest
    @MethodSource("bpmnFiles")
    void edgesConnectTheirNodesAndShapesDoNotOverlap(Path file) throws IOException {
        BpmnModel model = read(file);
        List<String> problems = new ArrayList<>();
        List<FlowElement> elements = new ArrayList<>(model.getMainProcess().getFlowElements());
        for (FlowElement e : elements) {
            if (e instanceof SequenceFlow f) {
                List<GraphicInfo> points = model.getFlowLocationGraphicInfo(f.getId());
                if (!onBorder(model.getGraphicInfo(f.getSourceRef()), points.get(0))) {
                    problems.add(f.getId() + " does not start on " + f.getSourceRef());
                }
                if (!onBorder(model.getGraphicInfo(f.getTargetRef()), points.get(points.size() - 1))) {
                    problems.add(f.getId() + " does not end on " + f.getTargetRef());
                }
            }
        }
        List<FlowNode> nodes = elements.stream().filter(FlowNode.class::isInstance).map(FlowNode.class::cast).toList();
        for (int i = 0; i < nodes.size(); i++) {
            for (int j = i + 1; j < nodes.size(); j++) {
                FlowNode a = nodes.get(i);
                FlowNode b = nodes.get(j);
                if (attached(a, b) || attached(b, a)) {
                    continue;
                }
                if (overlap(model.getGraphicInfo(a.getId()), model.getGraphicInfo(b.getId()))) {
                    problems.add(a.getId() + " overlaps " + b.getId());
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static boolean attached(FlowNode boundary, FlowNode task) {
        return boundary instanceof BoundaryEvent be && be.getAttachedToRefId().equals(task.getId());
    }

    private static boolean onBorder(GraphicInfo box, GraphicInfo p) {
        double tolerance = 2;
        boolean insideX = p.getX() >= box.getX() - tolerance && p.getX() <= box.getX() + box.getWidth() + tolerance;
        boolean insideY = p.getY() >= box.getY() - tolerance && p.getY() <= box.getY() + box.getHeight() + tolerance;
        boolean nearVertical = Math.abs(p.getX() - box.getX()) <= tolerance
                || Math.abs(p.getX() - box.getX() - box.getWidth()) <= tolerance;
        boolean nearHorizontal = Math.abs(p.getY() - box.getY()) <= tolerance
                || Math.abs(p.getY() - box.getY() - box.getHeight()) <= tolerance;
        return insideX && insideY && (nearVertical || nearHorizontal);
    }

    private static boolean overlap(GraphicInfo a, GraphicInfo b) {
        return a.getX() < b.getX() + b.getWidth() && b.getX() < a.getX() + a.getWidth()
                && a.getY() < b.getY() + b.getHeight() && b.getY() < a.getY() + a.getHeight();
    }

    private static BpmnModel read(Path file) {
        return new BpmnXMLConverter().convertToBpmnModel(() -> {
            try {
                return Files.newInputStream(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, true, false, "UTF-8");
    }
}
