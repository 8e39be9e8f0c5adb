package org.caseops.architecture;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which feature owns which table (DESIGN.md: each feature exposes a small public query API; no feature reads
 * another's tables; reports read views made for them), and an ArchUnit condition that reads the SQL a class holds —
 * the string constants of its class file — and reports every table of another feature it names after {@code from},
 * {@code join}, {@code into} or {@code update}.
 */
final class Tables {

    private Tables() {
    }

    /** Each feature's tables, and the views it owns for others to read. */
    static final Map<String, Set<String>> OWNERS = new LinkedHashMap<>();

    static {
        OWNERS.put("docket", Set.of("eoir_case", "proceeding", "court_motion", "appeal", "appeal_fed_court",
                "court_application", "lead_rider", "juvenile_history", "person", "case_index", "case_summary",
                "family_member", "case_event", "case_timeline", "case_note", "quarantine", "import_file", "import_run",
                "import_warning", "docket_change", "demo_data_version"));
        OWNERS.put("legal", Set.of("legal_hold", "stay", "protection", "screening", "case_verdict",
                "attorney_determination", "departure_deadline", "legal_record_change", "stay_request",
                "departure_bond"));
        OWNERS.put("access", Set.of("app_user", "access_token", "partner_agency", "sharing_agreement"));
        OWNERS.put("jurisdiction", Set.of("cooperation_policy", "reference_data_version", "reference_file",
                "court_mapping_edit"));
        OWNERS.put("audit", Set.of("audit_entry", "audit_head", "audit_chain", "audit_pending", "audit_checkpoint",
                "audit_verification"));
        OWNERS.put("notice", Set.of("call_in_response", "letter_batch", "letter", "letter_member", "report_capacity",
                "appointment_slot", "appointment"));
        OWNERS.put("supervision", Set.of("supervision", "supervision_condition", "condition_review",
                "supervision_check_in", "supervision_missed", "voluntary_departure", "supervision_device",
                "supervision_level_review"));
        OWNERS.put("operation", Set.of("operation", "operation_event", "operation_member", "operation_target",
                "operation_plan", "operation_roster", "operation_team", "team_shift", "staging_site", "plan_visit",
                "care_arrangement", "protected_area_kind", "protected_area_policy", "protected_area_flag",
                "protected_area_approval", "notification_policy", "operation_notification", "plan_run"));
        OWNERS.put("encounter", Set.of("encounter", "parental_screening", "screening_child", "encounter_visit_key"));
        OWNERS.put("custody", Set.of("custody_status", "custody_event", "custody_transition", "minor_caregiver",
                "release_condition", "removal", "removal_member"));
        OWNERS.put("task", Set.of("task", "task_event"));
        OWNERS.put("worksite", Set.of("employer", "employer_site", "employer_history", "worksite_event",
                "nomination_policy", "nomination", "i9_penalty_schedule", "i9_penalty_band", "i9_inspection",
                "i9_form", "i9_finding", "i9_notice", "i9_fine", "i9_fine_factor", "i9_correction", "worksite_action",
                "worksite_action_site", "worksite_detainee", "worksite_child", "worksite_child_parent"));
    }

    /**
     * Views made for other features to read (V56, V58, V59, V66), by the feature whose tables they read and which keeps them true:
     * any feature may read them.
     */
    static final Map<String, String> VIEWS_FOR_READERS = Map.ofEntries(
            Map.entry("report_operation_target", "operation"), Map.entry("report_custody_move", "custody"), Map.entry("report_family_office", "docket"),
            Map.entry("person_reference", "docket"), Map.entry("staging_limit", "operation"),
            Map.entry("case_court", "docket"),
            // V66: the docket as the legal gate's fact reader and the screening read it
            Map.entry("gate_person", "docket"), Map.entry("gate_case", "docket"),
            Map.entry("gate_proceeding", "docket"), Map.entry("gate_appeal", "docket"),
            Map.entry("gate_motion", "docket"), Map.entry("gate_application", "docket"),
            Map.entry("gate_petition", "docket"), Map.entry("gate_lead_rider", "docket"),
            Map.entry("gate_data_release", "docket"), Map.entry("screening_case", "docket"),
            // V84: the docket's change log as the screening reads it
            Map.entry("gate_change", "docket"),
            // V120: the counts each feature publishes for the public statistics (report.PublicStatistics)
            Map.entry("report_stat_notice", "notice"), Map.entry("report_stat_operation", "operation"),
            Map.entry("report_stat_encounter", "encounter"), Map.entry("report_stat_custody", "custody"),
            Map.entry("report_stat_worksite", "worksite"), Map.entry("report_operation_name", "operation"),
            // V126: removals and voluntary departures from their own records
            Map.entry("report_stat_removal", "custody"), Map.entry("report_stat_voluntary_departure", "supervision"),
            // V127: the same records as the operation funnel reads them
            Map.entry("report_removal_departure", "custody"), Map.entry("report_voluntary_departure", "supervision"),
            // V148: the monthly report (report.MonthlyReports)
            Map.entry("report_custody_entry", "custody"), Map.entry("report_custody_clock", "custody"),
            Map.entry("report_collateral_encounter", "encounter"), Map.entry("report_access_outside_office", "audit"),
            Map.entry("report_operation_window", "operation"));

    /**
     * The reference catalogue: field offices, courts, base cities and EOIR's codes. The jurisdiction feature loads
     * it; every feature reads it as it reads a code list (it describes the world, not a case).
     */
    static final Set<String> CATALOGUE = Set.of("field_office", "field_office_area", "hearing_location",
            "base_city", "eoir_code", "decision_code");

    /**
     * Reads of another feature's tables not yet moved behind the owner's query API or a view: class (simple name)
     * → the tables it still reads. This list only shrinks: {@code ArchitectureTest} fails on a read not listed here,
     * and on an entry that is no longer read. Empty: the legal gate's facts ({@code DocketFacts}) and the screening
     * read the docket through views made for them (V66), and the reference-data loader asks the docket's own function
     * to move cases to the field office their court now maps to (V67).
     */
    static final Map<String, Set<String>> NOT_YET_MOVED = Map.of();

    private static final Pattern SQL_NAME = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|truncate)\\s+([a-z_][a-z0-9_]*)");

    /** The feature of a class below {@code root}: the package segment after it, or null. */
    static String featureOf(JavaClass c, String root) {
        String pkg = c.getPackageName();
        if (!pkg.startsWith(root + ".")) {
            return null;
        }
        String rest = pkg.substring(root.length() + 1);
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    static String ownerOf(String table) {
        return OWNERS.entrySet().stream().filter(e -> e.getValue().contains(table)).map(Map.Entry::getKey)
                .findFirst().orElse(null);
    }

    /** Tables of other features that the class names in its SQL (its string constants). */
    static Set<String> foreignTables(JavaClass c, String root) {
        String feature = featureOf(c, root);
        Set<String> out = new TreeSet<>();
        if (feature == null) {
            return out;
        }
        for (String text : constants(c)) {
            Matcher m = SQL_NAME.matcher(text);
            while (m.find()) {
                String table = m.group(1).toLowerCase(java.util.Locale.ROOT);
                String owner = ownerOf(table);
                if (owner != null && !owner.equals(feature) && !CATALOGUE.contains(table)) {
                    out.add(table);
                }
            }
        }
        return out;
    }

    /** The rule: classes below {@code root} name no other feature's table, except the reads not yet moved. */
    static ArchCondition<JavaClass> readOnlyTheirFeaturesTables(String root, Map<String, Set<String>> notYetMoved) {
        return new ArchCondition<>("read only their own feature's tables, the catalogue, and views made for them") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Set<String> foreign = foreignTables(c, root);
                Set<String> allowed = notYetMoved.getOrDefault(topLevelName(c), Set.of());
                foreign.removeAll(allowed);
                if (!foreign.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " (" + featureOf(c, root)
                            + ") reads " + foreign.stream().map(t -> ownerOf(t) + "." + t).toList()
                            + ": use the owning feature's public query methods or a view made for it"));
                }
            }
        };
    }

    /**
     * What the report feature names in its SQL beyond the views made for readers and the catalogue: any feature's
     * table, and any other name with an underscore (a view nobody registered as made for readers, with its owner).
     * DESIGN: the report reads other features only through their public query methods or views made for it.
     */
    static Set<String> reportReadsBeyondViews(JavaClass c, String root) {
        Set<String> out = new TreeSet<>();
        if (!"report".equals(featureOf(c, root))) {
            return out;
        }
        for (String text : constants(c)) {
            Matcher m = SQL_NAME.matcher(text);
            while (m.find()) {
                String name = m.group(1).toLowerCase(java.util.Locale.ROOT);
                if ((ownerOf(name) != null || name.contains("_")) && !VIEWS_FOR_READERS.containsKey(name)
                        && !CATALOGUE.contains(name)) {
                    out.add(name);
                }
            }
        }
        return out;
    }

    static ArchCondition<JavaClass> readOnlyViewsMadeForReaders(String root) {
        return new ArchCondition<>("read only views made for readers and the catalogue") {
            @Override
            public void check(JavaClass c, ConditionEvents events) {
                Set<String> beyond = reportReadsBeyondViews(c, root);
                if (!beyond.isEmpty()) {
                    events.add(SimpleConditionEvent.violated(c, c.getName() + " (report) reads " + beyond
                            + ": the report reads views made for it (Tables.VIEWS_FOR_READERS, with their owner)"));
                }
            }
        };
    }

    /** The simple name of the class, or of the class it is nested in. */
    static String topLevelName(JavaClass c) {
        return c.getName().substring(c.getPackageName().length() + 1).replaceAll("\\$.*", "");
    }

    /** The string constants of the class file: the text of every CONSTANT_Utf8 entry of its constant pool. */
    static List<String> constants(JavaClass c) {
        try (InputStream in = c.getSource().orElseThrow().getUri().toURL().openStream()) {
            return constantPoolTexts(in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the class file of " + c.getName(), e);
        }
    }

    static List<String> constantPoolTexts(InputStream raw) throws IOException {
        DataInputStream in = new DataInputStream(new BufferedInputStream(raw));
        if (in.readInt() != 0xCAFEBABE) {
            throw new IOException("not a class file");
        }
        in.readUnsignedShort();
        in.readUnsignedShort();
        int count = in.readUnsignedShort();
        List<String> texts = new ArrayList<>();
        for (int i = 1; i < count; i++) {
            int tag = in.readUnsignedByte();
            switch (tag) {
                case 1 -> texts.add(in.readUTF());
                case 3, 4 -> in.skipNBytes(4);
                case 5, 6 -> {
                    in.skipNBytes(8);
                    i++;
                }
                case 7, 8, 16, 19, 20 -> in.skipNBytes(2);
                case 9, 10, 11, 12, 17, 18 -> in.skipNBytes(4);
                case 15 -> in.skipNBytes(3);
                default -> throw new IOException("unknown constant pool tag " + tag);
            }
        }
        return texts;
    }
}
