package org.caseops.access;

import jakarta.servlet.http.HttpSession;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The date the user is working on (docs/web.md): ages, minority and verdicts on the pages are as of this date, never
 * silently as of the machine's clock. The user sets it in the top bar; it lives in the browser session. Until the user
 * chooses one it is the default: today in the user's field office's time zone ({@link #today()}), or in demo mode
 * the demo scenario's date (a {@link DefaultWorkingDate} bean: 2019-06-23 for the June 2019 family operation), so that
 * the demo's ages and verdicts are those of its story.
 */
@Component
public class WorkingDate {

    static final String SESSION_KEY = "caseops.workingDate";

    private final ObjectProvider<DefaultWorkingDate> defaults;
    private final ObjectProvider<OfficeTimeZones> zones;
    private final Clock clock;

    @Autowired
    WorkingDate(ObjectProvider<DefaultWorkingDate> defaults, ObjectProvider<OfficeTimeZones> zones) {
        this(defaults, zones, Clock.systemDefaultZone());
    }

    WorkingDate(ObjectProvider<DefaultWorkingDate> defaults, ObjectProvider<OfficeTimeZones> zones, Clock clock) {
        this.defaults = defaults;
        this.zones = zones;
        this.clock = clock;
    }

    /**
     * Today where the signed-in user works: the date in their field office's time zone ({@link OfficeTimeZones}), so
     * that an officer in Los Angeles at 17:00 is not working on tomorrow because the server keeps UTC; the server's
     * date for a user without a field office (headquarters, oversight, partners) and outside a request.
     */
    public LocalDate today() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth instanceof ActorAuthentication signedIn && signedIn.actor().fieldOffice() != null) {
            OfficeTimeZones known = zones.getIfAvailable();
            Optional<ZoneId> zone = known == null ? Optional.empty() : known.of(signedIn.actor().fieldOffice());
            if (zone.isPresent()) {
                return LocalDate.now(clock.withZone(zone.get()));
            }
        }
        return LocalDate.now(clock);
    }

    /** The date when the user chose none: the demo scenario's in demo mode, otherwise {@link #today()}. */
    public LocalDate byDefault() {
        DefaultWorkingDate given = defaults.getIfAvailable();
        return given != null ? given.workingDate() : today();
    }

    /** The signed-in user's working date; the default when none is chosen (or outside a request). */
    public LocalDate get() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes instanceof ServletRequestAttributes servlet) {
            HttpSession session = servlet.getRequest().getSession(false);
            if (session != null && session.getAttribute(SESSION_KEY) instanceof LocalDate chosen) {
                return chosen;
            }
        }
        return byDefault();
    }

    /**
     * The latest day something may be recorded as having happened on (a check-in, a no-show, a missed deadline): the
     * working date, never after today. A working date in the past (the demo's scenario date, or one the user chose)
     * moves "now" back with it, so what is recorded agrees with what the pages show as of that date; one in the future
     * does not make a day that has not come yet recordable.
     */
    public LocalDate latestRecordable() {
        LocalDate working = get();
        LocalDate today = today();
        return working.isAfter(today) ? today : working;
    }

    /** True when the working date is not today (chosen by the user, or the demo's default): the bar says so. */
    public boolean chosen() {
        return !get().equals(today());
    }

    void set(HttpSession session, LocalDate date) {
        session.setAttribute(SESSION_KEY, date);
    }

    void clear(HttpSession session) {
        session.removeAttribute(SESSION_KEY);
    }
}
