package cn.gov.sd.pilotzone.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import cn.gov.sd.pilotzone.HubIntegrationTest;

import org.flowable.engine.ProcessEngine;
import org.flowable.engine.RepositoryService;
import org.flowable.engine.repository.Deployment;
import org.flowable.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;

/** Where the processes come from: bpmn/ only, under relative names, once however many folders start them. */
@HubIntegrationTest
class BpmnDeploymentIT {

    @Autowired
    RepositoryService repository;

    @Autowired
    ProcessEngine engine;

    @Autowired
    BpmnDeployment deployment;

    @Value("${hub.home}")
    Path home;

    @Test
    void everyProcessOfBpmnIsDeployedUnderItsRelativeName() throws Exception {
        Deployment latest = latestHubDeployment();
        List<String> files;
        try (Stream<Path> bpmn = Files.list(home.resolve("bpmn"))) {
            files = bpmn.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".bpmn20.xml")).sorted().toList();
        }

        // besides the files, the engine's own diagram images (<file>.<process>.png)
        assertThat(repository.getDeploymentResourceNames(latest.getId())).filteredOn(n -> n.endsWith(".bpmn20.xml"))
                .containsExactlyInAnyOrderElementsOf(files);
        assertThat(repository.createProcessDefinitionQuery().latestVersion().list())
                .extracting(ProcessDefinition::getResourceName)
                .allSatisfy(name -> assertThat(name).endsWith(".bpmn20.xml").doesNotContain("/"));
    }

    /** As if the hub were started with --hub.home elsewhere: the same files, another absolute path. */
    @Test
    void theSameFilesFromAnotherFolderCreateNoNewVersions(@TempDir Path otherHome) throws Exception {
        Path copy = Files.createDirectories(otherHome.resolve("bpmn"));
        try (Stream<Path> bpmn = Files.list(home.resolve("bpmn"))) {
            for (Path p : bpmn.toList()) {
                Files.copy(p, copy.resolve(p.getFileName()));
            }
        }
        long definitions = repository.createProcessDefinitionQuery().count();
        long deployments = repository.createDeploymentQuery().count();

        deployment.deployResources(BpmnDeployment.DEPLOYMENT, BpmnDeployment.resources(copy), engine);

        assertThat(repository.createProcessDefinitionQuery().count()).isEqualTo(definitions);
        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
    }

    /** Not only through the REST API: the engine itself refuses any deployment but the hub's own of bpmn/. */
    @Test
    void theEngineRefusesAnyOtherDeployment() {
        long deployments = repository.createDeploymentQuery().count();
        String bpmn = """
                <?xml version="1.0" encoding="UTF-8"?>
                <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                             targetNamespace="http://example.org/attack">
                  <process id="attack" isExecutable="true">
                    <startEvent id="s"/>
                    <sequenceFlow id="f" sourceRef="s" targetRef="e"/>
                    <endEvent id="e"/>
                  </process>
                </definitions>
                """;

        assertThatThrownBy(() -> repository.createDeployment().name(BpmnDeployment.DEPLOYMENT)
                .addString("attack.bpmn20.xml", bpmn).deploy())
                .hasMessageContaining(DeploymentGuard.REFUSAL);

        assertThat(repository.createDeploymentQuery().count()).isEqualTo(deployments);
        assertThat(repository.createProcessDefinitionQuery().processDefinitionKey("attack").count()).isZero();
    }

    private Deployment latestHubDeployment() {
        return repository.createDeploymentQuery().deploymentName(BpmnDeployment.DEPLOYMENT)
                .orderByDeploymentTime().desc().listPage(0, 1).get(0);
    }
}
