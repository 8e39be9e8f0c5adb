package org.caseops.access;

import jakarta.servlet.http.HttpSession;
import java.time.LocalDate;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The date the user is working on (docs/web.md): ages, minority and verdicts on the pages are as of this date, never
 * silently as of the machine's clock. The user sets it in the top bar; it lives in the browser session and defaults to
 * today.
 */
@Component
public class WorkingDate {

    static final String SESSION_KEY = "caseops.workingDate";

    /** The signed-in user's working date, today when none is chosen (or outside a request). */
    public LocalDate get() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpSession session = servlet.getRequest().getSession(false);
            if (session != null && session.getAttribute(SESSION_KEY) instanceof LocalDate chosen) {
                return chosen;
            }
        }
        return LocalDate.now();
    }

    /** True when the user chose a date other than today. */
    public boolean chosen() {
        return !get().equals(LocalDate.now());
    }

    void set(HttpSession session, LocalDate date) {
        session.setAttribute(SESSION_KEY, date);
    }

    void clear(HttpSession session) {
        session.removeAttribute(SESSION_KEY);
    }
}
