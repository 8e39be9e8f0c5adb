package org.caseops.access;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.caseops.audit.AuditCheckpoints;
import org.caseops.audit.AuditVerifier;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The audit checkpoints page (docs/web.md, docs/audit.md "Checkpoints"): every signed checkpoint stored, newest first,
 * paged in the database, each checked — its signature, whether this installation's key signed it, and whether the
 * chain still holds the entry it signed with the same hash — with the whole chain's verification on request, as
 * {@code GET /api/audit/verify}. For the roles of the checkpoint API: the auditor and the administrator. Checkpoints
 * hold no person-level data.
 */
@Controller
@Pages
@Allow({Role.AUDITOR, Role.ADMIN})
class AuditCheckpointPages {

    static final List<Column> COLUMNS = List.of(Column.plain("position", "Chain position"),
            Column.plain("issued", "Signed (UTC)"), Column.plain("signature", "Signature"),
            Column.plain("key", "Key"), Column.plain("chain", "The chain now"), Column.plain("hash", "Hash"));
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);
    private static final int CSV_MAX = 100_000;

    private final AuditCheckpoints checkpoints;
    private final AuditVerifier verifier;

    AuditCheckpointPages(AuditCheckpoints checkpoints, AuditVerifier verifier) {
        this.checkpoints = checkpoints;
        this.verifier = verifier;
    }

    @GetMapping("/audit/checkpoints")
    ModelAndView list(@RequestParam(required = false) Boolean verify, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String format,
            jakarta.servlet.http.HttpServletResponse response) {
        Listing.Query query = Listing.Query.of(page, size, null, null, null, COLUMNS, null, false);
        String path = "/audit/checkpoints";
        if ("csv".equals(format)) {
            List<AuditCheckpoints.Checked> all = checkpoints.checked(0, CSV_MAX);
            Listing.paged("checkpoints", "Signed checkpoints", path, COLUMNS, rows(all), all.size(), query)
                    .writeCsv(response, "caseops-audit-checkpoints");
            return null;
        }
        long total = checkpoints.count();
        List<AuditCheckpoints.Checked> shown = checkpoints.checked((long) query.page() * query.size(), query.size());
        ModelAndView view = new ModelAndView("audit/checkpoints");
        view.addObject("table", Listing.paged("checkpoints", "Signed checkpoints", path, COLUMNS, rows(shown), total,
                query));
        view.addObject("keyId", checkpoints.keyId());
        view.addObject("broken", shown.stream().filter(c -> !c.signed() || !c.holds()).count());
        if (Boolean.TRUE.equals(verify)) {
            view.addObject("result", verifier.verify());
        }
        return view;
    }

    private List<Listing.Row> rows(List<AuditCheckpoints.Checked> all) {
        return Listing.rows(all,
                c -> Cell.of(c.checkpoint().position()),
                c -> Cell.of(TIME.format(c.checkpoint().issuedAt())),
                c -> Cell.of(c.signed() ? "verifies" : "does not verify"),
                c -> Cell.of(c.checkpoint().keyId() + (c.ours() ? " (this installation's)" : " (another key)")),
                c -> Cell.of(c.chain()),
                c -> Cell.of(c.checkpoint().hash()));
    }
}
