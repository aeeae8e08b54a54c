package io.rekindle.e2e;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * The module graph the README promises, checked on the compiled classes: the platform holds no service's code and no
 * persistent domain type, and no service uses another service's code (they talk over HTTP, through their contracts).
 */
class ArchitectureTest {

    private static final List<String> SERVICES = FourServices.NAMES;

    private static JavaClasses classes() {
        Path root = ServiceProcess.root();
        return new ClassFileImporter().importPaths(root.resolve("platform/target/classes"),
                root.resolve("segment-service/target/classes"), root.resolve("scenario-service/target/classes"),
                root.resolve("messaging-service/target/classes"), root.resolve("survey-service/target/classes"));
    }

    @Test
    void thePlatformDependsOnNoServiceAndHoldsNoEntity() {
        JavaClasses classes = classes();
        noClasses().that().resideInAPackage("io.rekindle.platform..")
                .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream()
                        .map(s -> "io.rekindle." + s + "..").toArray(String[]::new))
                .check(classes);
        // How Hibernate reads and writes JSON columns (StoredJson) is shared infrastructure; entities, their
        // mappings and repositories are not.
        noClasses().that().resideInAPackage("io.rekindle.platform..")
                .should().dependOnClassesThat().resideInAnyPackage("jakarta.persistence..",
                        "io.quarkus.hibernate.orm.panache..", "org.hibernate.annotations..")
                .because("domain types and their persistence belong to the service that owns them")
                .check(classes);
    }

    @Test
    void noServiceUsesAnotherServicesCode() {
        JavaClasses classes = classes();
        for (String service : SERVICES) {
            noClasses().that().resideInAPackage("io.rekindle." + service + "..")
                    .should().dependOnClassesThat().resideInAnyPackage(SERVICES.stream().filter(s -> !s.equals(service))
                            .map(s -> "io.rekindle." + s + "..").toArray(String[]::new))
                    .check(classes);
        }
    }
}
