package cn.gov.sd.pilotzone.award;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;

import javax.xml.stream.XMLInputFactory;

import cn.gov.sd.pilotzone.award.AwardApplication.Status;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.FlowElement;
import org.flowable.bpmn.model.Process;
import org.flowable.bpmn.model.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The status mapping against the award process model: every task of it has a status, every status a task. */
class AwardStatusTest {

    private static Process process;

    @BeforeAll
    static void readModel() throws Exception {
        try (InputStream in = Files.newInputStream(Path.of("bpmn/award-application.bpmn20.xml"))) {
            process = new BpmnXMLConverter().convertToBpmnModel(XMLInputFactory.newInstance()
                    .createXMLStreamReader(in, "UTF-8")).getProcessById(AwardApplications.PROCESS);
        }
    }

    @Test
    void everyTaskOfTheProcessSetsAStatusAndEveryMappedActivityExists() {
        Set<String> tasks = process.findFlowElementsOfType(Task.class, true).stream().map(FlowElement::getId)
                .collect(Collectors.toSet());

        assertThat(AwardStatus.BY_ACTIVITY.keySet()).containsExactlyInAnyOrderElementsOf(tasks);
    }

    @Test
    void theProcessAppliesTheMappingThroughTheOneListener() {
        assertThat(process.getEventListeners()).singleElement().satisfies(l -> {
            assertThat(l.getEvents()).isEqualTo("ACTIVITY_STARTED");
            assertThat(l.getImplementation()).isEqualTo("${awardStatus}");
        });
    }

    @Test
    void everyEndOfTheCaseIsAnEndedStatusAndNothingElseIs() {
        assertThat(AwardStatus.BY_ACTIVITY.entrySet()).allSatisfy(e ->
                assertThat(e.getValue().ended()).as(e.getKey()).isEqualTo(e.getKey().startsWith("finish")));
        assertThat(AwardStatus.BY_ACTIVITY.values()).contains(Status.values());
    }
}
