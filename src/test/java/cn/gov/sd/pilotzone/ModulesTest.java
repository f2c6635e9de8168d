package cn.gov.sd.pilotzone;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The walls between the features (docs/modules.md): each direct sub-package of {@code cn.gov.sd.pilotzone} is a
 * module whose base package is its API. The build fails when a module uses another's internals (a class of one of
 * its sub-packages) or when modules depend on each other in a cycle.
 */
class ModulesTest {

    static final ApplicationModules MODULES = ApplicationModules.of(PilotZoneHubApplication.class);

    @Test
    void modulesUseOnlyEachOthersApiAndFormNoCycle() {
        MODULES.verify();
    }

    /** The diagrams and module canvases of docs/modules.md, written to target/spring-modulith-docs. */
    @Test
    void documentsTheModules() {
        new Documenter(MODULES).writeDocumentation();
    }
}
