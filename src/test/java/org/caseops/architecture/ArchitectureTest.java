package org.caseops.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static org.assertj.core.api.Assertions.assertThat;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noMethods;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.RestController;

/**
 * The dependency rules of DESIGN.md, floor by floor: features depend downwards only; no cycles between packages;
 * controllers are package-private, nobody imports them, and they hold no SQL and no transaction; the pure cores use no Spring and no JDBC; cli and system
 * stay at the edges; no feature reads another's tables. {@link ArchitectureRulesCatchViolationsTest} shows each rule failing on a deliberately bad class
 * set, so none of them passes vacuously.
 */
class ArchitectureTest {

    static final String ROOT = "org.caseops";
    static JavaClasses classes;

    @BeforeAll
    static void load() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /**
     * DESIGN.md's floors, lowest first: audit (imports no feature), access (who may do what), jurisdiction, task, then
     * the flow of a case: docket, legal, the planning features, the field, report, and cli on top.
     */
    static ArchRule floors(String root) {
        return layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("audit").definedBy(root + ".audit..")
                .layer("access").definedBy(root + ".access..")
                .layer("jurisdiction").definedBy(root + ".jurisdiction..")
                .layer("task").definedBy(root + ".task..")
                .layer("docket").definedBy(root + ".docket..")
                .layer("legal").definedBy(root + ".legal..")
                .layer("planning").definedBy(root + ".notice..", root + ".supervision..", root + ".operation..",
                        root + ".worksite..")
                .layer("field").definedBy(root + ".encounter..", root + ".custody..")
                .layer("report").definedBy(root + ".report..")
                .layer("cli").definedBy(root + ".cli..")
                .whereLayer("cli").mayNotBeAccessedByAnyLayer()
                .whereLayer("report").mayOnlyBeAccessedByLayers("cli")
                .whereLayer("field").mayOnlyBeAccessedByLayers("report", "cli")
                .whereLayer("planning").mayOnlyBeAccessedByLayers("field", "report", "cli")
                .whereLayer("legal").mayOnlyBeAccessedByLayers("planning", "field", "report", "cli")
                .whereLayer("docket").mayOnlyBeAccessedByLayers("legal", "planning", "field", "report", "cli")
                .whereLayer("task").mayOnlyBeAccessedByLayers("docket", "legal", "planning", "field", "report", "cli")
                .whereLayer("jurisdiction").mayOnlyBeAccessedByLayers("task", "docket", "legal", "planning", "field",
                        "report", "cli")
                .whereLayer("access").mayOnlyBeAccessedByLayers("jurisdiction", "task", "docket", "legal",
                        "planning", "field", "report", "cli")
                .allowEmptyShould(true);
    }

    static ArchRule noCyclesBetweenFeatures(String root) {
        return slices().matching(root + ".(*)..").should().beFreeOfCycles().allowEmptyShould(true);
    }

    static List<ArchRule> controllersArePrivateToTheirFeature(String root) {
        return List.of(
                classes().that().resideInAPackage(root + "..").and().areAnnotatedWith(RestController.class)
                        .or().areAnnotatedWith(Controller.class)
                        .should().notBePublic().allowEmptyShould(true),
                noClasses().that().resideInAPackage(root + "..")
                        .should().dependOnClassesThat(resideInAPackage(root + "..")
                                .and(annotatedWith(RestController.class).or(annotatedWith(Controller.class))))
                        .allowEmptyShould(true));
    }

    /**
     * Controllers parse, authorize, call one service method and map the answer (DESIGN.md): no SQL, no JDBC type, no
     * transaction of their own. Rule 0: no dependency on JDBC (Spring's JdbcClient/JdbcTemplate, DataSource,
     * Connection) or on a TransactionTemplate; rule 1: no {@code @Transactional} on the class; rule 2: none on a
     * method.
     */
    static List<ArchRule> controllersHoldNoSqlAndNoTransaction(String root) {
        DescribedPredicate<JavaClass> controller = DescribedPredicate.<JavaClass>describe("controllers",
                c -> c.isAnnotatedWith(RestController.class) || c.isAnnotatedWith(Controller.class));
        return List.of(
                noClasses().that().resideInAPackage(root + "..").and(controller)
                        .should().dependOnClassesThat().resideInAnyPackage("org.springframework.jdbc..",
                                "java.sql..", "javax.sql..")
                        .orShould().dependOnClassesThat().areAssignableTo(TransactionTemplate.class)
                        .because("SQL and transactions live in services").allowEmptyShould(true),
                noClasses().that().resideInAPackage(root + "..").and(controller)
                        .should().beAnnotatedWith(Transactional.class)
                        .orShould().beAnnotatedWith("jakarta.transaction.Transactional")
                        .because("a use case's transaction is its service's").allowEmptyShould(true),
                noMethods().that().areDeclaredInClassesThat(resideInAPackage(root + "..").and(controller))
                        .should().beAnnotatedWith(Transactional.class)
                        .orShould().beAnnotatedWith("jakarta.transaction.Transactional")
                        .because("a use case's transaction is its service's").allowEmptyShould(true));
    }

