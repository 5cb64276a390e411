package dk.borgerflow;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BorgerflowApplication.class);

    @Test
    void modulesOnlyUseEachOthersPublicApiAndFormNoCycles() {
        modules.verify();
    }

    /** Reports stand above the cases: only the top floor (web, demo) may use reporting (docs/architecture.md). */
    @Test
    void onlyTheTopFloorDependsOnReporting() {
        java.util.List<String> users = modules.stream()
                .filter(m -> m.getDirectDependencies(modules).containsModuleNamed("reporting"))
                .map(m -> m.getIdentifier().toString()).sorted().toList();
        org.assertj.core.api.Assertions.assertThat(users).isSubsetOf("demo", "web").contains("web");
        org.assertj.core.api.Assertions.assertThat(modules.getModuleByName("reporting")).isPresent();
    }

    @Test
    void writesModuleDiagramsForTheArchitectureDocs() {
        new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
        org.assertj.core.api.Assertions.assertThat(new java.io.File("target/spring-modulith-docs/components.puml"))
                .exists();
    }
}
