package org.caseops.legal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.HomePanel;
import org.caseops.access.PageLayout;
import org.caseops.access.Role;
import org.caseops.docket.Docket;
import org.caseops.legal.rules.CaseFacts;
import org.caseops.legal.rules.Finding;
import org.caseops.legal.rules.Rule;
import org.caseops.legal.rules.Verdict;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Counsel's start page: the verdicts waiting for attorney review in counsel's field office — cases the gate blocks
 * because the record needs an attorney's reading ("unknown code X in DEC_CODE: attorney review", a granted motion
 * whose meaning for the order is open, ...; docs/legal-rules.md), each linking to the person. The gate has no verdict
 * of its own for these (they are {@code NOT_EXECUTABLE}, a standing finding saying "attorney review"), and a screening
 * stores only the deciding rules, so the panel takes the candidates from the latest screening of the office on or
 * before the working date — the cases blocked by a rule that can call for review — and judges them again as of the
 * working date, their facts read in one pass ({@link DocketFacts#ofPeople}), keeping those with such a finding.
 */
@Component
class AttorneyReviewHome implements HomePanel {

    static final int SHOWN = 8;
    /** At most this many candidates are judged again per page view; the panel says so when there are more. */
    static final int CANDIDATES = 2000;
    /** The rules whose findings can call for attorney review (Executability, CaseReading). */
    static final List<String> REVIEW_RULES = List.of(Rule.REMOVAL_ORDER.name(), Rule.WITHHOLDING_OR_CAT.name(),
            Rule.MOTION_REOPENED.name(), Rule.APPEAL_TYPE.name(), Rule.APPEAL_PENDING.name(),
            Rule.PETITION_FOR_REVIEW.name(), Rule.FAMILY_FILING.name(), Rule.BIA_DECISION.name());
    static final String REVIEW = "attorney review";

    private final JdbcClient jdbc;
    private final DocketFacts facts;
    private final LegalGate gate;
    private final Docket docket;
    private final Access access;

    AttorneyReviewHome(JdbcClient jdbc, DocketFacts facts, LegalGate gate, Docket docket, Access access) {
        this.access = access;
        this.jdbc = jdbc;
        this.facts = facts;
        this.gate = gate;
        this.docket = docket;
    }

    @Override
    public Optional<Panel> panel(Actor actor, LocalDate workingDate) {
        if (!actor.is(Role.ATTORNEY) || actor.fieldOffice() == null) {
            return Optional.empty();
        }
        String office = actor.fieldOffice();
        LocalDate screened = jdbc.sql("select max(as_of) from case_verdict where field_office_code = ? and as_of <= ?")
                .params(office, workingDate).query(LocalDate.class).optional().orElse(null);
        String title = "Verdicts waiting for attorney review (" + office + ")";
        if (screened == null) {
            return Optional.of(new Panel(3, "attorney-review", title, List.of(), List.of(),
                    "No screening of field office " + office + " on or before " + workingDate + " yet: the cases "
                    + "to review come from one. Run a screening.", "/screenings", "Screenings"));
        }
        List<Long> candidates = jdbc.sql("""
                select idncase from case_verdict where as_of = ? and field_office_code = ? and status = 'NOT_EXECUTABLE'
                  and reasons && ?::text[] order by idncase limit ?""")
                .params(screened, office, REVIEW_RULES.toArray(String[]::new), CANDIDATES + 1)
                .query(Long.class).list();
        boolean more = candidates.size() > CANDIDATES;
        Map<Long, Docket.CasePerson> people = docket.peopleOfCases(more ? candidates.subList(0, CANDIDATES)
                : candidates);
        Map<Long, CaseFacts> all = facts.ofPeople(people.values().stream().map(Docket.CasePerson::personId).toList());
        List<Item> items = new ArrayList<>();
        for (Docket.CasePerson p : people.values()) {
            CaseFacts f = all.get(p.personId());
            if (f == null) {
                continue;
            }
            Verdict verdict = gate.evaluate(f, workingDate);
            for (Finding finding : verdict.findings()) {
                if (finding.holds() && finding.detail().contains(REVIEW)) {
                    items.add(new Item("A-number " + p.aNumber() + " (case " + p.idncase() + "): "
                            + PageLayout.label(finding.ruleId()), "/people/" + p.aNumber(), finding.citation() + ". "
                            + finding.detail(), false));
                    break;
                }
            }
        }
        if (!items.isEmpty()) {
            // the panel names people (A-numbers) and what their cases say: a read of person-level data, audited
            access.audit("ATTORNEY_REVIEWS_READ", new Access.Subject("FIELD_OFFICE", office, office), items.size()
                    + " verdicts waiting for attorney review as of " + workingDate + ", shown: " + items.stream()
                    .limit(SHOWN).map(i -> i.href().substring("/people/".length()))
                    .collect(java.util.stream.Collectors.joining(", ")));
        }
        String note = "Among the cases the screening of " + screened + " found blocked by a rule that can call for "
                + "review" + (more ? " (the first " + CANDIDATES + ")" : "") + ", judged again as of " + workingDate;
        return Optional.of(new Panel(3, "attorney-review", title,
                List.of(new Count("verdicts to review", items.size(), null)),
                items.stream().limit(SHOWN).toList(),
                "No verdict waits for attorney review. " + note + ".", "/screenings", "Screenings (" + note + ")"));
    }
}
