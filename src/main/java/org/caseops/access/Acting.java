package org.caseops.access;

import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * Work done outside a request as a named actor (the demo's scenario loaders): the services ask {@link Access#actor()}
 * as they do in a request, so every rule, timeline event and audit entry is the same as a user's; the entries name the
 * actor given. The caller's own security context is restored afterwards.
 */
public final class Acting {

    private Acting() {
    }

    public static <T> T as(Actor actor, Supplier<T> work) {
        SecurityContext previous = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(new ActorAuthentication(actor));
        SecurityContextHolder.setContext(context);
        try {
            return work.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
