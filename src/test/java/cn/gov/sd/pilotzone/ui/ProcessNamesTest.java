package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Properties;

import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.Event;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Gateway;
import org.flowable.bpmn.model.UserTask;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * English mode names every user task, event and gateway of every process (diagram labels and task names), and
 * the Chinese bundle keeps the BPMN's own name: {@code bpmn.<processKey>.<elementId>} in both bundles.
 */
class ProcessNamesTest {

    static java.util.stream.Stream<Path> processes() throws IOException {
        return ProcessDiagramsTest.processes();
    }

    @ParameterizedTest
    @MethodSource("processes")
    void everyUserTaskEventAndGatewayHasAChineseAndAnEnglishName(Path file) throws IOException {
        Properties english = bundle("/messages-bpmn.properties");
        Properties chinese = bundle("/messages-bpmn_zh.properties");
        BpmnModel model = ProcessDiagramsTest.model(file);
        String prefix = "bpmn." + model.getMainProcess().getId() + ".";
        for (FlowElement e : model.getMainProcess().findFlowElementsOfType(FlowElement.class)) {
            if (e instanceof UserTask || e instanceof Event || e instanceof Gateway) {
                String key = prefix + e.getId();
                assertThat(english.getProperty(key)).as(key).isNotBlank().doesNotContainPattern("\\p{IsHan}");
                assertThat(chinese.getProperty(key)).as(key).isEqualTo(ProcessDiagrams.clean(e.getName()));
            }
        }
    }

    private static Properties bundle(String resource) throws IOException {
        Properties p = new Properties();
        try (InputStream in = ProcessNamesTest.class.getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
