package org.caseops.access;

import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.caseops.system.BadInput;
import org.caseops.system.Conflict;
import org.caseops.system.Listing;
import org.caseops.system.Listing.Action;
import org.caseops.system.Listing.Cell;
import org.caseops.system.Listing.Column;
import org.caseops.system.NotFound;
import org.caseops.system.Pages;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The administrator's pages for users and tokens (docs/ui.md): the users (table with CSV; add one; disable, enable;
 * another role, field office or partner agency) and every user's tokens (list, revoke). Each form calls the service
 * the API's {@code /api/users} and {@code /api/tokens} call ({@link UserAdministration}), which audits the change.
 */
@Controller
@Pages
@Allow(Role.ADMIN)
class AdminPages {

    static final List<Column> USER_COLUMNS = List.of(Column.sortable("username", "User"),
            Column.sortable("name", "Name"), Column.sortable("role", "Role"),
            Column.sortable("office", "Field office"), Column.sortable("partner", "Partner agency"),
            Column.sortable("state", "State"), Column.sortable("created", "Created (UTC)"),
            Column.plain("actions", "Actions"));
    static final List<Column> TOKEN_COLUMNS = List.of(Column.sortable("id", "Token"),
            Column.sortable("user", "User"), Column.sortable("kind", "Kind"), Column.sortable("name", "Name"),
            Column.sortable("created", "Created (UTC)"), Column.sortable("expires", "Expires (UTC)"),
            Column.sortable("used", "Last used (UTC)"), Column.sortable("state", "State"),
            Column.plain("actions", "Actions"));
    /** The most tokens the tokens page reads (newest first); session tokens of API sign-ins add up. */
    static final int TOKENS_MAX = 10_000;

    private final Users users;
    private final Tokens tokens;
    private final Partners partners;
    private final UserAdministration administration;
    private final OfficeDirectory offices;
    private final Access access;

    AdminPages(Users users, Tokens tokens, Partners partners, UserAdministration administration,
            OfficeDirectory offices, Access access) {
        this.users = users;
        this.tokens = tokens;
        this.partners = partners;
        this.administration = administration;
        this.offices = offices;
        this.access = access;
    }

    // ---- users ------------------------------------------------------------------------------------------------

