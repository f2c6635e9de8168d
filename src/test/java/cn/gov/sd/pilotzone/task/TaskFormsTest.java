package cn.gov.sd.pilotzone.task;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamException;

import org.flowable.bpmn.converter.BpmnXMLConverter;
import org.flowable.bpmn.model.BpmnModel;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;

/** The start-up check of the forms against the deployed processes, both ways, on the hub's own award process. */
class TaskFormsTest {

    private static final String PROCESS = "awardApplication";
    private static final List<String> AWARD_TASKS =
            List.of("intentConfirmation", "countyReview", "cityReview", "financeReview", "paymentCorrection");

    @Test
    void startsWhenEveryUserTaskHasAFormAndEveryFormATask() throws Exception {
        assertThatCode(() -> forms(AWARD_TASKS, awardProcess(xml -> xml)).check())
                .doesNotThrowAnyException();
    }

    @Test
    void refusesAProcessWithAUserTaskThatHasNoForm() throws Exception {
        BpmnModel extra = awardProcess(xml -> xml.replace("<userTask id=\"financeReview\"",
                "<userTask id=\"auditReview\" name=\"审计复核\"></userTask><userTask id=\"financeReview\""));

        assertThatThrownBy(() -> forms(AWARD_TASKS, extra).check())
                .isInstanceOf(TaskForms.FormsMismatchException.class)
                .hasMessageContaining("user task awardApplication/auditReview has no form");
    }

    @Test
    void refusesAFormWhoseTaskWasRenamedInTheModel() throws Exception {
        BpmnModel renamed = awardProcess(xml -> xml.replace("\"cityReview\"", "\"municipalReview\""));

        assertThatThrownBy(() -> forms(AWARD_TASKS, renamed).check())
                .isInstanceOf(TaskForms.FormsMismatchException.class)
                .hasMessageContaining("form awardApplication/cityReview has no user task")
                .hasMessageContaining("user task awardApplication/municipalReview has no form");
    }

    @Test
    void refusesFormsForAProcessThatIsNotDeployed() {
        TaskForms forms = new TaskForms(List.of(process("zoneDesignation", List.of("review"))),
                mock(RepositoryService.class, RETURNS_DEEP_STUBS));

        assertThat(forms.mismatches(Map.of()))
                .containsExactly("forms for process zoneDesignation, which is not deployed");
    }

    @Test
    void refusesTwoFormsForOneTask() {
        assertThatThrownBy(() -> new TaskForms(List.of(process(PROCESS, List.of("countyReview")),
                process(PROCESS, List.of("countyReview"))), mock(RepositoryService.class)))
                .hasMessageContaining("two forms for task awardApplication/countyReview");
    }

    private static TaskForms forms(List<String> taskKeys, BpmnModel deployed) {
        RepositoryService repository = mock(RepositoryService.class, RETURNS_DEEP_STUBS);
        ProcessDefinition definition = mock(ProcessDefinition.class);
        when(definition.getId()).thenReturn(PROCESS + ":1:1");
        when(definition.getKey()).thenReturn(PROCESS);
        when(repository.createProcessDefinitionQuery().latestVersion().list()).thenReturn(List.of(definition));
        when(repository.getBpmnModel(PROCESS + ":1:1")).thenReturn(deployed);
        return new TaskForms(List.of(process(PROCESS, taskKeys)), repository);
    }

    private static ProcessForms process(String key, List<String> taskKeys) {
        return new ProcessForms() {
            @Override
            public String processDefinitionKey() {
                return key;
            }

            @Override
            public List<TaskForm> forms() {
                return taskKeys.stream().map(t -> TaskForm.of(t, TaskForm.APPROVE)).toList();
            }
        };
    }

    private static BpmnModel awardProcess(UnaryOperator<String> edit)
            throws IOException, XMLStreamException {
        String xml = edit.apply(Files.readString(Path.of("bpmn/award-application.bpmn20.xml")));
        return new BpmnXMLConverter().convertToBpmnModel(XMLInputFactory.newInstance()
                .createXMLStreamReader(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "UTF-8"));
    }
}
