package org.twincatalog.node.architecture;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import org.junit.jupiter.api.Test;

/**
 * No package of the project's main code depends on itself through other packages: dependencies
 * between packages point one way, so that each package can be read, tested and moved knowing only
 * what is below it (docs/architecture.md). Checked on the compiled classes of every module (the
 * node's classpath holds them all), so a cycle made by a method call or a fully qualified name is
 * caught as well as one made by an import. The one exception is a feature that spans two packages
 * and says so: the access-control library and its audit log ({@code access} and {@code
 * access.audit}).
 */
class PackageCyclesTest {
    private static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(PackageCyclesTest::mainCode)
            .importPackages("org.twincatalog");

    @Test
    void noPackageDependsOnItselfThroughOthers() {
        slices().matching("org.twincatalog.(**)")
                .should()
                .beFreeOfCycles()
                .ignoreDependency(
                        com.tngtech.archunit.base.DescribedPredicate.describe(
                                "the access-control library",
                                c -> c.getPackageName().equals("org.twincatalog.access")),
                        com.tngtech.archunit.base.DescribedPredicate.describe(
                                "its audit log", c -> c.getPackageName().equals("org.twincatalog.access.audit")))
                .check(MAIN);
    }

    /** The project's main classes: not test jars, not the code generated from the contract. */
    private static boolean mainCode(Location location) {
        String where = location.toString();
        return !where.contains("-tests.jar")
                && !where.contains("/test-classes/")
                && !where.contains("twin-catalog-openapi");
    }
}
