package org.creatorarchiver.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module boundaries of docs/ARCHITECTURE.md, checked on the compiled production classes of every module: a
 * worker never depends on another process, {@code common} depends on no process, and each status column has one
 * writer ({@link StatusColumnWriters}).
 */
class ArchitectureTest {

    private static final String[] PROCESS_PACKAGES = {
        "org.creatorarchiver.phase1..",
        "org.creatorarchiver.phase2..",
        "org.creatorarchiver.phase3..",
        "org.creatorarchiver.phase4..",
        "org.creatorarchiver.orchestrator..",
        "org.creatorarchiver.allinone.."
    };

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("org.creatorarchiver");
    }

    @Test
    void workersNeverDependOnOneAnother() {
        slices().matching("org.creatorarchiver.(phase*)..")
                .should()
                .notDependOnEachOther()
                .check(production);
    }

    @Test
    void workersAndOrchestratorMeetOnlyInCommon() {
        noClasses()
                .that()
                .resideInAnyPackage(
                        "org.creatorarchiver.phase1..",
                        "org.creatorarchiver.phase2..",
                        "org.creatorarchiver.phase3..",
                        "org.creatorarchiver.phase4..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.creatorarchiver.orchestrator..", "org.creatorarchiver.allinone..")
                .check(production);
        noClasses()
                .that()
                .resideInAPackage("org.creatorarchiver.orchestrator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "org.creatorarchiver.phase1..",
                        "org.creatorarchiver.phase2..",
                        "org.creatorarchiver.phase3..",
                        "org.creatorarchiver.phase4..",
                        "org.creatorarchiver.allinone..")
                .check(production);
    }

    @Test
    void commonDependsOnNoProcessModule() {
        noClasses()
                .that()
                .resideOutsideOfPackages(PROCESS_PACKAGES)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(PROCESS_PACKAGES)
                .check(production);
    }

    @Test
    void onlyTheStateOwnersWriteTheStatusColumns() {
        StatusColumnWriters.onlyOwnersWriteStatusColumns().check(production);
    }

    @Test
    void aStatusWriteOutsideItsOwnerIsCaughtAndAStatusReadIsNot() {
        JavaClasses rogue = new ClassFileImporter().importClasses(RogueStatusWriter.class);
        EvaluationResult result =
                StatusColumnWriters.onlyOwnersWriteStatusColumns().evaluate(rogue);
        assertThat(result.getFailureReport().getDetails())
                .singleElement()
                .asString()
                .contains("RogueStatusWriter.failEveryVideo", "Videos.STATUS", "VideoStates");
    }

    @Test
    void theImportSawEveryModule() {
        // A rule over an empty or partial import passes vacuously; this keeps the rules above honest.
        for (String module : new String[] {
            "org.creatorarchiver.phase1.Phase1WorkerMain",
            "org.creatorarchiver.phase2.Phase2WorkerMain",
            "org.creatorarchiver.phase3.Phase3WorkerMain",
            "org.creatorarchiver.phase4.Phase4WorkerMain",
            "org.creatorarchiver.orchestrator.OrchestratorMain",
            "org.creatorarchiver.allinone.RunCommand",
            "org.creatorarchiver.queue.JobRunner"
        }) {
            assertThat(production.contain(module)).as(module).isTrue();
        }
    }
}
