package org.caseops.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each rule of {@link ArchitectureTest}, run on the deliberately bad class set in {@code architecture.bad}, fails. */
class ArchitectureRulesCatchViolationsTest {

    static final String BAD = "org.caseops.architecture.bad";
    static JavaClasses bad;

    @BeforeAll
    static void load() {
        bad = new ClassFileImporter().importPackages(BAD);
    }

    private static void fails(ArchRule rule, String expected) {
        assertThatThrownBy(() -> rule.check(bad)).isInstanceOf(AssertionError.class).hasMessageContaining(expected);
    }

    @Test
    void a_docket_class_reaching_up_to_custody_breaks_the_floors() {
        fails(ArchitectureTest.floors(BAD), "UpwardDocket");
    }

    @Test
    void access_and_jurisdiction_importing_each_other_is_a_cycle() {
        fails(ArchitectureTest.noCyclesBetweenFeatures(BAD), "Cycle detected");
    }

    @Test
    void a_public_controller_and_a_class_importing_it_are_refused() {
        var rules = ArchitectureTest.controllersArePrivateToTheirFeature(BAD);
        fails(rules.get(0), "PublicController");
        fails(rules.get(1), "UsesAController");
    }

    @Test
    void a_controller_with_sql_or_its_own_transaction_is_refused() {
        var rules = ArchitectureTest.controllersHoldNoSqlAndNoTransaction(BAD);
        fails(rules.get(0), "ControllerWithSql");
        fails(rules.get(0), "JdbcClient");
        fails(rules.get(0), "DataSource");
        fails(rules.get(1), "TransactionalClassController");
        fails(rules.get(2), "TransactionalController.change()");
    }

    @Test
    void a_legal_rule_with_jdbc_is_refused() {
        fails(ArchitectureTest.pureLegalCore(BAD), "RuleWithSql");
    }

    @Test
    void a_spring_bean_in_the_schedule_core_is_refused() {
        fails(ArchitectureTest.pureScheduleCore(BAD), "SpringSolver");
    }

    @Test
    void audit_and_system_importing_a_feature_are_refused() {
        fails(ArchitectureTest.auditImportsNoFeature(BAD), "AuditReadsDocket");
        fails(ArchitectureTest.systemImportsNoFeature(BAD), "SystemReadsDocket");
    }

    @Test
    void a_feature_reading_another_features_table_is_refused() {
        fails(ArchitectureTest.featuresReadOnlyTheirOwnTables(BAD, java.util.Map.of()), "ReadsOperationTables");
        fails(ArchitectureTest.featuresReadOnlyTheirOwnTables(BAD, java.util.Map.of()), "operation.operation_target");
    }

    @Test
    void a_report_reading_a_table_or_a_view_not_made_for_it_is_refused() {
        fails(ArchitectureTest.reportReadsOnlyViewsMadeForIt(BAD), "ReportReadsTables");
        fails(ArchitectureTest.reportReadsOnlyViewsMadeForIt(BAD), "custody_event");
        fails(ArchitectureTest.reportReadsOnlyViewsMadeForIt(BAD), "report_private_counts");
        fails(ArchitectureTest.floors(BAD), "CustodyUsesTheReport");
        assertThat(Tables.reportReadsBeyondViews(bad.get(
                org.caseops.architecture.bad.report.ReportReadsItsViews.class), BAD)).isEmpty();
    }

    @Test
    void a_view_made_for_the_reader_and_the_catalogue_are_allowed() {
        assertThat(Tables.foreignTables(bad.get(org.caseops.architecture.bad.notice.ReadsAViewAndTheCatalogue.class),
                BAD)).isEmpty();
    }
}
