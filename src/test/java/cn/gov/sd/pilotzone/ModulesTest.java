package cn.gov.sd.pilotzone;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

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

    /**
     * The dashboard reads what other modules own through their APIs ({@code ExchangeStatus}, {@code AwardFigures},
     * {@code TaskSearch.workload()}), never their tables: it owns no table, so it needs no JDBC at all.
     */
    @Test
    void theDashboardQueriesNoTable() {
        JavaClasses dashboard = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.gov.sd.pilotzone.dashboard");
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..", "java.sql..",
                "javax.sql..").check(dashboard);
    }

    /**
     * A module's store (the class with its SQL: {@code ApplicationStore}, {@code ZoneStore}, …) is its own: other
     * modules go through the module's API, tests of other packages through it or a fixture in the owning package.
     */
    @Test
    void storesArePackagePrivate() {
        JavaClasses hub = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("cn.gov.sd.pilotzone");
        classes().that().haveSimpleNameEndingWith("Store").should().notBePublic().check(hub);
    }

    /** The diagrams and module canvases of docs/modules.md, written to target/spring-modulith-docs. */
    @Test
    void documentsTheModules() {
        new Documenter(MODULES).writeDocumentation();
    }
}
