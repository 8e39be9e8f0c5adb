package org.caseops.access;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * The navigation menu of the pages (docs/web.md). Each entry is a page address; whether a role sees it is read from
 * the {@link Allow} of the page's own handler, so the menu shows exactly the pages the role may open and can never
 * drift from the access rules.
 */
@Component
public final class Navigation {

    /** A menu entry: label and page address; {@code current} when it is the page shown. */
    public record Link(String label, String href, boolean current) {
    }

    /** The menu, in order: label, address. */
    private static final List<String[]> ENTRIES = List.of(
            new String[] {"Home", "/"},
            new String[] {"Search", "/search"},
            new String[] {"Queues", "/queues"},
            new String[] {"Legal reviews", "/legal-reviews"},
            new String[] {"Operations", "/operations"},
            new String[] {"Custody", "/custody"},
            new String[] {"Worksite actions", "/worksite-actions"},
            new String[] {"Departures and removals", "/departures"},
            new String[] {"ATD alerts", "/atd/alerts"},
            new String[] {"ATD level reviews", "/atd/reviews"},
            new String[] {"ATD rules", "/atd/rules"},
            new String[] {"Worksite", "/worksite"},
            new String[] {"Dashboards", "/dashboards"},
            new String[] {"Monthly report", "/reports/monthly"},
            new String[] {"Screenings", "/screenings"},
            new String[] {"Imports", "/imports"},
            new String[] {"Unmapped courts", "/reference/unmapped"},
            new String[] {"Reference mappings", "/reference/mappings"},
            new String[] {"Cooperation policies", "/reference/cooperation-policies"},
            new String[] {"Audit", "/audit"},
            new String[] {"Audit checkpoints", "/audit/checkpoints"},
            new String[] {"Users", "/admin/users"},
            new String[] {"Tokens", "/admin/tokens"},
            new String[] {"Partners", "/partners"});

    /** Looked up when the menu is first drawn: the command-line tools run without a web server and without it. */
    private final ObjectProvider<RequestMappingHandlerMapping> mappings;
    private final Map<String, Set<Role>> allowed = new ConcurrentHashMap<>();

    Navigation(@Qualifier("requestMappingHandlerMapping") ObjectProvider<RequestMappingHandlerMapping> mappings) {
        this.mappings = mappings;
    }

    List<Link> menu(Role role, String currentPath) {
        List<Link> links = new ArrayList<>();
        String current = null; // the longest entry the page's address starts with: /audit/checkpoints, not /audit
        for (String[] entry : ENTRIES) {
            boolean under = entry[1].equals("/") ? "/".equals(currentPath)
                    : currentPath != null && currentPath.startsWith(entry[1]);
            if (under && roles(entry[1]).contains(role) && (current == null || entry[1].length() > current.length())) {
                current = entry[1];
            }
        }
        for (String[] entry : ENTRIES) {
            if (roles(entry[1]).contains(role)) {
                links.add(new Link(entry[0], entry[1], entry[1].equals(current)));
            }
        }
        return links;
    }

    /** Whether {@code role} may open the page at {@code path} (a menu address, or a page linked from one). */
    public boolean allows(Role role, String path) {
        return roles(path).contains(role);
    }

    private Set<Role> roles(String path) {
        return allowed.computeIfAbsent(path, this::lookUp);
    }

    private Set<Role> lookUp(String path) {
        for (Map.Entry<RequestMappingInfo, HandlerMethod> m : mappings.getObject().getHandlerMethods().entrySet()) {
            RequestMappingInfo info = m.getKey();
            Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
            if ((methods.isEmpty() || methods.contains(RequestMethod.GET))
                    && info.getPatternValues().contains(path)) {
                HandlerMethod handler = m.getValue();
                Allow allow = handler.getMethodAnnotation(Allow.class);
                if (allow == null) {
                    allow = handler.getBeanType().getAnnotation(Allow.class);
                }
                return allow == null ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(Arrays.asList(allow.value()));
            }
        }
        return EnumSet.noneOf(Role.class);
    }
}
