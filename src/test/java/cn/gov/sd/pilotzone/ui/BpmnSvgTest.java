package cn.gov.sd.pilotzone.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamReader;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.FlowNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class BpmnSvgTest {

    static BpmnModel award;

    @BeforeAll
    static void parse() throws Exception {
        byte[] xml = Files.readAllBytes(Path.of("bpmn/award-application.bpmn20.xml"));
        XMLStreamReader reader = XMLInputFactory.newInstance().createXMLStreamReader(new ByteArrayInputStream(xml), "UTF-8");
        award = new BpmnXMLConverter().convertToBpmnModel(reader);
    }

    @Test
    void drawsEveryElementOfTheDiagramAsWellFormedSvg() throws Exception {
        String svg = BpmnSvg.render(award, BpmnSvg.Marks.none(), FlowElement::getName);

        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getTagName()).isEqualTo("svg");
        for (FlowElement e : award.getMainProcess().getFlowElements()) {
            if (e instanceof FlowNode && award.getGraphicInfo(e.getId()) != null) {
                assertThat(svg).as(e.getId()).contains("data-element-id=\"" + e.getId() + "\"");
            }
        }
        assertThat(svg).contains(">区县初审<", ">市工信局审核<", "class=\"bpmn-node bpmn-user-task\"");
        assertThat(svg).doesNotContain("bpmn-active", "bpmn-done", "bpmn-taken");
    }

    @Test
    void highlightsTheCurrentActivityThePastOnesAndTheFlowsTaken() {
        BpmnSvg.Marks marks = new BpmnSvg.Marks(Set.of("cityReview"), Set.of("start", "automatedChecks", "countyReview"),
                Set.of("f_start", "f_countyApprove"));

        String svg = BpmnSvg.render(award, marks, FlowElement::getName);

        assertThat(svg).contains("bpmn-user-task bpmn-active\" data-element-id=\"cityReview\"")
                .contains("bpmn-user-task bpmn-done\" data-element-id=\"countyReview\"")
                .contains("bpmn-flow bpmn-taken\" data-element-id=\"f_countyApprove\"")
                .contains("bpmn-flow\" data-element-id=\"f_cityApprove\"");
    }

    @Test
    void escapesLabels() {
        String svg = BpmnSvg.render(award, BpmnSvg.Marks.none(),
                e -> "countyReview".equals(e.getId()) ? "<script>&\"" : e.getName());

        assertThat(svg).contains("&lt;script&gt;&amp;&quot;").doesNotContain("<script>");
    }

    @Test
    void labelsLoseTheirExpressions() {
        assertThat(BpmnSvg.clean("落实任务 ${taskCode} ${zoneSteps.title(zoneId, taskCode)}")).isEqualTo("落实任务");
        assertThat(BpmnSvg.clean("督办：${taskCode} 未按期报送")).isEqualTo("督办： 未按期报送");
        assertThat(BpmnSvg.clean(null)).isNull();
    }

    @Test
    void wrapsChineseByCharacterAndEnglishByWord() {
        assertThat(BpmnSvg.wrap("市财政局复核", 200, 3)).containsExactly("市财政局复核");
        assertThat(BpmnSvg.wrap("市财政局复核", 40, 3)).containsExactly("市财政", "局复核");
        assertThat(BpmnSvg.wrap("City review by the bureau", 80, 3)).containsExactly("City review", "by the", "bureau");
        assertThat(BpmnSvg.wrap("一二三四五六七八九十", 24, 2)).containsExactly("一二", "三…");
    }
}
