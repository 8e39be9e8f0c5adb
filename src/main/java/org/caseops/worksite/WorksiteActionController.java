package org.caseops.worksite;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.caseops.access.Allow;
import org.caseops.access.Role;
import org.caseops.system.Paged;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Worksite actions, their detainees' humanitarian screening and outcomes, and their report (docs/worksite.md). */
@RestController
class WorksiteActionController {

    private final WorksiteActions actions;
    private final WorksiteDetainees detainees;

    WorksiteActionController(WorksiteActions actions, WorksiteDetainees detainees) {
        this.actions = actions;
        this.detainees = detainees;
    }

    /** An action with what its dry run finds missing. */
    record ActionView(WorksiteActions.Action action, List<WorksiteActions.Finding> readiness) {
    }

    private ActionView view(WorksiteActions.Action action) {
        return new ActionView(action, actions.readiness(action));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/worksite-actions")
    ResponseEntity<ActionView> create(@RequestBody WorksiteActions.NewAction request) {
        WorksiteActions.Action created = actions.create(request);
        return ResponseEntity.created(URI.create("/api/worksite-actions/" + created.id())).body(view(created));
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/worksite-actions")
    Paged<WorksiteActions.Action> list(@RequestParam(required = false) String office,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        return Paged.of(actions.list(office), page, size);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/worksite-actions/{id}")
    ActionView get(@PathVariable long id) {
        return view(actions.visible(id));
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/worksite-actions/{id}/events")
    Paged<WorksiteLog.Event> events(@PathVariable long id, @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "100") int size) {
        return Paged.of(actions.events(id), page, size);
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/worksite-actions/{id}/preparations")
    ActionView prepare(@PathVariable long id, @RequestBody WorksiteActions.PreparationsRequest request) {
        return view(actions.prepare(id, request));
    }

    record Step(String note, Integer version) {
    }

    private static String note(Step step) {
        return step == null ? null : step.note();
    }

    private static Integer version(Step step) {
        return step == null ? null : step.version();
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/worksite-actions/{id}/submit")
    ActionView submit(@PathVariable long id, @RequestBody(required = false) Step step) {
        return view(actions.submit(id, version(step)));
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/api/worksite-actions/{id}/clear")
    ActionView clear(@PathVariable long id, @RequestBody(required = false) Step step) {
        return view(actions.clear(id, note(step), version(step)));
    }

    @Allow(Role.ATTORNEY)
    @PostMapping("/api/worksite-actions/{id}/return")
    ActionView returnToDraft(@PathVariable long id, @RequestBody(required = false) Step step) {
        return view(actions.returnToDraft(id, note(step), version(step)));
    }

    @Allow(Role.DIRECTOR)
    @PostMapping("/api/worksite-actions/{id}/approve")
    ActionView approve(@PathVariable long id, @RequestBody(required = false) Step step) {
        return view(actions.approve(id, version(step)));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/worksite-actions/{id}/launch")
    ActionView launch(@PathVariable long id, @RequestBody(required = false) Step step) {
        return view(actions.launch(id, version(step)));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/worksite-actions/{id}/close")
    ActionView close(@PathVariable long id, @RequestBody(required = false) Step step) {
        return view(actions.close(id, note(step), version(step)));
    }

    @Allow({Role.SUPERVISOR, Role.DIRECTOR})
    @PostMapping("/api/worksite-actions/{id}/cancel")
    ActionView cancel(@PathVariable long id, @RequestBody(required = false) Step step) {
        return view(actions.cancel(id, note(step), version(step)));
    }

    /** The people detained with what their screening suggests, and the children they named. */
    record Detained(List<WorksiteDetainees.Detainee> detainees,
            Map<Long, WorksiteDetainees.Recommendation> recommendations, List<WorksiteDetainees.Child> children) {
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/worksite-actions/{id}/detainees")
    Detained detainees(@PathVariable long id) {
        List<WorksiteDetainees.Detainee> all = detainees.list(id);
        List<WorksiteDetainees.Child> children = detainees.children(id);
        return new Detained(all, detainees.recommendations(all, children), children);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR})
    @PostMapping("/api/worksite-actions/{id}/detainees")
    ResponseEntity<WorksiteDetainees.Detainee> detain(@PathVariable long id,
            @RequestBody WorksiteDetainees.NewDetainee request) {
        WorksiteDetainees.Detainee created = detainees.detain(id, request);
        return ResponseEntity.created(URI.create("/api/worksite-detainees/" + created.id())).body(created);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/worksite-detainees/{id}")
    WorksiteDetainees.Detainee detainee(@PathVariable long id) {
        return detainees.get(id);
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR})
    @PostMapping("/api/worksite-detainees/{id}/screening")
    WorksiteDetainees.Detainee screen(@PathVariable long id,
            @RequestBody WorksiteDetainees.ScreeningRequest request) {
        return detainees.screen(id, request);
    }

    @Allow(Role.SUPERVISOR)
    @PostMapping("/api/worksite-detainees/{id}/outcome")
    WorksiteDetainees.Detainee decide(@PathVariable long id,
            @RequestBody WorksiteDetainees.DecisionRequest request) {
        return detainees.decide(id, request);
    }

    record Charge(String charge, Integer version) {
    }

    @Allow(Role.SUPERVISOR)
    @PostMapping("/api/worksite-detainees/{id}/charge")
    WorksiteDetainees.Detainee charge(@PathVariable long id, @RequestBody Charge request) {
        return detainees.charge(id, request.charge(), request.version());
    }

    @Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY, Role.AUDITOR})
    @GetMapping("/api/worksite-actions/{id}/report")
    List<WorksiteDetainees.SiteReport> report(@PathVariable long id) {
        return detainees.report(id);
    }
}
