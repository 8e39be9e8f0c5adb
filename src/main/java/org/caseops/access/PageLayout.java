package org.caseops.access;

import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * What the shared layout (templates/layout/page.html) shows on every page: the user, their role and field office,
 * the working date and the menu of the pages the role may open. Templates read it as {@code ${@pageLayout.current()}};
 * it is computed on the page, so error pages get it too.
 */
@Component("pageLayout")
public class PageLayout {

    /** The top bar and menu of one page; {@code back} is the address the working-date form returns to. */
    public record Bar(String username, Role role, String roleLabel, String fieldOffice, LocalDate workingDate,
            boolean workingDateChosen, List<Navigation.Link> menu, String back) {
    }

    private final Navigation navigation;
    private final WorkingDate workingDate;

    PageLayout(Navigation navigation, WorkingDate workingDate) {
        this.navigation = navigation;
        this.workingDate = workingDate;
    }

    /** The bar of the signed-in user of this request; {@code null} when nobody is signed in. */
    public Bar current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof ActorAuthentication signedIn)) {
            return null;
        }
        Actor actor = signedIn.actor();
        HttpServletRequest request = request();
        String path = request == null ? "/" : request.getRequestURI();
        String back = request == null ? "/" : path + (request.getQueryString() == null ? ""
                : "?" + request.getQueryString());
        return new Bar(actor.username(), actor.role(), label(actor.role().name()), actor.fieldOffice(),
                workingDate.get(), workingDate.chosen(), navigation.menu(actor.role(), path), back);
    }

    /** {@code REMOVAL_ORDERED} → {@code Removal ordered}: a code spelled as words. */
    public static String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    private static HttpServletRequest request() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest() : null;
    }
}
