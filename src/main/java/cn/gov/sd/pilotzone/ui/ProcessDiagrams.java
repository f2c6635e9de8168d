package cn.gov.sd.pilotzone.ui;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.GraphicsEnvironment;
import java.awt.RenderingHints;
import java.awt.font.FontRenderContext;
import java.awt.font.LineBreakMeasurer;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.RoundRectangle2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import javax.imageio.ImageIO;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.engine.ProcessEngineConfiguration;
import org.flowable.image.ProcessDiagramGenerator;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Draws a process as PNG with Flowable's own diagram generator (the renderer the engine ships and keeps; the
 * README says why not bpmn-js): the flows a case took and the activities where it waits now are highlighted by
 * the generator (red, its only highlight colour). On top of that this class marks what the generator cannot:
 * finished activities with a green tick, and an open task's due state as a badge on its lower edge, red when
 * overdue and amber when due soon.
 * <p>
 * Labels come from the BPMN's diagram interchange: events, gateways and named flows carry a
 * {@code BPMNLabel} position. The generator draws flows' labels there; it draws no names of events and gateways,
 * so this class writes them into their label boxes. The font is the first installed one that can
 * draw Chinese (AWT's default draws boxes for it on a server without CJK fonts), unless
 * {@code hub.ui.diagram-font} names one.
 */
@Component
class ProcessDiagrams {

    /** The due state of an open task, with the words of its badge ("超期 2 天", "5 小时后到期"). */
    record Due(boolean overdue, String words) {
    }

    /**
     * What to mark: activities where the case waits now, activities and flows it has passed, the due state of
     * open tasks by activity id (only those overdue or due soon).
     */
    record Marks(Set<String> active, Set<String> completed, Set<String> takenFlows, Map<String, Due> due) {
        static Marks none() {
            return new Marks(Set.of(), Set.of(), Set.of(), Map.of());
        }
    }

    private static final Color LABEL = new Color(0x33414e);
    private static final Color DONE = new Color(0x2e8b57);
    private static final Color OVERDUE = new Color(0xc0392b);
    private static final Color DUE_SOON = new Color(0xe6a100);
    /** The generator's canvas crops to the drawn elements less this padding. */
    private static final int CANVAS_PADDING = 5;

    private final String font;
    private final ProcessDiagramGenerator generator;

    /** The engine's own generator (Flowable's public configuration API), as the engine would draw a diagram. */
    @Autowired
    ProcessDiagrams(@Value("${hub.ui.diagram-font:}") String font, ProcessEngineConfiguration engine) {
        this(font, engine.getProcessDiagramGenerator());
    }

    ProcessDiagrams(String font, ProcessDiagramGenerator generator) {
        this.font = font.isBlank() ? chineseFont() : font;
        this.generator = generator;
    }

    /** The generator's PNG as an image to draw the marks on (its interface answers with the encoded file). */
    private static BufferedImage read(InputStream png) {
        try (png) {
            BufferedImage drawn = ImageIO.read(png);
            // whatever colour model the decoder chose (a palette takes no antialiased colours): copied into ARGB,
            // the generator's own (its PNG background is transparent)
            BufferedImage image = new BufferedImage(drawn.getWidth(), drawn.getHeight(), BufferedImage.TYPE_INT_ARGB);
            Graphics2D g = image.createGraphics();
            try {
                g.drawImage(drawn, 0, 0, null);
            } finally {
                g.dispose();
            }
            return image;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The process of a BPMN document (a deployment's resource), parsed afresh: drawing renames its elements. */
    static BpmnModel parse(InputStream bpmnXml) {
        try {
            // the hub's own deployment (DeploymentGuard refuses any other), read without DTDs or external entities
            XMLInputFactory xml = XMLInputFactory.newFactory();
            xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
            xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
            return new BpmnXMLConverter().convertToBpmnModel(xml.createXMLStreamReader(bpmnXml, "UTF-8"));
        } catch (XMLStreamException e) {
            throw new IllegalStateException("unreadable BPMN", e);
        }
    }

    /**
     * @param model a model of its own (see {@link #parse}): names are replaced by {@code label}
     * @param label the text of an element in the page's language (null keeps the BPMN name)
     */
    byte[] png(BpmnModel model, Marks marks, Function<FlowElement, String> label) {
        Map<String, String> ownLabels = new LinkedHashMap<>();
        for (FlowElement e : model.getMainProcess().findFlowElementsOfType(FlowElement.class)) {
            String text = label.apply(e);
            e.setName(clean(text == null ? e.getName() : text));
            // the generator draws no names of events and gateways (catching events' at a fixed place): drawn here
            if ((e instanceof Event || e instanceof Gateway) && model.getLabelGraphicInfo(e.getId()) != null) {
                ownLabels.put(e.getId(), e.getName());
                e.setName(null);
            }
        }
        BufferedImage image = read(generator.generateDiagram(model, "png", List.copyOf(marks.active()),
                List.copyOf(marks.takenFlows()), font, font, font, null, 1.0, false));
        // after drawing: the generator moves a diagram with negative coordinates into view
        int[] origin = origin(model);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.translate(-origin[0], -origin[1]);
            ownLabels.forEach((id, text) -> label(g, model.getLabelGraphicInfo(id), text));
            for (String id : marks.completed()) {
                if (!marks.active().contains(id) && model.getFlowElement(id) instanceof Activity) {
                    tick(g, model.getGraphicInfo(id));
                }
            }
            marks.due().forEach((id, due) -> {
                GraphicInfo shape = model.getGraphicInfo(id);
                if (shape != null) {
                    badge(g, shape, due);
                }
            });
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /**
     * A label without the expressions some names carry ({@code 落实任务 ${taskCode}} → {@code 落实任务}): they mean
     * something per instance, nothing on the model's diagram.
     */
    static String clean(String label) {
        return label == null ? null : label.replaceAll("\\$\\{[^}]*}", " ").replaceAll("\\s+", " ").strip();
    }

    /**
     * Where the generator's image starts in diagram coordinates: it crops to the leftmost and topmost shape or
     * waypoint, less its padding.
     */
    static int[] origin(BpmnModel model) {
        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        for (FlowNode node : model.getMainProcess().findFlowElementsOfType(FlowNode.class)) {
            GraphicInfo shape = model.getGraphicInfo(node.getId());
            minX = Math.min(minX, shape.getX());
            minY = Math.min(minY, shape.getY());
            for (SequenceFlow flow : node.getOutgoingFlows()) {
                for (GraphicInfo point : model.getFlowLocationGraphicInfo(flow.getId())) {
                    minX = Math.min(minX, point.getX());
                    minY = Math.min(minY, point.getY());
                }
            }
        }
        return new int[] {Math.max((int) minX, CANVAS_PADDING) - CANVAS_PADDING,
                Math.max((int) minY, CANVAS_PADDING) - CANVAS_PADDING};
    }

    /** A name wrapped to its label's width, centred, from its top. */
    private void label(Graphics2D g, GraphicInfo bounds, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        g.setColor(LABEL);
        float y = (float) bounds.getY();
        for (TextLayout line : lines(text, eventLabelFont(), g.getFontRenderContext(), eventLabelWidth(bounds))) {
            y += line.getAscent();
            line.draw(g, (float) (bounds.getX() + (bounds.getWidth() - line.getAdvance()) / 2), y);
            y += line.getDescent() + line.getLeading();
        }
    }

    /** The font of events' and gateways' names, which this class draws. */
    Font eventLabelFont() {
        return new Font(font, Font.PLAIN, 11);
    }

    static float eventLabelWidth(GraphicInfo bounds) {
        return (float) Math.max(bounds.getWidth(), 24);
    }

    /**
     * The font of flows' names as Flowable's generator draws them (DefaultProcessDiagramCanvas: the label font,
     * italic, 10 pt, wrapped at {@link #FLOW_LABEL_WRAP} px whatever the label's width, in a render context without
     * a transform, anti-aliased, integer metrics).
     */
    Font flowLabelFont() {
        return new Font(font, Font.ITALIC, 10);
    }

    static final float FLOW_LABEL_WRAP = 100;

    /**
     * The font of tasks' names as the generator draws them inside the task: bold 11 pt, wrapped to the task's width
     * less {@link #TASK_TEXT_INSET} and cut with "..." at the line that passes the task's height less
     * {@link #TASK_TEXT_RESERVED} (its icon, marker and paddings).
     */
    Font taskFont() {
        return new Font(font, Font.BOLD, 11);
    }

    static final int TASK_TEXT_INSET = 6;
    static final int TASK_TEXT_RESERVED = 42;
    static final FontRenderContext FLOW_LABEL_CONTEXT = new FontRenderContext(null, true, false);

    /** The lines a text breaks into at {@code width}, as both drawers break it. */
    static List<TextLayout> lines(String text, Font font, FontRenderContext context, float width) {
        AttributedString styled = new AttributedString(text);
        styled.addAttribute(TextAttribute.FONT, font);
        LineBreakMeasurer measurer = new LineBreakMeasurer(styled.getIterator(), context);
        List<TextLayout> lines = new ArrayList<>();
        while (measurer.getPosition() < text.length()) {
            lines.add(measurer.nextLayout(width));
        }
        return lines;
    }

    private static void tick(Graphics2D g, GraphicInfo shape) {
        int d = 14;
        int x = (int) (shape.getX() + shape.getWidth()) - d - 3;
        int y = (int) shape.getY() + 3;
        g.setColor(DONE);
        g.fillOval(x, y, d, d);
        g.setColor(Color.WHITE);
        g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.drawPolyline(new int[] {x + 3, x + 6, x + 11}, new int[] {y + 7, y + 10, y + 4}, 3);
    }

    /** A pill on the task's lower edge, with a red or amber frame around the task. */
    private void badge(Graphics2D g, GraphicInfo shape, Due due) {
        Color colour = due.overdue() ? OVERDUE : DUE_SOON;
        g.setStroke(new BasicStroke(3f));
        g.setColor(colour);
        g.draw(new RoundRectangle2D.Double(shape.getX() - 3, shape.getY() - 3, shape.getWidth() + 6,
                shape.getHeight() + 6, 16, 16));
        g.setFont(new Font(font, Font.BOLD, 11));
        FontMetrics metrics = g.getFontMetrics();
        int width = metrics.stringWidth(due.words()) + 10;
        int height = metrics.getHeight() + 2;
        int x = (int) (shape.getX() + shape.getWidth() / 2 - width / 2.0);
        int y = (int) (shape.getY() + shape.getHeight() - height / 2.0);
        g.fillRoundRect(x, y, width, height, height, height);
        g.setColor(due.overdue() ? Color.WHITE : Color.BLACK);
        g.drawString(due.words(), x + 5, y + 1 + metrics.getAscent());
    }

    private static String chineseFont() {
        Font[] fonts = GraphicsEnvironment.getLocalGraphicsEnvironment().getAllFonts();
        return Arrays.stream(fonts).filter(f -> f.canDisplayUpTo("流程审核") < 0).map(Font::getFamily)
                .filter(name -> !name.startsWith("Dialog") && !name.startsWith("Monospaced")
                        && !name.startsWith("Serif") && !name.startsWith("SansSerif"))
                .sorted().findFirst().orElse(Font.SANS_SERIF);
    }
}
