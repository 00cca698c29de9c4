package org.opencc.routing;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** Keeps routing-core framework-free so any service (or a benchmark) can embed it. */
class RoutingCoreArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter().importPackages("org.opencc.routing");

    @Test
    void routingCoreDependsOnNoFramework() {
        noClasses().that().resideInAPackage("org.opencc.routing..")
                .should().dependOnClassesThat()
                .resideInAnyPackage("jakarta..", "io.quarkus..", "io.smallrye..", "org.hibernate..")
                .check(CLASSES);
    }
}
