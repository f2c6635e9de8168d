package cn.gov.sd.pilotzone.ui;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

import org.flowable.bpmn.model.Activity;
import org.flowable.bpmn.model.BoundaryEvent;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.EndEvent;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.ExclusiveGateway;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.GraphicInfo;
import org.flowable.bpmn.model.ParallelGateway;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.ReceiveTask;
import org.flowable.bpmn.model.SequenceFlow;
import org.flowable.bpmn.model.ServiceTask;
import org.flowable.bpmn.model.SubProcess;
import org.flowable.bpmn.model.TimerEventDefinition;
import org.flowable.bpmn.model.UserTask;

/**
 * Draws a deployed process as SVG from its BPMN diagram interchange (the shapes and waypoints every
 * {@code bpmn/*.bpmn20.xml} carries), with the case's current activities and the path it took highlighted.
 * Dependency-free and server-side: bpmn-js is not on the reachable mirror, and Flowable's image generator draws
 * with AWT fonts, which on a server without CJK fonts turns the Chinese names into boxes; the browser has fonts.
 */
public final class BpmnSvg {

    /** What to highlight: activities where the case waits now, activities and flows it has passed. */
    public record Marks(Set<String> active, Set<String> completed, Set<String> takenFlows) {
        public static Marks none() {
            return new Marks(Set.of(), Set.of(), Set.of());
        }
    }

    private static final int MARGIN = 24;
    private static final double FONT = 12;

    private BpmnSvg() {
    }

