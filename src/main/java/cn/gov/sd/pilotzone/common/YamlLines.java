package cn.gov.sd.pilotzone.common;

import java.io.StringReader;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Line numbers of a YAML document's nodes, by path ({@code "zone", "actions", 2, "tasks", 0, "code"}), so that a
 * problem found after binding (an unknown bureau, a duplicate code) can name its line. Composes SnakeYAML nodes
 * only: nothing is constructed, so no tag in a config file can instantiate a class.
 */
public final class YamlLines {

    private final Node root;

    private YamlLines(Node root) {
        this.root = root;
    }

    public static YamlLines of(String text) {
        return new YamlLines(new Yaml(new LoaderOptions()).compose(new StringReader(text)));
    }

    /** The line (1-based) of the node at the path, or of its deepest existing ancestor; 0 for an empty document. */
    public int line(Object... path) {
        Node node = root;
        if (node == null) {
            return 0;
        }
        for (Object step : path) {
            Node next = child(node, step);
            if (next == null) {
                break;
            }
            node = next;
        }
        return node.getStartMark().getLine() + 1;
    }

    /** The line of a mapping key (where a problem with the key itself is), e.g. an unknown zone id. */
    public int keyLine(Object mapping, String key) {
        Node map = child(root, mapping);
        if (map instanceof MappingNode m) {
            for (NodeTuple tuple : m.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                    return k.getStartMark().getLine() + 1;
                }
            }
        }
        return line(mapping);
    }

    private static Node child(Node node, Object step) {
        if (node instanceof MappingNode map && step instanceof String key) {
            for (NodeTuple tuple : map.getValue()) {
                if (tuple.getKeyNode() instanceof ScalarNode k && key.equals(k.getValue())) {
                    return tuple.getValueNode();
                }
            }
        } else if (node instanceof SequenceNode seq && step instanceof Integer i && i >= 0 && i < seq.getValue().size()) {
            return seq.getValue().get(i);
        }
        return null;
    }
}