    static ArchRule pureLegalCore(String root) {
        return noClasses().that().resideInAPackage(root + ".legal.rules..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", root + ".docket..", root + ".jurisdiction..", root + ".access..",
                        root + ".audit..", root + ".system..")
                .allowEmptyShould(true);
    }

    static ArchRule pureScheduleCore(String root) {
        return noClasses().that().resideInAPackage(root + ".operation.schedule..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", root + ".docket..", root + ".legal..", root + ".access..",
                        root + ".jurisdiction..", root + ".system..")
                .orShould().dependOnClassesThat().resideInAPackage(root + ".operation")
                .allowEmptyShould(true);
    }

    static ArchRule auditImportsNoFeature(String root) {
        return noClasses().that().resideInAPackage(root + ".audit..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".jurisdiction..", root + ".access..",
                        root + ".task..", root + ".docket..", root + ".legal..", root + ".notice..",
                        root + ".supervision..", root + ".operation..", root + ".worksite..", root + ".encounter..",
                        root + ".custody..", root + ".report..", root + ".cli..")
                .allowEmptyShould(true);
    }

    static ArchRule systemImportsNoFeature(String root) {
        return noClasses().that().resideInAPackage(root + ".system..")
                .should().dependOnClassesThat().resideInAnyPackage(root + ".docket..", root + ".legal..",
                        root + ".jurisdiction..", root + ".audit..", root + ".cli..", root + ".task..",
                        root + ".operation..", root + ".encounter..", root + ".custody..", root + ".notice..")
                .allowEmptyShould(true);
    }

    /**
     * No feature names another feature's table in its SQL: it calls the owner's public query methods, or reads a view
     * made for it; the reference catalogue is read by all ({@link Tables}).
     */
    static ArchRule featuresReadOnlyTheirOwnTables(String root, Map<String, Set<String>> notYetMoved) {
        return classes().that().resideInAPackage(root + "..")
                .should(Tables.readOnlyTheirFeaturesTables(root, notYetMoved)).allowEmptyShould(true);
    }

    /** The report, at the top of the house, reads no table at all: only the views features make for it. */
    static ArchRule reportReadsOnlyViewsMadeForIt(String root) {
        return classes().that().resideInAPackage(root + ".report..")
                .should(Tables.readOnlyViewsMadeForReaders(root)).allowEmptyShould(true);
    }

    @Test
    void the_report_reads_only_views_made_for_it() {
        reportReadsOnlyViewsMadeForIt(ROOT).check(classes);
    }

    @Test
    void features_read_only_their_own_tables_and_the_views_made_for_them() {
        featuresReadOnlyTheirOwnTables(ROOT, Tables.NOT_YET_MOVED).check(classes);
    }

    /** The reads not yet moved are real: an entry whose class no longer reads the table must leave the list. */
    @Test
    void the_list_of_reads_not_yet_moved_only_shrinks() {
        Map<String, Set<String>> actual = new TreeMap<>();
        for (JavaClass c : classes) {
            Set<String> foreign = Tables.foreignTables(c, ROOT);
            if (!foreign.isEmpty()) {
                actual.computeIfAbsent(Tables.topLevelName(c), k -> new TreeSet<>()).addAll(foreign);
            }
        }
        Tables.NOT_YET_MOVED.forEach((name, tables) -> assertThat(actual.getOrDefault(name, Set.of()))
                .as(name + " no longer reads some of " + tables + ": take them off Tables.NOT_YET_MOVED")
                .containsAll(tables));
    }

    @Test
    void features_depend_only_downwards_floor_by_floor() {
        floors(ROOT).check(classes);
    }

    @Test
    void no_cycles_between_feature_packages() {
        noCyclesBetweenFeatures(ROOT).check(classes);
    }

    @Test
    void controllers_are_package_private_and_imported_by_nobody() {
        controllersArePrivateToTheirFeature(ROOT).forEach(rule -> rule.check(classes));
    }

    @Test
    void controllers_run_no_sql_and_open_no_transaction() {
        controllersHoldNoSqlAndNoTransaction(ROOT).forEach(rule -> rule.check(classes));
    }

    @Test
    void system_infrastructure_imports_no_feature() {
        systemImportsNoFeature(ROOT).check(classes);
    }

    @Test
    void audit_depends_on_no_other_feature() {
        auditImportsNoFeature(ROOT).check(classes);
    }

    @Test
    void the_pure_legal_core_uses_no_spring_jdbc_or_other_feature() {
        pureLegalCore(ROOT).check(classes);
    }

    @Test
    void the_schedule_solver_takes_plain_records_and_uses_no_spring_jdbc_or_other_feature() {
        pureScheduleCore(ROOT).check(classes);
    }
}
