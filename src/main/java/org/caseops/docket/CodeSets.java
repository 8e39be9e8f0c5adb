package org.caseops.docket;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The EOIR lookup codes an import checks values against, read once per import. */
final class CodeSets {

    private final Map<String, Set<String>> byTable;
    private final Set<String> decisions;

    private CodeSets(Map<String, Set<String>> byTable, Set<String> decisions) {
        this.byTable = byTable;
        this.decisions = decisions;
    }

    static CodeSets load(JdbcClient jdbc) {
        Map<String, Set<String>> byTable = new HashMap<>();
        jdbc.sql("select code_table, code from eoir_code").query((rs, n) -> {
            byTable.computeIfAbsent(rs.getString(1), k -> new HashSet<>()).add(rs.getString(2));
            return null;
        }).list();
        byTable.put("base_city", new HashSet<>(jdbc.sql("select code from base_city").query(String.class).list()));
        byTable.put("hearing_location",
                new HashSet<>(jdbc.sql("select code from hearing_location").query(String.class).list()));
        Set<String> decisions = new HashSet<>(jdbc.sql("select distinct case_type || '|' || dec_code from decision_code")
                .query(String.class).list());
        return new CodeSets(byTable, decisions);
    }

    boolean empty() {
        return decisions.isEmpty() || byTable.getOrDefault("nationality", Set.of()).isEmpty();
    }

    boolean contains(String codeTable, String code) {
        return byTable.getOrDefault(codeTable, Set.of()).contains(code);
    }

    boolean decision(String caseType, String decCode) {
        return decisions.contains(caseType + "|" + decCode);
    }
}
