package org.caseops.access;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.caseops.system.RequestIds;

/**
 * The audit entries of requests refused before they reach an endpoint: a 401 (no, a bad or an expired sign-in) and
 * a 403 from the filter chain (a missing CSRF token). Nobody needs an account to send these, so each remote address
 * writes at most {@code caseops.auth.refusals-audited-per-minute} entries a minute (default 20); the first entry of
 * the next minute says how many were left out.
 */
final class Refusals {

    private final Access access;
    private final int perMinute;
    private final Map<String, long[]> windows = new ConcurrentHashMap<>();

    Refusals(Access access, int perMinute) {
        this.access = access;
        this.perMinute = perMinute;
    }

    void refused(HttpServletRequest request, int status, String why) {
        String address = request.getRemoteAddr();
        long minute = System.currentTimeMillis() / 60_000;
        long[] window = windows.compute(address, (k, w) -> {
            if (w == null || w[0] != minute) {
                return new long[] {minute, 1, w == null ? 0 : Math.max(0, w[1] - perMinute)};
            }
            w[1]++;
            return w;
        });
        if (window[1] > perMinute) {
            return;
        }
        if (windows.size() > 10_000) {
            windows.clear(); // many addresses: start over rather than grow
        }
        String skipped = window[1] == 1 && window[2] > 0 ? " (" + window[2] + " more refusals from " + address
                + " in the minute before were not recorded one by one)" : "";
        try {
            String username = null;
            Role role = null;
            String office = null;
            try {
                Actor actor = access.actor();
                username = actor.username();
                role = actor.role();
                office = actor.fieldOffice();
            } catch (RuntimeException notSignedIn) {
                // refused before sign-in
            }
            access.recordRefusal(username, role, office, null, Access.purpose(), RequestIds.current(), status + " "
                    + request.getMethod() + " " + request.getRequestURI() + " from " + address + ": " + why + skipped);
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(Refusals.class).warn("Could not audit a refused request", e);
        }
    }
}
