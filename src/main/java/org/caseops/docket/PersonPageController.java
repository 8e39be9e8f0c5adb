package org.caseops.docket;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.caseops.access.Access;
import org.caseops.access.Actor;
import org.caseops.access.Allow;
import org.caseops.access.PartnerScope;
import org.caseops.access.Role;
import org.caseops.system.BadInput;
import org.caseops.system.Forbidden;
import org.caseops.system.Listing;
import org.caseops.system.NotFound;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.view.RedirectView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The person page: the record of one person, their case notes, and a form to add one. Outside the user's own field
 * office the page first asks why the record is opened; the answer travels with every following request of the page
 * (the {@code purpose} parameter) and goes into each audit entry. Refusals are plain pages, not problem details.
 */
@Controller
@org.caseops.system.Pages
@Allow({Role.OFFICER, Role.SUPERVISOR, Role.DIRECTOR, Role.ATTORNEY})
class PersonPageController {

    private final Docket docket;
    private final CaseNotes notes;
    private final Access access;
    private final CourtRecordBirths births;
    private final PersonTimeline timeline;
    private final org.caseops.access.WorkingDate workingDate;
    private final List<PersonSection> sections;

    static final List<Listing.Column> TIMELINE = List.of(Listing.Column.sortable("when", "When (UTC)"),
            Listing.Column.sortable("kind", "What"), Listing.Column.sortable("who", "Who"),
            Listing.Column.plain("summary", "Summary"), Listing.Column.plain("before", "Before"),
            Listing.Column.plain("after", "After"));
    private static final java.time.format.DateTimeFormatter WHEN = java.time.format.DateTimeFormatter
            .ofPattern("yyyy-MM-dd HH:mm", java.util.Locale.ROOT).withZone(java.time.ZoneOffset.UTC);

    PersonPageController(Docket docket, CaseNotes notes, Access access, CourtRecordBirths births,
            PersonTimeline timeline, org.caseops.access.WorkingDate workingDate, List<PersonSection> sections) {
        this.sections = sections;
        this.docket = docket;
        this.notes = notes;
        this.access = access;
        this.births = births;
        this.timeline = timeline;
        this.workingDate = workingDate;
    }

    /** The start page's search form: opens the record of an A-number however it was typed. */
    @GetMapping("/people")
    RedirectView find(@RequestParam(required = false) String aNumber) {
        if (aNumber == null || aNumber.isBlank()) {
            throw new BadInput("aNumber", "give the A-number of the person to open");
        }
        return redirect(Docket.aNumber(aNumber), null);
    }

