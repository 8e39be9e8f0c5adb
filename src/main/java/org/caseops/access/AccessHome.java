package org.caseops.access;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.caseops.audit.AuditCheckpoints;
import org.caseops.audit.Checkpoint;
import org.springframework.stereotype.Component;

/**
 * The start page's panels of this feature: a partner's agreement scope, the auditor's latest signed checkpoint, the
 * administrator's users.
 */
@Component
class AccessHome implements HomePanel {

    private final Users users;
    private final AuditCheckpoints checkpoints;

    AccessHome(Users users, AuditCheckpoints checkpoints) {
        this.users = users;
        this.checkpoints = checkpoints;
    }

    @Override
    public Optional<Panel> panel(Actor actor, LocalDate workingDate) {
        return switch (actor.role()) {
            case PARTNER -> Optional.of(partner(actor));
            case AUDITOR -> Optional.of(auditor());
            case ADMIN -> Optional.of(admin());
            default -> Optional.empty();
        };
    }

    private static Panel partner(Actor actor) {
        List<Item> items = actor.grants().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(g -> new Item("Field office " + g.getKey(), null, scopes(g.getValue()), false)).toList();
        return new Panel(10, "agreement", "What your agency's agreement allows", List.of(), items,
                "Your agency has no agreement in force: nothing can be read.", null, null);
    }

    private static String scopes(Set<PartnerScope> scopes) {
        return String.join(", ", scopes.stream().map(s -> PageLayout.label(s.name())).sorted().toList());
    }

    private Panel auditor() {
        Optional<Checkpoint> latest = checkpoints.latest();
        List<Item> items = new java.util.ArrayList<>(latest.map(c -> List.of(new Item("Latest signed checkpoint: "
                + "entry " + c.position(), null, "issued " + c.issuedAt() + ", key " + checkpoints.keyId(), false)))
                .orElse(List.of()));
        items.add(new Item("Verify the whole chain now", "/audit?verify=true", "the result and the first broken "
                + "entry, if any", false));
        return new Panel(10, "audit", "Audit trail", List.of(), items,
                "No checkpoint has been signed yet: verify the chain and issue one (POST /api/audit/checkpoints).",
                "/audit/checkpoints", "All checkpoints, each checked against the chain");
    }

    private Panel admin() {
        List<Users.User> all = users.list();
        long disabled = all.stream().filter(u -> !u.enabled()).count();
        return new Panel(10, "users", "Users", List.of(new Count("users", all.size(), null),
                new Count("disabled", disabled, null)), List.of(), null, "/admin/users", "Manage the users");
    }
}
