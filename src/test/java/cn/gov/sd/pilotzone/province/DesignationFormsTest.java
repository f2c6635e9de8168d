package cn.gov.sd.pilotzone.province;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import javax.xml.stream.XMLInputFactory;

import cn.gov.sd.pilotzone.task.TaskForm;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.bpmn.model.UserTask;
import org.junit.jupiter.api.Test;

/** zoneDesignation's forms are exactly its user tasks (the hub checks the same at start-up, see TaskForms). */
class DesignationFormsTest {

    @Test
    void everyUserTaskOfZoneDesignationHasOneFormAndEveryFormATask() throws Exception {
        Designations designations = mock(Designations.class);
        when(designations.experts()).thenReturn(List.of("expert-1", "expert-2", "expert-3"));
        List<String> forms = new DesignationForms(designations, mock(DesignationStore.class)).forms().stream()
                .map(TaskForm::taskKey).toList();
        BpmnModel model;
        try (InputStream in = Files.newInputStream(Path.of("bpmn/zone-designation.bpmn20.xml"))) {
            model = new BpmnXMLConverter().convertToBpmnModel(XMLInputFactory.newInstance().createXMLStreamReader(in));
        }
        List<String> userTasks = model.getProcessById(Designations.PROCESS).findFlowElementsOfType(UserTask.class)
                .stream().map(UserTask::getId).toList();
        assertThat(forms).containsExactlyInAnyOrderElementsOf(userTasks).doesNotHaveDuplicates();
    }
}