    @GetMapping("/people/{aNumber}")
    ModelAndView show(@PathVariable String aNumber, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, jakarta.servlet.http.HttpServletResponse response) {
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, TIMELINE, "when", true);
        if ("csv".equals(format)) {
            String a = Docket.aNumber(aNumber);
            docket.personSubject(a).orElseThrow(() -> notFound(a));
            timelineTable(a, query).writeCsv(response, "timeline-" + a);
            return null;
        }
        ModelAndView view = page(aNumber, null, null);
        if ("person".equals(view.getViewName())) {
            view.addObject("timeline", timelineTable(Docket.aNumber(aNumber), query));
        }
        return view;
    }

    /** The person's timeline as the caller may read it ({@link PersonTimeline}), as a table of this query. */
    private Listing timelineTable(String a, Listing.Query query) {
        List<DocketViews.Event> events = timeline.read(a);
        String purpose = Access.purpose();
        String path = "/people/" + a + (purpose == null ? "" : "?purpose="
                + java.net.URLEncoder.encode(purpose, java.nio.charset.StandardCharsets.UTF_8));
        return Listing.of("timeline", "Timeline", path, TIMELINE, Listing.rows(events,
                e -> Listing.Cell.of(WHEN.format(e.occurredAt())),
                e -> Listing.Cell.of(org.caseops.access.PageLayout.label(e.kind())),
                e -> Listing.Cell.of(e.actor()),
                e -> Listing.Cell.of(e.summary()),
                e -> Listing.Cell.of(e.before()),
                e -> Listing.Cell.of(e.after())), query);
    }

    /** Adds a note, then shows the page again (post/redirect/get); a bad note shows the page with the problem. */
    @PostMapping("/people/{aNumber}/notes")
    ModelAndView addNote(@PathVariable String aNumber, @RequestParam(required = false) String text) {
        try {
            notes.add(aNumber, text);
        } catch (BadInput e) {
            if (!"text".equals(e.field())) {
                throw e;
            }
            ModelAndView page = page(aNumber, text, e.getMessage());
            page.setStatus(HttpStatus.BAD_REQUEST);
            return page;
        }
        return new ModelAndView(redirect(Docket.aNumber(aNumber), "notes"));
    }

    private ModelAndView page(String aNumber, String draft, String noteError) {
        String a = Docket.aNumber(aNumber);
        Access.Subject subject = docket.personSubject(a).orElseThrow(() -> notFound(a));
        Actor actor = access.actor();
        String purpose = Access.purpose();
        if (purpose == null && actor.mayRead(subject.fieldOffice(), PartnerScope.PERSON_RECORD)
                && actor.needsPurposeFor(subject.fieldOffice())) {
            ModelAndView prompt = new ModelAndView("person-purpose");
            prompt.addObject("aNumber", a);
            prompt.addObject("fieldOffice", subject.fieldOffice());
            return prompt;
        }
        access.read("PERSON_READ", subject, PartnerScope.PERSON_RECORD);
        LocalDate today = workingDate.get();
        DocketViews.Person person = docket.person(a, today).orElseThrow(() -> notFound(a));
        List<CaseNotes.Note> list = notes.read(a);
        ModelAndView page = new ModelAndView("person");
        page.addObject("person", person);
        page.addObject("courtBirth", births.view(person, today).orElse(null));
        page.addObject("today", today);
        page.addObject("notes", list);
        page.addObject("purpose", purpose);
        page.addObject("keep", purpose == null ? "" : "?purpose=" + java.net.URLEncoder.encode(purpose,
                java.nio.charset.StandardCharsets.UTF_8));
        PersonSection.Shown shown = new PersonSection.Shown(a, person.id(), person.familyId(), subject);
        page.addObject("sections", sections.stream().map(section -> section.section(shown, today))
                .flatMap(java.util.Optional::stream)
                .sorted(java.util.Comparator.comparingInt(PersonSection.Section::order)).toList());
        page.addObject("draft", draft);
        page.addObject("noteError", noteError);
        return page;
    }

    /** To the person's page, keeping the stated purpose so that the page does not ask again. */
    private static RedirectView redirect(String a, String fragment) {
        String purpose = Access.purpose();
        Map<String, String> values = new HashMap<>();
        values.put("a", a);
        UriComponentsBuilder url = UriComponentsBuilder.fromPath("/people/{a}").fragment(fragment);
        if (purpose != null) {
            url.queryParam("purpose", "{purpose}");
            values.put("purpose", purpose);
        }
        RedirectView view = new RedirectView(url.encode().buildAndExpand(values).toUriString(), true);
        view.setExposeModelAttributes(false);
        return view;
    }

    private static NotFound notFound(String a) {
        return new NotFound("no person with A-number " + a);
    }

    @ExceptionHandler(Forbidden.class)
    ModelAndView forbidden(Forbidden e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage());
    }

    @ExceptionHandler(NotFound.class)
    ModelAndView notFound(NotFound e) {
        return problem(HttpStatus.NOT_FOUND, "Not found", e.getMessage());
    }

    @ExceptionHandler(BadInput.class)
    ModelAndView badInput(BadInput e) {
        return problem(HttpStatus.BAD_REQUEST, "Cannot do that", e.getMessage());
    }

    private static ModelAndView problem(HttpStatus status, String title, String detail) {
        ModelAndView page = new ModelAndView("problem");
        page.addObject("status", status.value());
        page.addObject("title", title);
        page.addObject("detail", detail);
        page.setStatus(status);
        return page;
    }
}
