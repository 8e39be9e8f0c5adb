package org.caseops.encounter;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.Pages;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * An operation's funnel as a dashboard (docs/web.md): targeted → encountered → arrested → released, departed on
 * instructions, on ATD, transported, removed — per city with the total, as a chart with the same numbers in a table
 * beside it and its CSV. Counts only, no person named; the same {@link Funnels} read as
 * {@code GET /api/operations/{id}/funnel}, audited {@code OPERATION_FUNNEL_READ}.
 */
@Controller
@Pages
@Allow({Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
class FunnelPages {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<Column> COLUMNS = List.of(Column.sortable("city", "Field office"),
            Column.sortable("targeted", "Targeted"), Column.sortable("encountered", "Encountered"),
            Column.sortable("notPresent", "Not present"), Column.sortable("arrested", "Arrested (targets)"),
            Column.sortable("collateral", "Arrested (collateral)"), Column.sortable("released", "Released"),
            Column.sortable("depart", "Told to depart"), Column.sortable("atd", "On ATD"),
            Column.sortable("transported", "Transported"), Column.sortable("removed", "Removed"),
            Column.sortable("departed", "Departed voluntarily"));

    private final Funnels funnels;

    FunnelPages(Funnels funnels) {
        this.funnels = funnels;
    }

    @GetMapping("/operations/{id}/funnel")
    String funnel(@PathVariable long id, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, Model model, HttpServletResponse response) {
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, COLUMNS, "city", false);
        Funnels.Funnel funnel = funnels.funnel(id);
        List<Funnels.City> rows = new ArrayList<>(funnel.cities());
        rows.add(funnel.total());
        Listing table = Listing.of("funnel", "Funnel of operation " + id + " by field office, with the total",
                "/operations/" + id + "/funnel", COLUMNS, Listing.rows(rows,
                        c -> Cell.of(c.fieldOffice() == null || "ALL".equals(c.fieldOffice()) ? "All field offices" : c.fieldOffice()),
                        c -> Cell.of(c.targeted()), c -> Cell.of(c.encountered()), c -> Cell.of(c.notPresent()),
                        c -> Cell.of(c.arrestedTargets()), c -> Cell.of(c.arrestedCollateral()),
                        c -> Cell.of(released(c)), c -> Cell.of(c.instructedToDepart()), c -> Cell.of(c.onAtd()),
                        c -> Cell.of(c.transported()), c -> Cell.of(c.removed()),
                        c -> Cell.of(c.departedVoluntarily())), query);
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-funnel-" + id);
            return null;
        }
        Funnels.City total = funnel.total();
        Map<String, Long> stages = new LinkedHashMap<>();
        stages.put("Targeted", total.targeted());
        stages.put("Encountered", total.encountered());
        stages.put("Arrested (targets)", total.arrestedTargets());
        stages.put("Arrested (collateral)", total.arrestedCollateral());
        stages.put("Released", released(total));
        stages.put("On ATD", total.onAtd());
        stages.put("Transported", total.transported());
        stages.put("Removed", total.removed());
        stages.put("Departed voluntarily", total.departedVoluntarily());
        model.addAttribute("operationId", id);
        model.addAttribute("table", table);
        model.addAttribute("labels", json(stages.keySet()));
        model.addAttribute("values", json(stages.values()));
        model.addAttribute("released", total.released());
        return "encounter/funnel";
    }

    private static long released(Funnels.City c) {
        return c.released().values().stream().mapToLong(Long::longValue).sum();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