    /**
     * @param label the text of an element: its name in the page's language (falls back to the BPMN name)
     */
    public static String render(BpmnModel model, Marks marks, Function<FlowElement, String> label) {
        Process process = model.getMainProcess();
        List<FlowElement> elements = new ArrayList<>();
        collect(process.getFlowElements(), elements);

        double minX = Double.MAX_VALUE;
        double minY = Double.MAX_VALUE;
        double maxX = -Double.MAX_VALUE;
        double maxY = -Double.MAX_VALUE;
        for (FlowElement e : elements) {
            GraphicInfo g = model.getGraphicInfo(e.getId());
            if (g != null) {
                minX = Math.min(minX, g.getX());
                minY = Math.min(minY, g.getY());
                maxX = Math.max(maxX, g.getX() + g.getWidth());
                maxY = Math.max(maxY, g.getY() + g.getHeight() + (e instanceof Activity ? 0 : 30));
            }
            List<GraphicInfo> points = model.getFlowLocationGraphicInfo(e.getId());
            if (points != null) {
                for (GraphicInfo p : points) {
                    minX = Math.min(minX, p.getX());
                    minY = Math.min(minY, p.getY());
                    maxX = Math.max(maxX, p.getX());
                    maxY = Math.max(maxY, p.getY());
                }
            }
        }
        if (minX == Double.MAX_VALUE) {
            return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn\" width=\"0\" height=\"0\"></svg>";
        }
        double dx = MARGIN - minX;
        double dy = MARGIN - minY;
        int width = (int) Math.ceil(maxX - minX + 2 * MARGIN);
        int height = (int) Math.ceil(maxY - minY + 2 * MARGIN);

        StringBuilder svg = new StringBuilder(16_384);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bpmn\" role=\"img\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" data-process=\"").append(esc(process.getId())).append("\">")
                .append("<defs><marker id=\"bpmn-arrow\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                        + "<path d=\"M0,0 L10,5 L0,10 z\" class=\"bpmn-arrowhead\"/></marker>"
                        + "<marker id=\"bpmn-arrow-taken\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\""
                        + " markerWidth=\"7\" markerHeight=\"7\" orient=\"auto-start-reverse\">"
                        + "<path d=\"M0,0 L10,5 L0,10 z\" class=\"bpmn-arrowhead-taken\"/></marker></defs>")
                .append("<g transform=\"translate(").append(num(dx)).append(',').append(num(dy)).append(")\">");
        // Sub-processes first (outer before inner), as the background of what they contain; then the flows, so
        // that shapes are drawn over their ends; boundary events last, on their activity's border
        for (FlowElement e : elements) {
            if (e instanceof SubProcess) {
                container(svg, model, e, marks, clean(label.apply(e)));
            }
        }
        for (FlowElement e : elements) {
            if (e instanceof SequenceFlow flow) {
                flow(svg, model, flow, marks.takenFlows().contains(flow.getId()), clean(label.apply(flow)));
            }
        }
        for (FlowElement e : elements) {
            if (!(e instanceof SequenceFlow || e instanceof BoundaryEvent || e instanceof SubProcess)) {
                shape(svg, model, e, marks, clean(label.apply(e)));
            }
        }
        for (FlowElement e : elements) {
            if (e instanceof BoundaryEvent) {
                shape(svg, model, e, marks, clean(label.apply(e)));
            }
        }
        return svg.append("</g></svg>").toString();
    }

    /**
     * A label without the expressions some names carry ({@code 落实任务 ${taskCode}} → {@code 落实任务}): they mean
     * something per instance, nothing on the model's diagram.
     */
    static String clean(String label) {
        return label == null ? null : label.replaceAll("\\$\\{[^}]*}", " ").replaceAll("\\s+", " ").strip();
    }

    private static void container(StringBuilder svg, BpmnModel model, FlowElement e, Marks marks, String name) {
        GraphicInfo g = model.getGraphicInfo(e.getId());
        if (g == null) {
            return;
        }
        String state = marks.active().contains(e.getId()) ? " bpmn-active-container"
                : marks.completed().contains(e.getId()) ? " bpmn-done-container" : "";
        svg.append("<g class=\"bpmn-node bpmn-subprocess").append(state).append("\" data-element-id=\"")
                .append(esc(e.getId())).append("\"><rect class=\"bpmn-container\" x=\"").append(num(g.getX()))
                .append("\" y=\"").append(num(g.getY())).append("\" width=\"").append(num(g.getWidth()))
                .append("\" height=\"").append(num(g.getHeight())).append("\" rx=\"10\" ry=\"10\"/>");
        if (name != null && !name.isBlank()) {
            svg.append("<text class=\"bpmn-caption\" x=\"").append(num(g.getX() + 10)).append("\" y=\"")
                    .append(num(g.getY() + FONT + 4)).append("\">").append(esc(name)).append("</text>");
        }
        svg.append("</g>");
    }

    private static void collect(Collection<FlowElement> in, List<FlowElement> out) {
        for (FlowElement e : in) {
            out.add(e);
            if (e instanceof SubProcess sub) {
                collect(sub.getFlowElements(), out);
            }
        }
    }

    private static void flow(StringBuilder svg, BpmnModel model, SequenceFlow flow, boolean taken, String name) {
        List<GraphicInfo> points = model.getFlowLocationGraphicInfo(flow.getId());
        if (points == null || points.size() < 2) {
            return;
        }
        svg.append("<g class=\"bpmn-flow").append(taken ? " bpmn-taken" : "").append("\" data-element-id=\"")
                .append(esc(flow.getId())).append("\"><polyline points=\"");
        for (GraphicInfo p : points) {
            svg.append(num(p.getX())).append(',').append(num(p.getY())).append(' ');
        }
        svg.append("\" marker-end=\"url(#").append(taken ? "bpmn-arrow-taken" : "bpmn-arrow").append(")\"/>");
        if (name != null && !name.isBlank()) {
            GraphicInfo at = model.getLabelGraphicInfo(flow.getId());
            double x;
            double y;
            if (at != null) {
                x = at.getX();
                y = at.getY() + FONT;
            } else {
                // middle of the middle segment, a little above it
                int i = (points.size() - 1) / 2;
                x = (points.get(i).getX() + points.get(i + 1).getX()) / 2 + 4;
                y = (points.get(i).getY() + points.get(i + 1).getY()) / 2 - 4;
            }
            svg.append("<text class=\"bpmn-flow-label\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                    .append("\">").append(esc(name)).append("</text>");
        }
        svg.append("</g>");
    }

    private static void shape(StringBuilder svg, BpmnModel model, FlowElement e, Marks marks, String name) {
        GraphicInfo g = model.getGraphicInfo(e.getId());
        if (g == null) {
            return;
        }
        String state = marks.active().contains(e.getId()) ? " bpmn-active"
                : marks.completed().contains(e.getId()) ? " bpmn-done" : "";
        svg.append("<g class=\"bpmn-node bpmn-").append(kind(e)).append(state).append("\" data-element-id=\"")
                .append(esc(e.getId())).append("\"><title>").append(esc(name == null ? e.getId() : name))
                .append("</title>");
        double x = g.getX();
        double y = g.getY();
        double w = g.getWidth();
        double h = g.getHeight();
        double cx = x + w / 2;
        double cy = y + h / 2;
        if (e instanceof Event) {
            double r = Math.min(w, h) / 2;
            svg.append(circle(cx, cy, r, e instanceof EndEvent ? "bpmn-shape bpmn-end" : "bpmn-shape"));
            if (e instanceof BoundaryEvent) {
                svg.append(circle(cx, cy, r - 3, "bpmn-inner"));
            }
            if (((Event) e).getEventDefinitions().stream().anyMatch(d -> d instanceof TimerEventDefinition)) {
                svg.append(circle(cx, cy, r - 7, "bpmn-inner"))
                        .append("<polyline class=\"bpmn-inner\" points=\"").append(num(cx)).append(',')
                        .append(num(cy - r + 9)).append(' ').append(num(cx)).append(',').append(num(cy)).append(' ')
                        .append(num(cx + r - 10)).append(',').append(num(cy)).append("\"/>");
            }
            below(svg, name, cx, y + h + FONT + 2, e instanceof BoundaryEvent ? 90 : 110);
        } else if (e instanceof Gateway) {
            svg.append("<polygon class=\"bpmn-shape\" points=\"").append(num(cx)).append(',').append(num(y)).append(' ')
                    .append(num(x + w)).append(',').append(num(cy)).append(' ').append(num(cx)).append(',')
                    .append(num(y + h)).append(' ').append(num(x)).append(',').append(num(cy)).append("\"/>");
            double m = w / 4.5;
            if (e instanceof ExclusiveGateway) {
                svg.append(line(cx - m, cy - m, cx + m, cy + m)).append(line(cx - m, cy + m, cx + m, cy - m));
            } else if (e instanceof ParallelGateway) {
                svg.append(line(cx, cy - m * 1.3, cx, cy + m * 1.3)).append(line(cx - m * 1.3, cy, cx + m * 1.3, cy));
            }
            below(svg, name, cx, y + h + FONT + 2, 110);
        } else {
            svg.append("<rect class=\"bpmn-shape\" x=\"").append(num(x)).append("\" y=\"").append(num(y))
                    .append("\" width=\"").append(num(w)).append("\" height=\"").append(num(h))
                    .append("\" rx=\"9\" ry=\"9\"/>");
            marker(svg, e, x, y);
            List<String> lines = wrap(name == null ? "" : name, w - 12, 3);
            double top = cy - (lines.size() - 1) * (FONT + 2) / 2 + FONT / 2 - 1;
            for (int i = 0; i < lines.size(); i++) {
                svg.append("<text class=\"bpmn-label\" text-anchor=\"middle\" x=\"").append(num(cx)).append("\" y=\"")
                        .append(num(top + i * (FONT + 2))).append("\">").append(esc(lines.get(i))).append("</text>");
            }
        }
        svg.append("</g>");
    }

    /** The small type marker in an activity's top-left corner: a person, a gear-like dot, an envelope. */
    private static void marker(StringBuilder svg, FlowElement e, double x, double y) {
        if (e instanceof UserTask) {
            svg.append(circle(x + 12, y + 10, 3.5, "bpmn-icon"))
                    .append("<path class=\"bpmn-icon\" d=\"M").append(num(x + 5.5)).append(',').append(num(y + 21))
                    .append(" q6.5,-9 13,0 z\"/>");
        } else if (e instanceof ServiceTask) {
            svg.append(circle(x + 12, y + 13, 5, "bpmn-icon")).append(circle(x + 12, y + 13, 1.8, "bpmn-icon-hole"));
        } else if (e instanceof ReceiveTask) {
            svg.append("<rect class=\"bpmn-icon-line\" x=\"").append(num(x + 6)).append("\" y=\"").append(num(y + 7))
                    .append("\" width=\"14\" height=\"10\"/><polyline class=\"bpmn-icon-line\" points=\"")
                    .append(num(x + 6)).append(',').append(num(y + 7)).append(' ').append(num(x + 13)).append(',')
                    .append(num(y + 12)).append(' ').append(num(x + 20)).append(',').append(num(y + 7)).append("\"/>");
        }
    }

    private static void below(StringBuilder svg, String name, double cx, double y, double width) {
        if (name == null || name.isBlank()) {
            return;
        }
        List<String> lines = wrap(name, width, 2);
        for (int i = 0; i < lines.size(); i++) {
            svg.append("<text class=\"bpmn-caption\" text-anchor=\"middle\" x=\"").append(num(cx)).append("\" y=\"")
                    .append(num(y + i * (FONT + 1))).append("\">").append(esc(lines.get(i))).append("</text>");
        }
    }

    /**
     * Breaks a label into lines that fit {@code width} pixels: CJK characters count a full em, others about
     * half; English words are kept whole where they fit. Past {@code maxLines} the last line ends with "…".
     */
    static List<String> wrap(String text, double width, int maxLines) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        double used = 0;
        String[] tokens = text.split("(?<=\\s)|(?=\\s)|(?<=[\\u2E80-\\uFFEF])|(?=[\\u2E80-\\uFFEF])");
        for (String token : tokens) {
            double w = measure(token);
            if (used + w > width && line.length() > 0) {
                lines.add(line.toString().strip());
                line.setLength(0);
                used = 0;
                if (token.isBlank()) {
                    continue;
                }
            }
            line.append(token);
            used += w;
        }
        if (!line.toString().isBlank()) {
            lines.add(line.toString().strip());
        }
        if (lines.size() > maxLines) {
            List<String> cut = new ArrayList<>(lines.subList(0, maxLines));
            String last = cut.get(maxLines - 1);
            cut.set(maxLines - 1, (last.length() > 1 ? last.substring(0, last.length() - 1) : last) + "…");
            return cut;
        }
        return lines;
    }

    private static double measure(String s) {
        double w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            w += c >= '\u2E80' ? FONT : FONT * 0.58;
        }
        return w;
    }

    private static String kind(FlowElement e) {
        if (e instanceof UserTask) {
            return "user-task";
        }
        if (e instanceof Event) {
            return "event";
        }
        if (e instanceof Gateway) {
            return "gateway";
        }
        return e.getClass().getSimpleName().toLowerCase(Locale.ROOT);
    }

    private static String circle(double cx, double cy, double r, String cls) {
        return "<circle class=\"" + cls + "\" cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\"/>";
    }

    private static String line(double x1, double y1, double x2, double y2) {
        return "<line class=\"bpmn-mark\" x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\""
                + num(y2) + "\"/>";
    }

    private static String num(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.1f", v);
    }

    static String esc(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