    @GetMapping("/admin/users")
    ModelAndView usersPage(@RequestParam(required = false) String role, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, HttpServletResponse response) {
        Role only = role == null || role.isBlank() ? null : PageForms.choice(Role.class, "role", role, "a role");
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, USER_COLUMNS, "username", false);
        Listing table = usersTable(only, query);
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-users");
            return null;
        }
        ModelAndView view = usersView(Map.of(), null, null);
        view.addObject("users", table);
        view.addObject("roleShown", only);
        return view;
    }

    /** Adds a user, as {@code POST /api/users}; empty password: one is made up and shown once. */
    @PostMapping("/admin/users")
    ModelAndView addUser(@RequestParam(required = false) String username,
            @RequestParam(required = false) String displayName, @RequestParam(required = false) String role,
            @RequestParam(required = false) String fieldOffice, @RequestParam(required = false) String partnerId,
            @RequestParam(required = false) String password, RedirectAttributes flash) {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("username", PageForms.text(username));
        typed.put("displayName", PageForms.text(displayName));
        typed.put("role", PageForms.text(role));
        typed.put("fieldOffice", PageForms.text(fieldOffice));
        typed.put("partnerId", PageForms.text(partnerId));
        String made = PageForms.blank(password) == null ? Users.randomPassword(16) : null;
        Users.User user;
        try {
            user = administration.add(new Users.NewUser(PageForms.blank(username) == null ? null
                    : username.trim(), PageForms.blank(displayName), PageForms.choice(Role.class, "role", role,
                    "a role"), PageForms.blank(fieldOffice),
                    partner("partnerId", partnerId), made != null ? made : password));
        } catch (BadInput e) {
            ModelAndView view = usersView(typed, e.field(), e.getMessage());
            view.addObject("users", usersTable(null, defaultUsers()));
            view.setStatus(HttpStatus.BAD_REQUEST);
            return view;
        } catch (Conflict e) {
            ModelAndView view = usersView(typed, "", e.getMessage());
            view.addObject("users", usersTable(null, defaultUsers()));
            view.setStatus(HttpStatus.CONFLICT);
            return view;
        }
        flash.addFlashAttribute("done", "User " + user.username() + " added as " + PageLayout.label(
                user.role().name()) + ".");
        if (made != null) {
            flash.addFlashAttribute("password", made);
        }
        return PageForms.redirect("/admin/users/" + user.username());
    }

    @GetMapping("/admin/users/{username}")
    ModelAndView userPage(@PathVariable String username, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, HttpServletResponse response) {
        Users.User user = user(username);
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, TOKEN_COLUMNS, "id", true);
        Listing table = tokensTable("user-tokens", "Tokens of " + user.username(),
                "/admin/users/" + user.username(), tokens.of(user.username()), query);
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-tokens-" + user.username());
            return null;
        }
        return userView(user, table, Map.of(), null, null);
    }

    /** Another role, field office or partner agency for a user, from their next request on. */
    @PostMapping("/admin/users/{username}/role")
    ModelAndView changeUser(@PathVariable String username, @RequestParam(required = false) String role,
            @RequestParam(required = false) String fieldOffice, @RequestParam(required = false) String partnerId,
            RedirectAttributes flash) {
        Users.User user = user(username);
        Map<String, String> typed = Map.of("role", PageForms.text(role), "fieldOffice",
                PageForms.text(fieldOffice), "partnerId", PageForms.text(partnerId));
        Users.User changed;
        try {
            changed = administration.change(user.username(), PageForms.choice(Role.class, "role", role, "a role"),
                    PageForms.blank(fieldOffice), partner("partnerId", partnerId));
        } catch (BadInput e) {
            return failedUserView(user, typed, e.field(), e.getMessage(), HttpStatus.BAD_REQUEST);
        } catch (Conflict e) {
            return failedUserView(user, typed, "", e.getMessage(), HttpStatus.CONFLICT);
        }
        flash.addFlashAttribute("done", "User " + changed.username() + " is now " + PageLayout.label(
                changed.role().name()) + (changed.fieldOffice() == null ? "" : " in field office "
                + changed.fieldOffice()) + ", from their next request on.");
        return PageForms.redirect("/admin/users/" + changed.username());
    }

    /** Disables a user, as {@code POST /api/users/{username}/disable}: sessions and tokens refused at once. */
    @PostMapping("/admin/users/{username}/disable")
    ModelAndView disable(@PathVariable String username, @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        Users.User user = administration.setEnabled(user(username).username(), false);
        flash.addFlashAttribute("done", "User " + user.username() + " disabled: their sessions and tokens are "
                + "refused from their next request on.");
        return PageForms.redirect(back(back, "/admin/users/" + user.username()));
    }

    @PostMapping("/admin/users/{username}/enable")
    ModelAndView enable(@PathVariable String username, @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        Users.User user = administration.setEnabled(user(username).username(), true);
        flash.addFlashAttribute("done", "User " + user.username() + " enabled.");
        return PageForms.redirect(back(back, "/admin/users/" + user.username()));
    }

    // ---- tokens -----------------------------------------------------------------------------------------------

    /** Every user's tokens: by default those still usable; {@code show=all} adds the revoked and expired ones. */
    @GetMapping("/admin/tokens")
    ModelAndView tokensPage(@RequestParam(required = false) String show, @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(required = false) String filter,
            @RequestParam(required = false) String format, HttpServletResponse response) {
        if (show != null && !show.isBlank() && !show.equals("all") && !show.equals("usable")) {
            throw new BadInput("show", "'" + show + "' is not usable or all");
        }
        boolean all = "all".equals(show);
        Listing.Query query = Listing.Query.of(page, size, sort, dir, filter, TOKEN_COLUMNS, "id", true);
        List<Tokens.Listed> listed = tokens.all(!all, TOKENS_MAX);
        Listing table = tokensTable("tokens", all ? "Tokens" : "Usable tokens", "/admin/tokens"
                + (all ? "?show=all" : ""), listed, query);
        if ("csv".equals(format)) {
            table.writeCsv(response, "caseops-tokens");
            return null;
        }
        ModelAndView view = new ModelAndView("admin/tokens");
        view.addObject("tokens", table);
        view.addObject("all", all);
        view.addObject("capped", listed.size() >= TOKENS_MAX);
        view.addObject("max", TOKENS_MAX);
        return view;
    }

    /** Revokes a token, as {@code POST /api/tokens/{id}/revoke}; back to the page it was revoked from. */
    @PostMapping("/admin/tokens/{id}/revoke")
    ModelAndView revoke(@PathVariable long id, @RequestParam(required = false) String back,
            RedirectAttributes flash) {
        administration.revokeToken(id);
        flash.addFlashAttribute("done", "Token " + id + " revoked: it is refused from its next request on.");
        return PageForms.redirect(back(back, "/admin/tokens"));
    }

    // ---- the views --------------------------------------------------------------------------------------------

    private ModelAndView usersView(Map<String, String> typed, String errorField, String error) {
        ModelAndView view = new ModelAndView("admin/users");
        choices(view);
        view.addObject("typed", typed);
        view.addObject("errorField", errorField);
        view.addObject("error", error);
        return view;
    }

    private ModelAndView userView(Users.User user, Listing table, Map<String, String> typed, String errorField,
            String error) {
        ModelAndView view = new ModelAndView("admin/user");
        choices(view);
        view.addObject("user", user);
        view.addObject("tokens", table);
        view.addObject("state", state(user, Instant.now()) + (user.enabled() ? ""
                : ": sessions and tokens refused from the next request on"));
        view.addObject("self", user.username().equals(access.actor().username()));
        view.addObject("partnerName", user.partnerId() == null ? null : partners.agency(user.partnerId()).name());
        view.addObject("typed", typed);
        view.addObject("errorField", errorField);
        view.addObject("error", error);
        return view;
    }

    private ModelAndView failedUserView(Users.User user, Map<String, String> typed, String field, String message,
            HttpStatus status) {
        Listing table = tokensTable("user-tokens", "Tokens of " + user.username(), "/admin/users/"
                + user.username(), tokens.of(user.username()), Listing.Query.of(null, null, null, null, null,
                TOKEN_COLUMNS, "id", true));
        ModelAndView view = userView(user, table, typed, field, message);
        view.setStatus(status);
        return view;
    }

    private void choices(ModelAndView view) {
        view.addObject("roles", Role.values());
        view.addObject("offices", offices.offices());
        view.addObject("agencies", partners.agencies());
    }

    private Listing usersTable(Role only, Listing.Query query) {
        Map<Long, String> agencyNames = partners.agencies().stream()
                .collect(Collectors.toMap(Partners.Agency::id, Partners.Agency::name));
        Map<String, String> officeNames = offices.offices().stream()
                .collect(Collectors.toMap(OfficeDirectory.Office::code, OfficeDirectory.Office::label));
        String self = access.actor().username();
        List<Users.User> shown = users.list().stream().filter(u -> only == null || u.role() == only).toList();
        String back = "/admin/users" + (only == null ? "" : "?role=" + only.name());
        Function<Users.User, Cell> actions = u -> u.username().equals(self) ? Cell.of("")
                : u.enabled() ? Cell.actions("", Action.button("disable-" + u.username(), "Disable",
                        "/admin/users/" + u.username() + "/disable", Map.of("back", back)))
                : Cell.actions("", Action.button("enable-" + u.username(), "Enable",
                        "/admin/users/" + u.username() + "/enable", Map.of("back", back)));
        Instant now = Instant.now();
        return Listing.of("users", only == null ? "Users" : "Users: " + PageLayout.label(only.name()),
                back, USER_COLUMNS, Listing.rows(shown,
                        u -> Cell.link(u.username(), "/admin/users/" + u.username()),
                        u -> Cell.of(u.displayName()),
                        u -> Cell.of(PageLayout.label(u.role().name())),
                        u -> Cell.of(u.fieldOffice() == null ? "All field offices"
                                : officeNames.getOrDefault(u.fieldOffice(), u.fieldOffice())),
                        u -> Cell.of(u.partnerId() == null ? "" : agencyNames.get(u.partnerId())),
                        u -> Cell.of(state(u, now)),
                        u -> Cell.of(PageForms.time(u.createdAt())),
                        actions), query);
    }

    private static Listing.Query defaultUsers() {
        return Listing.Query.of(null, null, null, null, null, USER_COLUMNS, "username", false);
    }

    private static String state(Users.User user, Instant now) {
        if (!user.enabled()) {
            return "Disabled";
        }
        if (user.lockedUntil() != null && user.lockedUntil().isAfter(now)) {
            return "Locked until " + PageForms.time(user.lockedUntil());
        }
        return "Enabled";
    }

    private static Listing tokensTable(String id, String caption, String path, List<Tokens.Listed> listed,
            Listing.Query query) {
        Instant now = Instant.now();
        String back = path;
        return Listing.of(id, caption, path, TOKEN_COLUMNS, Listing.rows(listed.stream()
                        .sorted(Comparator.comparingLong(Tokens.Listed::id).reversed()).toList(),
                t -> Cell.of(t.id()),
                t -> Cell.link(t.username(), "/admin/users/" + t.username()),
                t -> Cell.of(t.kind() == Tokens.Kind.PERSONAL ? "Personal" : "Session (API sign-in)"),
                t -> Cell.of(t.name()),
                t -> Cell.of(PageForms.time(t.createdAt())),
                t -> Cell.of(PageForms.time(t.expiresAt())),
                t -> Cell.of(t.lastUsedAt() == null ? "never" : PageForms.time(t.lastUsedAt())),
                t -> Cell.of(tokenState(t, now)),
                t -> t.revokedAt() != null || !t.expiresAt().isAfter(now) ? Cell.of("")
                        : Cell.actions("", Action.button("revoke-" + t.id(), "Revoke",
                                "/admin/tokens/" + t.id() + "/revoke", Map.of("back", back)))), query);
    }

    private static String tokenState(Tokens.Listed token, Instant now) {
        if (token.revokedAt() != null) {
            return "Revoked " + PageForms.time(token.revokedAt());
        }
        return token.expiresAt().isAfter(now) ? "Usable" : "Expired";
    }

    // ---- small things -----------------------------------------------------------------------------------------

    private Users.User user(String username) {
        return users.find(username).orElseThrow(() -> new NotFound("no user " + username));
    }

    private Long partner(String field, String value) {
        if (PageForms.blank(value) == null) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw new BadInput(field, "'" + value + "' is not a partner agency");
        }
    }

    /** Where a form returns to: one of these administration pages, never another site. */
    private static String back(String back, String otherwise) {
        if (back == null || !(back.startsWith("/admin/") || back.startsWith("/partners")) || back.startsWith("//")
                || back.contains("\\") || back.contains("://")) {
            return otherwise;
        }
        return UriComponentsBuilder.fromUriString(back).build().toUriString();
    }
}
