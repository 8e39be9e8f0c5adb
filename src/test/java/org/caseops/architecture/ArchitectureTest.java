package org.caseops.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dependency rules of DESIGN.md: features depend downwards only; cli and system stay at the edges. */
class ArchitectureTest {

    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.caseops");
    }

    @Test
    void features_depend_only_downwards_along_the_flow_of_a_case() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("base").definedBy("org.caseops.jurisdiction..", "org.caseops.audit..", "org.caseops.access..",
                        "org.caseops.task..")
                .layer("docket").definedBy("org.caseops.docket..")
                .layer("legal").definedBy("org.caseops.legal..")
                .layer("planning").definedBy("org.caseops.notice..", "org.caseops.supervision..",
                        "org.caseops.operation..", "org.caseops.worksite..")
                .layer("field").definedBy("org.caseops.encounter..", "org.caseops.custody..")
                .layer("report").definedBy("org.caseops.report..")
                .layer("cli").definedBy("org.caseops.cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("field").mayOnlyBeAccessedByLayers("report", "cli")
                .whereLayer("planning").mayOnlyBeAccessedByLayers("field", "report", "cli")
                .whereLayer("legal").mayOnlyBeAccessedByLayers("planning", "field", "report", "cli")
                .whereLayer("docket").mayOnlyBeAccessedByLayers("legal", "planning", "field", "report", "cli")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void system_infrastructure_imports_no_feature() {
        noClasses().that().resideInAPackage("org.caseops.system..")
                .should().dependOnClassesThat().resideInAnyPackage("org.caseops.docket..", "org.caseops.legal..",
                        "org.caseops.jurisdiction..", "org.caseops.audit..", "org.caseops.cli..")
                .check(classes);
    }

    @Test
    void audit_depends_on_no_other_feature() {
        noClasses().that().resideInAPackage("org.caseops.audit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.caseops.jurisdiction..",
                        "org.caseops.access..", "org.caseops.task..", "org.caseops.docket..", "org.caseops.legal..",
                        "org.caseops.notice..", "org.caseops.supervision..", "org.caseops.operation..",
                        "org.caseops.worksite..", "org.caseops.encounter..", "org.caseops.custody..",
                        "org.caseops.report..", "org.caseops.cli..")
                .check(classes);
    }

    @Test
    void the_pure_legal_core_uses_no_spring_jdbc_or_other_feature() {
        noClasses().that().resideInAPackage("org.caseops.legal.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.caseops.docket..", "org.caseops.jurisdiction..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void the_schedule_solver_takes_plain_records_and_uses_no_spring_jdbc_or_other_feature() {
        noClasses().that().resideInAPackage("org.caseops.operation.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.caseops.docket..", "org.caseops.legal..", "org.caseops.access..",
                        "org.caseops.jurisdiction..", "org.caseops.system..")
                .check(classes);
        noClasses().that().resideInAPackage("org.caseops.operation.schedule..")
                .should().dependOnClassesThat().resideInAPackage("org.caseops.operation")
                .check(classes);
    }
}
