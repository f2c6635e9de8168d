package cn.gov.sd.pilotzone.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;

import org.flowable.common.spring.CommonAutoDeploymentProperties;
import org.flowable.engine.ProcessEngine;
import org.flowable.spring.SpringProcessEngineConfiguration;
import org.flowable.spring.boot.EngineConfigurationConfigurer;
import org.flowable.spring.configurator.DefaultAutoDeploymentStrategy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;

/**
 * The hub's processes come from {@code ${hub.home}/bpmn/*.bpmn20.xml} and from nowhere else (docs/security.md). They
 * are deployed once at engine start, as one deployment named {@value #DEPLOYMENT}, each resource under its name
 * relative to bpmn/ ({@code award-application.bpmn20.xml}) rather than the server's absolute path: the resource links
 * of Flowable's REST answers then work (its resource-data endpoint takes no "/" in a name, so not even
 * {@code bpmn/…}), and the same files started from another folder are the same deployment, which duplicate filtering
 * skips instead of creating new process versions. Flowable's own auto-deployment
 * ({@code flowable.check-process-definitions}) is off; a lock keeps two nodes starting together from deploying twice.
 * Any other deployment is refused by {@link DeploymentGuard}.
 */
@Component
class BpmnDeployment extends DefaultAutoDeploymentStrategy
        implements EngineConfigurationConfigurer<SpringProcessEngineConfiguration> {

    static final String DEPLOYMENT = "hub-processes";
    static final String FOLDER = "bpmn";
    private static final String MODE = "hub-bpmn";
    private static final String SUFFIX = ".bpmn20.xml";

    private final Path folder;
    private final DeploymentGuard guard;

    BpmnDeployment(@Value("${hub.home}") Path home, DeploymentGuard guard) {
        super(new CommonAutoDeploymentProperties(true, Duration.ofMinutes(5), true));
        this.folder = home.resolve(FOLDER);
        this.guard = guard;
    }

    @Override
    public void configure(SpringProcessEngineConfiguration engine) {
        engine.setDeploymentName(DEPLOYMENT);
        engine.setDeploymentMode(MODE);
        engine.setDeploymentResources(resources(folder));
        guard.register(engine);
    }

    /** The regular files of bpmn/ ending {@value #SUFFIX}, in name order; a link or folder there is no process. */
    static Resource[] resources(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            Resource[] found = files
                    .filter(f -> f.getFileName().toString().endsWith(SUFFIX))
                    .filter(f -> Files.isRegularFile(f, LinkOption.NOFOLLOW_LINKS))
                    .sorted()
                    .map(FileSystemResource::new)
                    .toArray(Resource[]::new);
            if (found.length == 0) {
                throw new IllegalStateException("no " + SUFFIX + " files in " + folder);
            }
            return found;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the processes in " + folder, e);
        }
    }

    @Override
    protected String getDeploymentMode() {
        return MODE;
    }

    @Override
    protected String determineResourceName(Resource resource) {
        return resource.getFilename();
    }

    @Override
    protected void deployResourcesInternal(String deploymentName, Resource[] resources, ProcessEngine engine) {
        guard.permit(() -> super.deployResourcesInternal(deploymentName, resources, engine));
    }
}
